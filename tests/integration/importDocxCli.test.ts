/**
 * `npm run import -- plan.docx` (tools/import.ts) against the emulator over HTTP: a plan
 * written as Word tables is read as one sheet, every row and problem named by its table
 * and row in the document, and imported into a new plan.
 */
import { join } from 'node:path';
import { SITE_OWNER } from '../../emulator/sample/users';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { ITestSite, startTestSite } from '../support/emulator';
import { runImportCli as cli } from '../support/importCli';

jest.setTimeout(180_000);

const PLAN = join(__dirname, '../fixtures/import/plan-priorities.python-docx.docx');


describe('npm run import -- plan.docx', () => {
  let site: ITestSite;
  beforeAll(async () => {
    site = await startTestSite({ seed: true });
  });
  afterAll(async () => {
    await site.stop();
  });

  it('--json reads the Word tables as one sheet and names every row and problem by its table and row', async () => {
    const result = await cli(PLAN, '--site', site.siteUrl, '--dry-run', '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ format: 'docx', sheet: 'Tables 1-3', target: { plan: 'new', name: 'Ashby Moor Local Area SEND Accelerated Progress Plan 2024-2025', localArea: 'Ashby Moor' } });
    // Statuses are asserted with the key the document prints in tests/unit/model/importDocx.test.ts.
    const rows = report.rows.map((row: { table: number; tableRow: number; action: { ref: string; priority: string; outcome: string | null; strategicLead: string } }) => [
      row.table,
      row.tableRow,
      row.action.ref,
      row.action.priority,
      row.action.outcome,
      row.action.strategicLead
    ]);
    const first = '1 Identification of need in the early years';
    const second = '2 ND pathways and waiting times';
    const outcome = '2.2 Families know where they are on the pathway';
    expect(rows).toEqual([
      [1, 2, '1.1', first, null, 'Head of Early Years'],
      [1, 3, '1.2', first, null, 'Head of Early Years'],
      [1, 4, '1.3', first, null, 'Assistant Director Education'],
      [2, 2, '2.1', second, null, 'DCO'],
      // Table 2's row deleted with tracked changes is not there: 2.2 is the third row of the table as accepted.
      [2, 3, '2.2', second, null, 'DCO'],
      [2, 4, '2.3', second, null, 'Clinical Lead, CAMHS'],
      [3, 3, '2.4', second, outcome, 'DCO'],
      [3, 4, '2.5', second, outcome, 'PCF Chair']
    ]);
    // The evidence of 2.4 is a nested table with no web address: a warning on its cell.
    expect(report.problems).toContainEqual(expect.objectContaining({ table: 3, tableRow: 3, column: 'F', header: 'Evidence', code: 'evidenceNotLink', severity: 'warning' }));
  });

  it('the report names the document, its left-out glossary and each row by table and row; the import writes every action', async () => {
    const dry = await cli(PLAN, '--site', site.siteUrl, '--dry-run');
    expect(dry.stdout).toContain('(Word document, its tables read as sheets), sheet "Tables 1-3"');
    expect(dry.stdout).toContain('Table 4 is left out: it is a glossary of roles or abbreviations.');
    expect(dry.stdout).toContain('  table 2, row 3: 2.2 create');
    expect(dry.stdout).toMatch(/warning table 3, row 3, column F \(Evidence\)/);

    const written = await cli(PLAN, '--site', site.siteUrl, '--new-plan', 'Ashby Moor APP', '--json');
    expect(written.code).toBe(0);
    const planId = JSON.parse(written.stdout).result.plan as number;
    const snapshot = await new SharePointPlanDataService(site.as(SITE_OWNER.email)).loadPlan(planId);
    expect(snapshot.actions.map((action) => action.ref).sort()).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '2.5']);
    expect(snapshot.priorities.map((priority) => `${priority.number} ${priority.title}`).sort()).toEqual(['1 Identification of need in the early years', '2 ND pathways and waiting times']);
  });
});
