import * as React from 'react';
import { mergeStyles } from '@fluentui/react';
import { useNarrow } from './narrow';

/** Sideways scrolling, the caption held to the visible width (a container query) so it wraps rather than being cut off. */
const scroll = mergeStyles({ overflowX: 'auto', maxWidth: '100%', containerType: 'inline-size', selectors: { '& caption': { maxWidth: '100cqw', position: 'sticky', left: 0 } } });

/** The stacked layout is a phone's: fetched when a table is first shown narrow. */
const StackedRows = React.lazy(() => import(/* webpackChunkName: 'stacked-rows' */ './StackedRows').then((module) => ({ default: module.StackedRows })));

/**
 * Holds a wide table. On a narrow screen (a Teams tab on a phone) the table is laid out
 * as stacked rows, so nothing is cut off and the page never scrolls sideways; otherwise
 * it scrolls sideways inside the web part, focusable so keyboard users can scroll it
 * too, and named after the table it holds.
 */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }): JSX.Element {
  const narrow = useNarrow();
  const scrolling = (
    // A scrollable region takes focus so it can be scrolled by keyboard (WCAG 2.1.1).
    <div className={scroll} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
  return narrow ? (
    <React.Suspense fallback={scrolling}>
      <StackedRows>{children}</StackedRows>
    </React.Suspense>
  ) : (
    scrolling
  );
}
