import * as React from 'react';
import { mergeStyles } from '@fluentui/react';

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

/** Tables laid out as stacked rows, each cell named by its column: how ScrollRegion shows them on a narrow screen. */
export function StackedRows({ children }: { children: React.ReactNode }): JSX.Element {
  const stack = React.useRef<HTMLDivElement>(null);
  // After every render: the rows shown may have changed.
  React.useLayoutEffect(() => {
    if (stack.current) labelCells(stack.current);
  });
  return (
    <div ref={stack} className={stacked}>
      {children}
    </div>
  );
}
