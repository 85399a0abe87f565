/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { ImportPanel } from '../../../src/components/ImportPanel';
import { PlanDataError } from '../../../src/services/errors';
import { IPlanImportService } from '../../../src/services/IPlanImportService';
import { aSnapshot } from '../../support/fixtures';

function chooseFile(name: string, content: string): void {
  fireEvent.change(screen.getByLabelText('Spreadsheet (.xlsx or .csv)'), { target: { files: [new File([content], name, { type: 'text/csv' })] } });
}

function renderPanel(importService: IPlanImportService, onClose = jest.fn()): void {
  window.localStorage.clear();
  render(<ImportPanel snapshot={aSnapshot()} importService={importService} today="2023-06-15" onClose={onClose} />);
}

const CSV = 'Ref,Action,By When,RAG\n3.1.9,A new action,Sept 2024,Amber\n3.1.10,Another,SEF,Green\n';

describe('ImportPanel', () => {
  it('explains files it cannot use: the wrong type, empty, no header row', async () => {
    renderPanel({ importPlan: jest.fn() });
    chooseFile('plan.ods', 'PK');
    expect(await screen.findByText(/^plan\.ods is not a CSV or Excel/)).toBeInTheDocument();
    chooseFile('empty.csv', '\n\n');
    expect(await screen.findByText('empty.csv is empty.')).toBeInTheDocument();
    chooseFile('rows.csv', '3.1.1,Do it\n');
    expect(await screen.findByText(/^rows\.csv has no header row/)).toBeInTheDocument();
  });

  it('shows the mapping, then a dry run with each problem by row, column and value, writing nothing until asked', async () => {
    const importService = { importPlan: jest.fn() };
    renderPanel(importService);
    chooseFile('plan.csv', CSV);
    const mapping = await screen.findByRole('table', { name: 'How each column is read' });
    expect(within(mapping).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual(['ARefRef', 'BActionAction', 'CBy WhenDue date', 'DRAGStatus']);
    fireEvent.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    // The dry run runs in slices (so a large sheet does not freeze the page), so its report arrives a moment later.
    expect(await screen.findByText('1 actions to create, 0 to update, 0 unchanged, 1 rows rejected; 0 new priority areas, 0 new outcomes. Nothing has been written yet.')).toBeInTheDocument();
    const problems = screen.getByRole('table', { name: /^Problems found \(1\)/ });
    expect(within(problems).getAllByRole('row')[1]).toHaveTextContent('3C (By When)SEFRow not imported: "SEF" is not a date');
    expect(importService.importPlan).not.toHaveBeenCalled();
  });

  it('keeps the dry run when the import stops, offers to run it again, and reports what was written', async () => {
    const importPlan = jest
      .fn()
      .mockRejectedValueOnce(new PlanDataError('throttled', '429'))
      .mockResolvedValueOnce({ createdPriorities: 0, createdOutcomes: 0, createdActions: 1, updatedActions: 0, unchangedActions: 0, addedLogEntries: 0, conflicts: [] });
    const onClose = jest.fn();
    renderPanel({ importPlan }, onClose);
    chooseFile('plan.csv', CSV);
    fireEvent.click(await screen.findByRole('button', { name: 'Check (dry run)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Import 1 rows' }));
    expect(await screen.findByText(/^The import stopped part-way\. Run it again/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Run the import again (1 rows)' }));
    expect(await screen.findByText(/^Imported: 1 actions created/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Close and show the plan' }));
    expect(onClose).toHaveBeenCalledWith(true);
    expect(importPlan.mock.calls[1][1]).toBe(importPlan.mock.calls[0][1]);
  });
});
