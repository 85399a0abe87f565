import * as React from 'react';
import { mergeStyles } from '@fluentui/react';
import { useNarrow } from './narrow';

/** Sideways scrolling, the caption held to the visible width (a container query) so it wraps rather than being cut off. */
const scroll = mergeStyles({ overflowX: 'auto', maxWidth: '100%', containerType: 'inline-size', selectors: { '& caption': { maxWidth: '100cqw', position: 'sticky', left: 0 } } });

/**
 * Tables as stacked rows: each row a block, each cell on a line of its own after its
 * column's name (`data-label`), the column headers kept for screen readers only.
 */
const stacked = mergeStyles({
  selectors: {
    '& table, & tbody, & tfoot, & tr, & table th, & table td, & caption': { display: 'block', textAlign: 'left', width: 'auto' },
    '& table th, & table td': { padding: '2px 8px' },
    '& table tr': { padding: '4px 0' },
    // One line under each row, not under each cell.
    '& table tr > :not(:last-child)': { borderBottom: 'none' },
    '& thead': { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
    '& [data-label]::before': { content: 'attr(data-label) ": "', fontWeight: 600 },
    // Figures one above another: each link a 24 px target (WCAG 2.5.8), not a digit's width.
    '& td .ms-Link': { display: 'inline-block', minWidth: 24, minHeight: 24, textAlign: 'center' }
  }
});

/** Column names without icon glyphs (a status header shows its pill's icon too). */
function headerText(cell: Element): string {
  return (cell.textContent ?? '').replace(/[\uE000-\uF8FF]/g, '').trim();
}

/** Puts each body cell's column name on it, for the stacked layout to show before its value; a row's own heading needs none. */
function labelCells(container: HTMLElement): void {
  container.querySelectorAll('table').forEach((table) => {
    const headerRow = table.tHead?.rows[table.tHead.rows.length - 1];
    if (!headerRow) return;
    const names: string[] = [];
    Array.from(headerRow.cells).forEach((cell) => {
      for (let span = 0; span < cell.colSpan; span++) names.push(headerText(cell));
    });
    Array.from(table.querySelectorAll('tbody tr, tfoot tr')).forEach((row) => {
      let column = 0;
      Array.from((row as HTMLTableRowElement).cells).forEach((cell) => {
        const name = names[column];
        if (name && cell.getAttribute('scope') !== 'row') cell.setAttribute('data-label', name);
        column += cell.colSpan;
      });
    });
  });
}

/**
 * Holds a wide table. On a narrow screen (a Teams tab on a phone) the table is laid out
 * as stacked rows, so nothing is cut off and the page never scrolls sideways; otherwise
 * it scrolls sideways inside the web part, focusable so keyboard users can scroll it
 * too, and named after the table it holds.
 */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }): JSX.Element {
  const narrow = useNarrow();
  const stack = React.useRef<HTMLDivElement>(null);
  // After every render: the rows shown may have changed.
  React.useLayoutEffect(() => {
    if (stack.current) labelCells(stack.current);
  });
  if (narrow) {
    return (
      <div ref={stack} className={stacked}>
        {children}
      </div>
    );
  }
  return (
    // A scrollable region takes focus so it can be scrolled by keyboard (WCAG 2.1.1).
    <div className={scroll} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
