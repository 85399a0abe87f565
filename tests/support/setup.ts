import '@testing-library/jest-dom';
import { setIconOptions } from '@fluentui/react';

// SharePoint registers Fluent's icon font on its pages; tests render without it.
setIconOptions({ disableWarnings: true });
