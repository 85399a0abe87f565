/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import { DryRunReport } from '../../../src/components/import/DryRunReport';
import { emptyImportPlan } from '../../../src/model/import/dryRun';
import { IDocumentSheet } from '../../../src/model/import/documentTables';

describe('DryRunReport', () => {
  it("names a Word document's problems by the table and row they were written in, and a heading by its table", () => {
    // Sheet rows 1-3: a heading above table 2, then its rows 1 and 2 (the header is row 0 of the stitched sheet).
    const sheet: IDocumentSheet = { name: 'plan.docx', hidden: false, rows: [['Ref', 'Action'], ['Priority 3'], ['3.1', 'A'], ['3.2', 'B']], places: [undefined, { table: 2, row: 0 }, { table: 2, row: 1 }, { table: 2, row: 2 }] };
    const plan = {
      ...emptyImportPlan({ kind: 'new', name: 'Plan', localArea: 'Area' }),
      problems: [
        { row: 4, column: 'B', header: 'Action', value: '', code: 'actionTextMissing' as const, params: [], severity: 'error' as const },
        { row: 2, code: 'noPriority' as const, params: [], severity: 'warning' as const }
      ]
    };
    render(<DryRunReport run={{ plan, kpis: [], mapping: [], sheet }} onImport={jest.fn()} onBack={jest.fn()} />);

    const problems = screen.getByRole('table', { name: /problem/i });
    expect(within(problems).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Table 2, row 2', 'Heading above table 2']);
  });
});
