/**
 * The whole import, from the bytes to the dry run, over plans saved by real software
 * (openpyxl, LibreOffice, Excel's CSV encodings: tests/fixtures/import, made by
 * make_fixtures.py). What each file should give is in expected.json, written by the
 * script from the values it wrote; here the engine must find every action, status,
 * history entry, date, tag and lead as written, and garble nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSpreadsheet } from '../../../src/formats/readSpreadsheet';
import { IImportPlan, IImportedAction, planImport } from '../../../src/model/import/dryRun';
import { chooseSheet } from '../../../src/model/import/chooseSheet';
import { proposePlan } from '../../../src/model/import/newPlan';
import { IStatusScheme, matchStatus } from '../../../src/model/statusSchemes';

interface IExpectedAction {
  row: number;
  ref: string | null;
  positionInPriority?: number;
  text?: string;
  priority?: string;
  strategicLead?: string;
  due?: string;
  dueDate?: string;
  start?: string;
  startDate?: string;
  status?: string;
  tags?: string[];
  history?: Array<{ header: string; status: string }>;
  progress?: Array<{ header: string; text: string }>;
  /** The row's cells moved one column right: reported, or read back in place with a warning. */
  shiftedRight?: boolean;
}

interface IExpectedEngine {
  sheet: string | null;
  headerRow: number;
  actionRows?: number;
  actions?: IExpectedAction[];
  statusesThatFitNothing?: Array<{ row: number; column: string; value: string }>;
  duplicateRefs?: Array<{ ref: string; rows: number[] }>;
  runOnLead?: { row: number; length: number };
}

interface IFixture {
  file: string;
  engine?: IExpectedEngine[];
}

const FOLDER = join(__dirname, '../../fixtures/import');
const fixtures = (JSON.parse(readFileSync(join(FOLDER, 'expected.json'), 'utf8')) as { fixtures: IFixture[] }).fixtures.filter((fixture) => (fixture.engine ?? []).some((engine) => engine.actions !== undefined));

async function dryRunOf(file: string, sheetName: string | null): Promise<{ plan: IImportPlan; headerRow: number; scheme: IStatusScheme; statusOk: (action: IImportedAction, written: string) => boolean }> {
  const workbook = await readSpreadsheet(file, new Uint8Array(readFileSync(join(FOLDER, file))));
  const chosen = chooseSheet(workbook.sheets, sheetName ?? undefined);
  if (!chosen) throw new Error(`${file}: sheet ${String(sheetName)} not found`);
  const { sheet, analysis } = chosen;
  if (!analysis) throw new Error(`${file}: no header row`);
  const proposal = proposePlan(file, sheet.rows, analysis);
  const scheme = proposal.scheme.scheme;
  const plan = planImport(sheet.rows, analysis.columns, analysis.headerRow, { target: { kind: 'new', name: proposal.name, localArea: proposal.localArea }, scheme, priorities: [], outcomes: [], actions: [] });
  const statusOk = (action: IImportedAction, written: string): boolean => {
    const matched = matchStatus(scheme, written);
    return matched.ok ? action.status === matched.label.key : action.status === undefined;
  };
  return { plan, headerRow: analysis.headerRow + 1, scheme, statusOk };
}

/** Words of the expected text missing from what the action keeps (a progress entry keeps its date as written, without the colon after it). */
function wordsLost(expected: string, kept: string): string[] {
  const bare = (word: string): string => word.replace(/:$/, '');
  return expected.split(/\s+/).map(bare).filter((word) => word !== '' && kept.indexOf(word) < 0);
}

describe.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('importing %s as a new plan', (file, fixture) => {
  for (const engine of fixture.engine ?? []) {
    if (!engine.actions) continue;
    it(`finds the table on sheet ${String(engine.sheet ?? '(the only one)')} and every action, status, date, tag and lead as written`, async () => {
      const { plan, headerRow, scheme, statusOk } = await dryRunOf(file, engine.sheet);
      expect(headerRow).toBe(engine.headerRow);
      const rows = [...plan.actions, ...plan.rejected];
      if (engine.actionRows !== undefined) expect(rows).toHaveLength(engine.actionRows);
      for (const expected of engine.actions ?? []) {
        const action = rows.find((candidate) => candidate.row === expected.row);
        if (!action) throw new Error(`${file}: no action read from row ${expected.row}`);
        const where = `${file} row ${expected.row}`;
        if (expected.text !== undefined) expect([where, action.text]).toEqual([where, expected.text]);
        const duplicate = (engine.duplicateRefs ?? []).some((entry) => entry.rows.slice(1).indexOf(expected.row) >= 0);
        // A duplicate's second row is kept under a new ref, checked below.
        if (expected.ref !== null && expected.ref !== undefined && !duplicate) expect([where, action.ref === expected.ref || action.ref.endsWith(`.${expected.ref}`)]).toEqual([where, true]);
        if (expected.ref === null && expected.positionInPriority !== undefined) expect([where, action.ref.endsWith(`.${expected.positionInPriority}`)]).toEqual([where, true]);
        if (expected.strategicLead !== undefined && action.change !== 'rejected') expect([where, action.strategicLead ?? action.responsibleOfficer]).toEqual([where, expected.strategicLead]);
        if (expected.due !== undefined) expect([where, action.due.text]).toEqual([where, expected.due]);
        if ('dueDate' in expected) expect([where, action.due.date ?? null]).toEqual([where, expected.dueDate]);
        if (expected.start !== undefined) expect([where, action.start.text]).toEqual([where, expected.start]);
        if ('startDate' in expected) expect([where, action.start.date ?? null]).toEqual([where, expected.startDate]);
        if (expected.status !== undefined) expect([where, expected.status, statusOk(action, expected.status)]).toEqual([where, expected.status, true]);
        if (expected.tags !== undefined) expect([where, action.tags]).toEqual([where, expected.tags]);
        for (const entry of expected.history ?? []) {
          const matched = matchStatus(scheme, entry.status);
          // A status that fits the key is in the history; one that fits nothing is reported on its row instead.
          if (matched.ok) expect([where, entry.header, action.history.some((mark) => mark.status === matched.label.key)]).toEqual([where, entry.header, true]);
          else expect([where, entry.header, plan.problems.some((problem) => problem.row === expected.row && problem.value === entry.status)]).toEqual([where, entry.header, true]);
        }
        if (expected.priority !== undefined) {
          const priority = plan.newPriorities.find((candidate) => candidate.number === action.priority);
          expect([where, priority !== undefined && expected.priority.indexOf(priority.title) >= 0]).toEqual([where, true]);
        }
        if (expected.shiftedRight) expect(plan.problems).toContainEqual(expect.objectContaining({ row: expected.row, code: 'rowRealigned', severity: 'warning' }));
        const kept = action.updates.map((update) => `${update.written ?? ''} ${update.text}`).join(' ');
        for (const progress of expected.progress ?? []) expect([where, wordsLost(progress.text, kept)]).toEqual([where, []]);
      }
      // Nothing garbled anywhere.
      expect(JSON.stringify(plan).indexOf('\ufffd')).toBe(-1);
      for (const odd of engine.statusesThatFitNothing ?? []) {
        expect(plan.problems).toContainEqual(expect.objectContaining({ row: odd.row, column: odd.column, value: odd.value, code: 'statusUnknown' }));
      }
      for (const duplicate of engine.duplicateRefs ?? []) {
        const refs = duplicate.rows.map((row) => rows.find((candidate) => candidate.row === row)?.ref);
        expect(new Set(refs).size).toBe(duplicate.rows.length);
        expect(plan.problems).toContainEqual(expect.objectContaining({ row: duplicate.rows[1], code: 'duplicateRef' }));
      }
      if (engine.runOnLead) expect(plan.problems).toContainEqual(expect.objectContaining({ row: engine.runOnLead.row, code: 'tooLong', params: ['field:strategicLead', engine.runOnLead.length, 255] }));
    });
  }
});
