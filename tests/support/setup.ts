import '@testing-library/jest-dom';
import { setIconOptions } from '@fluentui/react';
import { TextDecoder, TextEncoder } from 'node:util';

// SharePoint registers Fluent's icon font on its pages; tests render without it.
setIconOptions({ disableWarnings: true });

// jsdom has neither TextDecoder nor TextEncoder; the file readers use the platform's, as a browser has them.
if (typeof globalThis.TextDecoder === 'undefined') Object.assign(globalThis, { TextDecoder, TextEncoder });
