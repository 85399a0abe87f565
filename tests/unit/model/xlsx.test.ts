import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findHeaderRow, planImport } from '../../../src/model/import/dryRun';
import { suggestMapping } from '../../../src/model/import/mapping';
import { XlsxError, readXlsx } from '../../../src/model/import/xlsx';
import { writeXlsx } from '../../../src/model/import/xlsxWrite';
import { RAGC_SCHEME } from '../../../src/model/statusSchemes';
import { aPriority } from '../../support/fixtures';

/** A workbook laid out as Excel writes one: shared strings (one rich text), inline strings, date-formatted numbers, a skipped row, deflated parts. */
const WORKBOOK = readFileSync(join(__dirname, '../../fixtures/seeds/shropshire-app-2023.xlsx'));

describe('readXlsx', () => {
  it('reads the first worksheet as the person sees it: strings, dates as dd/mm/yyyy, numbers, empty rows kept', async () => {
    const rows = await readXlsx(new Uint8Array(WORKBOOK));
    expect(rows).toEqual([
      ['Ref', 'Actions designed to lead to improvement', 'Responsible Officer', 'By When', 'RAG', '30/06/2023', 'Progress Update'],
      ['3.2.1', 'Gather & analyse feedback from early years & educational settings regarding neurodiversity', 'Alison Parkinson', '31/07/2023', 'Green', 'Amber', 'Sep 2023: Feedback analysed.'],
      [],
      ['3.2.2', 'NO Training Steering Group will develop a plan', '', '?July 2023', 'Amber', '', '', '72.5']
    ]);
  });

  it('feeds the dry run like a CSV would, the date-formatted header becoming status history', async () => {
    const rows = await readXlsx(new Uint8Array(WORKBOOK));
    const header = findHeaderRow(rows) as number;
    const plan = planImport(rows, suggestMapping(rows[header]), header, { scheme: RAGC_SCHEME, priorities: [aPriority(3, '3', 'ND Pathways')], outcomes: [], actions: [] });
    expect(plan.problems).toEqual([]);
    expect(plan.actions[0]).toMatchObject({ ref: '3.2.1', due: { date: '2023-07-31' }, status: 'Green', history: [{ date: '2023-06-30', status: 'Amber' }], updates: [{ date: '2023-09-30', text: 'Feedback analysed.' }] });
    expect(plan.actions[1]).toMatchObject({ ref: '3.2.2', row: 4, due: { text: '?July 2023', tentative: true } });
  });

  it('says a file is not a workbook rather than failing obscurely', async () => {
    await expect(readXlsx(new TextEncoder().encode('Ref,Action\n1,Do it'))).rejects.toThrow(new XlsxError('This is not an .xlsx file (it is not a zip archive).'));
  });
});

describe('writeXlsx', () => {
  it('writes a workbook the reader reads back cell for cell, refs kept as text', async () => {
    const rows = [
      ['Ref', 'Action', 'By When'],
      ['3.10', 'Gather & analyse <feedback> "quoted"\nover two lines', '31/07/2023'],
      ['3.2', '', 'TBC']
    ];
    const bytes = writeXlsx(rows);
    const read = await readXlsx(bytes);
    expect(read).toEqual([rows[0], rows[1], ['3.2', '', 'TBC']]);
  });
});
