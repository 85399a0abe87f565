import * as React from 'react';
import { mergeStyles } from '@fluentui/react';

const scroll = mergeStyles({ overflowX: 'auto', maxWidth: '100%' });

/**
 * Lets a wide table scroll sideways inside the web part on a narrow screen (a Teams
 * tab on a phone) instead of widening the page. Focusable, so keyboard users can
 * scroll it too; named after the table it holds.
 */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }): JSX.Element {
  return (
    // A scrollable region takes focus so it can be scrolled by keyboard (WCAG 2.1.1).
    <div className={scroll} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
