/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { readFileSync } from 'fs';
import { join } from 'path';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ImportPanel } from '../../../src/components/ImportPanel';
import { PlanDataError } from '../../../src/services/errors';
import { IImportResult, INewPlan, IPlanImportService } from '../../../src/services/IPlanImportService';
import { IPlanDataService } from '../../../src/services/IPlanDataService';
import { IKpiImportResult } from '../../../src/services/IKpiImportService';
import { aPlan, aSnapshot } from '../../support/fixtures';

const KPI_RESULT: IKpiImportResult = { createdKpis: 1, updatedKpis: 0, unchangedKpis: 0, addedMeasurements: 2, updatedMeasurements: 0, conflicts: [] };
const RESULT: IImportResult = { createdPriorities: 0, createdOutcomes: 0, createdActions: 1, updatedActions: 0, unchangedActions: 0, addedLogEntries: 0, conflicts: [] };

/** A sheet for the page's plan (priority 3 exists): one good row, one with a tag in the date column. */
const CSV = 'Ref,Action,By When,RAG\n3.1.9,A new action,Sept 2024,Amber\n3.1.10,Another,SEF,Green\n';

/** Another council's plan, statuses in words, no plan like it on the site yet. */
const NORTHMOOR = [
  'Priority,Ref,Action,Lead officer,Target completion,Status Jun 23,Progress rating',
  '1: Early identification,1.1.1,Train every early years setting,Jo Bloggs,Sept 2024,On track,Delayed',
  '1: Early identification,1.1.2,Run the integrated review,Sam Patel,Dec 2024,Not started,On track',
  '2: Transitions,2.1.1,Agree a transitions protocol,Ali Khan,Mar 2025,On track,G/A'
].join('\n');

function chooseFile(name: string, content: string | Uint8Array): void {
  fireEvent.change(screen.getByLabelText(/^Spreadsheet \(/), { target: { files: [new File([content], name)] } });
}

interface IServices {
  importService: jest.Mocked<IPlanImportService>;
  dataService: jest.Mocked<Pick<IPlanDataService, 'listPlans' | 'loadPlan'>>;
  onClose: jest.Mock;
}

/** Services that create plan 42 and import whatever they are given. */
function importServiceMock(importPlan: IPlanImportService['importPlan'] = async () => RESULT): jest.Mocked<IPlanImportService> {
  return { createPlan: jest.fn(async (plan: INewPlan) => (plan.name ? 42 : 0)), importPlan: jest.fn(importPlan), importKpis: jest.fn<Promise<IKpiImportResult>, Parameters<IPlanImportService['importKpis']>>(async () => KPI_RESULT) };
}

function renderPanel(overrides: Partial<IServices> = {}): IServices {
  const services: IServices = {
    importService: importServiceMock(),
    dataService: {
      listPlans: jest.fn(async () => [
        { id: 5, title: 'Eastwick SEND plan' },
        { id: 1, title: 'Shropshire Accelerated Progress Plan' }
      ]),
      loadPlan: jest.fn(async (id: number) => (id === 1 ? aSnapshot() : aSnapshot({ plan: aPlan({ id, title: 'Eastwick SEND plan' }), priorities: [], actions: [] })))
    },
    onClose: jest.fn(),
    ...overrides
  };
  render(<ImportPanel snapshot={aSnapshot()} dataService={services.dataService} importService={services.importService} today="2023-06-15" onClose={services.onClose} />);
  return services;
}

/** Each row of a table as the text of its cells. */
function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent ?? ''));
}

async function dryRun(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'Check (dry run)' }));
  await screen.findByRole('heading', { name: 'What the import will do' });
  await screen.findByText(/Nothing has been written yet\.$/);
}

function chooseNewPlan(): void {
  fireEvent.click(screen.getByRole('radio', { name: 'A new plan' }));
}

beforeEach(() => window.localStorage.clear());
afterEach(() => jest.restoreAllMocks());

describe('ImportPanel', () => {
  it('explains in words a file it cannot read, an empty one and one with no header row', async () => {
    renderPanel();
    chooseFile('plan.ods', 'PK');
    expect(await screen.findByText(/^plan\.ods is a \.ods file, which the import cannot read\. Save the plan/)).toBeInTheDocument();
    chooseFile('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(await screen.findByText(/^old\.xls is an Excel 97-2003 workbook/)).toBeInTheDocument();
    chooseFile('empty.csv', '\n\n');
    expect(await screen.findByText('empty.csv is empty: it has no values to import.')).toBeInTheDocument();
    chooseFile('rows.csv', '3.1.1,Do it\n');
    expect(await screen.findByText(/^rows\.csv has no header row/)).toBeInTheDocument();
    expect(screen.queryByText(/ at .*\.ts:\d+/)).toBeNull();
  });

  it('shows each column with its heading, sample values, how sure the suggestion is and what it is read as', async () => {
    renderPanel();
    chooseFile('plan.csv', CSV);
    const mapping = await screen.findByRole('table', { name: 'How each column is read' });
    expect(screen.getByRole('heading', { name: 'Check what was found' })).toHaveFocus();
    expect(screen.getByText('plan.csv: header on row 1, 2 rows below it.')).toBeInTheDocument();
    const rows = rowsOf(mapping);
    expect(rows.map((cells) => cells.slice(0, 4))).toEqual([
      ['A', 'Ref', '3.1.93.1.10', 'sure'],
      ['B', 'Action', 'A new actionAnother', 'sure'],
      ['C', 'By When', 'Sept 2024SEF', 'sure'],
      ['D', 'RAG', 'AmberGreen', 'sure']
    ]);
    expect(within(mapping).getByRole('combobox', { name: 'Read column C (By When) as' })).toHaveTextContent('Due date');
    // The officer's own choice is said to be theirs.
    fireEvent.click(within(mapping).getByRole('combobox', { name: 'Read column D (RAG) as' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Leave out' }));
    expect(rowsOf(mapping)[3].slice(3)).toEqual(['your choice', 'Leave out']);
  });

  it('says a CSV was read as Windows-1252 and shows its characters as written', async () => {
    renderPanel();
    // As Excel's "CSV (Comma delimited)" saves it: £ is 0xA3 and – is 0x96 in Windows-1252.
    const bytes = Buffer.concat([Buffer.from('Ref,Action,RAG\n3.1.9,Waits of <18 weeks cost '), Buffer.from([0xa3]), Buffer.from('5 '), Buffer.from([0x96]), Buffer.from(' fast,Amber\n')]);
    chooseFile('excel.csv', new Uint8Array(bytes));
    const mapping = await screen.findByRole('table', { name: 'How each column is read' });
    expect(screen.getByText(/^excel\.csv was read as Windows-1252, not UTF-8/)).toBeInTheDocument();
    expect(rowsOf(mapping)[1][2]).toBe('Waits of <18 weeks cost £5 – fast');
  });

  it('imports into the page’s plan by default: the dry run names it and lists each problem by row, column, value and message, then writes into it without creating a plan', async () => {
    const { importService, dataService } = renderPanel();
    chooseFile('plan.csv', CSV);
    await dryRun();
    expect(screen.getByRole('heading', { name: 'What the import will do' })).toHaveFocus();
    expect(screen.getByText('Into "Shropshire Accelerated Progress Plan" (plan 1)')).toBeInTheDocument();
    expect(screen.getByText('1 actions to create, 0 to update, 0 unchanged, 1 rows rejected; 0 new priority areas, 1 new outcomes. Nothing has been written yet.')).toBeInTheDocument();
    const problems = screen.getByRole('table', { name: /^Problems found \(1\)/ });
    expect(rowsOf(problems)).toEqual([
      ['3', 'C (By When)', 'SEF', 'Row not imported: This is not a date; it looks like a tag or a status in the Due date column: cells may have shifted into the wrong columns.']
    ]);
    expect(rowsOf(screen.getByRole('table', { name: /^Rows to import/ }))).toEqual([['2', '3.1.9', 'Create', 'A new action']]);
    expect(importService.importPlan).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 rows' }));
    expect(await screen.findByText(/^Imported: 1 actions created/)).toBeInTheDocument();
    expect(dataService.loadPlan).toHaveBeenCalledWith(1);
    expect(importService.createPlan).not.toHaveBeenCalled();
    expect(importService.importPlan).toHaveBeenCalledWith(1, expect.objectContaining({ target: { kind: 'existing', planId: 1, name: 'Shropshire Accelerated Progress Plan' } }), { date: '2023-06-15', by: 'Kathryn Morgan' }, expect.any(Function));
  });

  it('imports into another existing plan chosen from the site’s plans, read afresh', async () => {
    const { importService, dataService } = renderPanel();
    chooseFile('plan.csv', CSV);
    await screen.findByRole('table', { name: 'How each column is read' });
    const plan = screen.getByRole('combobox', { name: /^Plan / });
    expect(plan).toHaveTextContent('Shropshire Accelerated Progress Plan (plan 1, shown on this page)');
    fireEvent.click(plan);
    fireEvent.click(await screen.findByRole('option', { name: 'Eastwick SEND plan (plan 5)' }));
    await dryRun();
    expect(screen.getByText('Into "Eastwick SEND plan" (plan 5)')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /^Import \d+ rows$/ }));
    await screen.findByText(/^Imported: /);
    expect(dataService.loadPlan).toHaveBeenCalledWith(5);
    expect(importService.createPlan).not.toHaveBeenCalled();
    expect(importService.importPlan.mock.calls[0][0]).toBe(5);
  });

  it('imports into a new plan: the name, area and status key proposed from the file and confirmed, the plan created, then written by its id', async () => {
    const { importService } = renderPanel();
    chooseFile('northmoor-send-plan.csv', NORTHMOOR);
    await screen.findByRole('table', { name: 'How each column is read' });
    chooseNewPlan();
    const name = screen.getByRole('textbox', { name: /^Name of the new plan/ });
    expect(name).toHaveValue('northmoor send plan');
    fireEvent.change(name, { target: { value: '' } });
    expect(name).toHaveValue('');
    expect(await screen.findByText('The new plan needs a name.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Check (dry run)' })).toBeDisabled();
    fireEvent.change(name, { target: { value: 'Northmoor SEND plan' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Local area' }), { target: { value: 'Northmoor' } });

    const key = screen.getByRole('table', { name: /^Status key for the new plan/ });
    expect(rowsOf(key).map((cells) => cells.slice(0, 2))).toEqual([
      ['Not started', '1'],
      ['On track', '3'],
      ['Delayed', '1']
    ]);
    expect(within(key).getByRole('combobox', { name: 'What "Delayed" means' })).toHaveTextContent('Off track');
    expect(screen.getByText('"G/A" (1 cells)')).toBeInTheDocument();
    fireEvent.click(within(key).getByRole('combobox', { name: 'What "Delayed" means' }));
    fireEvent.click(await screen.findByRole('option', { name: 'At risk' }));

    await dryRun();
    expect(screen.getByText('Into a new plan "Northmoor SEND plan"')).toBeInTheDocument();
    expect(rowsOf(screen.getByRole('table', { name: 'Priority areas it will create (2)' }))).toEqual([
      ['1', 'Early identification'],
      ['2', 'Transitions']
    ]);
    expect(rowsOf(screen.getByRole('table', { name: /^Problems found/ })).map((cells) => cells.slice(0, 3))).toContainEqual(['4', 'G (Progress rating)', 'G/A']);
    fireEvent.click(screen.getByRole('button', { name: 'Import 3 rows' }));
    expect(await screen.findByText(/The new plan "Northmoor SEND plan" \(plan 42\) has been created/)).toBeInTheDocument();

    const created = importService.createPlan.mock.calls[0][0] as INewPlan;
    expect({ ...created, scheme: created.scheme.labels.map((label) => [label.label, label.meaning]) }).toEqual({
      name: 'Northmoor SEND plan',
      localArea: 'Northmoor',
      scheme: [
        ['Not started', 'notStarted'],
        ['On track', 'onTrack'],
        ['Delayed', 'atRisk']
      ],
      reportingDates: ['2023-06-30']
    });
    const [planId, plan] = importService.importPlan.mock.calls[0];
    expect(planId).toBe(42);
    // G/A fits no label: the row is imported without that status and reported, never guessed; its dated status stays.
    expect(plan.actions.map((action) => [action.ref, action.status, action.history.map((entry) => entry.status)])).toEqual([
      ['1.1.1', 'Delayed', ['On track']],
      ['1.1.2', 'On track', ['Not started']],
      ['2.1.1', undefined, ['On track']]
    ]);
    expect(importService.createPlan.mock.invocationCallOrder[0]).toBeLessThan(importService.importPlan.mock.invocationCallOrder[0]);
  });

  it('keeps the dry run when the import stops, says to run it again, and a re-run writes into the plan already created', async () => {
    const importService = importServiceMock();
    const importPlan = importService.importPlan.mockRejectedValueOnce(new PlanDataError('throttled', '429')).mockResolvedValueOnce(RESULT);
    const { onClose } = renderPanel({ importService });
    chooseFile('northmoor-send-plan.csv', NORTHMOOR);
    await screen.findByRole('table', { name: 'How each column is read' });
    chooseNewPlan();
    await dryRun();
    fireEvent.click(screen.getByRole('button', { name: 'Import 3 rows' }));
    expect(await screen.findByText(/^The import stopped part-way\. Run it again/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Run the import again (3 rows)' }));
    expect(await screen.findByText(/^Imported: 1 actions created/)).toBeInTheDocument();
    expect(importService.createPlan).toHaveBeenCalledTimes(1);
    expect(importPlan.mock.calls.map((call) => call[0])).toEqual([42, 42]);
    expect(importPlan.mock.calls[1][1]).toBe(importPlan.mock.calls[0][1]);
    fireEvent.click(screen.getByRole('button', { name: 'Close and show the plan' }));
    expect(onClose).toHaveBeenCalledWith(true);
  });

  it('starts one import at a time, and closing while it runs still says the plan changed', async () => {
    const { importService, onClose } = renderPanel({ importService: importServiceMock(() => new Promise<IImportResult>(() => undefined)) });
    const { importPlan } = importService;
    chooseFile('plan.csv', CSV);
    await dryRun();
    const button = screen.getByRole('button', { name: 'Import 1 rows' });
    fireEvent.click(button);
    fireEvent.click(button);
    await screen.findByRole('heading', { name: 'Importing' });
    expect(importPlan).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledWith(true);
  });

  it('closed while the import runs, shows the plan again at once and once more when the import has finished', async () => {
    let finish: (result: IImportResult) => void = () => undefined;
    const { onClose } = renderPanel({ importService: importServiceMock(() => new Promise<IImportResult>((resolve) => (finish = resolve))) });
    chooseFile('plan.csv', CSV);
    await dryRun();
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 rows' }));
    await screen.findByRole('heading', { name: 'Importing' });
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);

    await act(async () => finish(RESULT));
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(onClose).toHaveBeenLastCalledWith(true);
  });

  it('closing before any import says nothing changed', async () => {
    const { onClose } = renderPanel();
    chooseFile('plan.csv', CSV);
    await dryRun();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledWith(false);
  });

  it('remembers the mapping for the plan it was used with', async () => {
    renderPanel();
    chooseFile('plan.csv', CSV);
    const mapping = await screen.findByRole('table', { name: 'How each column is read' });
    fireEvent.click(within(mapping).getByRole('combobox', { name: 'Read column D (RAG) as' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Leave out' }));
    await dryRun();
    fireEvent.click(screen.getByRole('button', { name: 'Change the mapping' }));
    fireEvent.click(screen.getByRole('button', { name: 'Choose another file' }));
    chooseFile('plan.csv', CSV);
    const again = await screen.findByRole('table', { name: 'How each column is read' });
    expect(rowsOf(again)[3].slice(3)).toEqual(['sure', 'Leave out']);
  });

  it('works when the browser blocks or fills its storage', async () => {
    jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const { importService } = renderPanel();
    chooseFile('plan.csv', CSV);
    await dryRun();
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 rows' }));
    expect(await screen.findByText(/^Imported: 1 actions created/)).toBeInTheDocument();
    expect(importService.importPlan).toHaveBeenCalledTimes(1);
  });

  it('reads a workbook’s sheets in order, opens on the first visible one with a table, and says when a sheet has none', async () => {
    renderPanel();
    chooseFile('westmere.xlsx', readFileSync(join(__dirname, '../../fixtures/import/no-ref-recommendations.openpyxl.xlsx')));
    await screen.findByRole('table', { name: 'How each column is read' });
    const sheet = screen.getByRole('combobox', { name: /^Sheet / });
    expect(sheet).toHaveTextContent('Improvement plan');
    fireEvent.click(sheet);
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual(['Instructions (hidden)', 'Improvement plan', 'Glossary']);
    fireEvent.click(screen.getByRole('option', { name: 'Glossary' }));
    expect(await screen.findByText(/^No header row was found on sheet "Glossary"/)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'How each column is read' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Check (dry run)' })).toBeDisabled();
  });

  it('lists this page’s plan alone when the site’s plans cannot be listed', async () => {
    renderPanel({ dataService: { listPlans: jest.fn(async () => Promise.reject(new PlanDataError('forbidden', '403'))), loadPlan: jest.fn(async (id: number) => aSnapshot({ plan: aPlan({ id }) })) } });
    chooseFile('plan.csv', CSV);
    await screen.findByRole('table', { name: 'How each column is read' });
    await waitFor(() => expect(screen.getByText(/^The site's other plans could not be listed/)).toBeInTheDocument());
    fireEvent.click(screen.getByRole('combobox', { name: /^Plan / }));
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual(['Shropshire Accelerated Progress Plan (plan 1, shown on this page)']);
  });

  it('imports a KPI scorecard saved alone: its KPIs in the dry run, written with the plan’s KPIs', async () => {
    const services = renderPanel();
    chooseFile('scorecard.csv', ['KPI ref,Measure,Unit,Baseline (date),Actual Sep 23,Actual Mar 24', 'KPI 9,New EHC plans issued within 20 weeks,%,60% (Mar 23),68%,81%'].join('\n'));
    expect(await screen.findByText(/^This file holds KPI scorecards \(sheets scorecard\.csv\)/)).toBeInTheDocument();
    await dryRun();
    const kpis = screen.getByRole('table', { name: 'KPIs on sheet scorecard.csv (1)' });
    expect(rowsOf(kpis)).toEqual([['2', 'KPI 9', 'New EHC plans issued within 20 weeks', 'Create', expect.any(String), '2']]);
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 rows' }));
    expect(await screen.findByText(/KPIs: 1 created, 0 updated, 0 unchanged; 2 actuals added/)).toBeInTheDocument();
    expect(services.importService.createPlan).not.toHaveBeenCalled();
    expect(services.importService.importKpis).toHaveBeenCalledWith(1, [expect.objectContaining({ ref: 'KPI 9', measurements: [expect.objectContaining({ value: 68 }), expect.objectContaining({ value: 81 })] })], expect.any(Function), '2023-06-15');
  });
});
