/**
 * `npm run import` (tools/import.ts) against the emulator over HTTP: --help, one-line
 * messages and exit codes for bad arguments, files and sites, the --json shape, the
 * dry run writing nothing, an import into a new plan and into the sample plan, and a
 * re-run that changes nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { SITE_OWNER } from '../../emulator/sample/users';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { LIST_TITLES } from '../../src/services/schema';
import { ITestSite, startTestSite } from '../support/emulator';
import { IImportRun, runImportCli as cli } from '../support/importCli';

jest.setTimeout(180_000);

const FIXTURES = join(__dirname, '../fixtures/import');
const ISO_OR_NULL = /^(\d{4}-\d{2}-\d{2})?$/;

/** The --json report as parsed: its shape is what the assertions check. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read from the command's output
type Report = Record<string, any>;


/** A failure said in one line, with no stack trace and nothing on stdout. */
function expectOneLine(result: IImportRun, code: number, words: string | RegExp): void {
  expect(result).toMatchObject({ code, stdout: '' });
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).toMatch(words);
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('npm run import', () => {
  let site: ITestSite;
  let folder: string;
  beforeAll(async () => {
    site = await startTestSite({ seed: true });
    folder = mkdtempSync(join(tmpdir(), 'send-import-'));
  });
  afterAll(async () => {
    await site.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  function save(name: string, content: string | Uint8Array): string {
    const file = join(folder, name);
    writeFileSync(file, content);
    return file;
  }

  async function importFile(name: string, content: string | Uint8Array, ...args: string[]): Promise<IImportRun> {
    return cli(save(name, content), '--site', site.siteUrl, ...args);
  }

  function json(result: IImportRun): Report {
    return JSON.parse(result.stdout) as Report;
  }

  it('--help prints the usage with every option and the exit codes, and exits 0', async () => {
    for (const flag of ['--help', '-h']) {
      const result = await cli(flag);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      for (const option of ['--site URL', '--new-plan NAME', '--plan ID', '--area NAME', '--sheet NAME', '--dry-run', '--json', '--mapping FILE', '--save-mapping FILE', '--user EMAIL']) {
        expect(result.stdout).toContain(option);
      }
      expect(result.stdout).toMatch(/Exit codes:\n {2}0 .*\n(.*\n)* {2}1 .*\n(.*\n)* {2}2 .*\n {2}3 /);
    }
  });

  it('refuses bad arguments in one line with exit 2, pointing to --help', async () => {
    const file = save('args.csv', 'Ref,Action,RAG\n3.1.1,Do,Green\n');
    const results = await Promise.all([
      cli(file, '--site', site.siteUrl, '--bogus'),
      cli(file, '--dry-run'),
      cli('--site', site.siteUrl, '--dry-run'),
      cli(file, '--site', site.siteUrl),
      cli(file, '--site', site.siteUrl, '--plan', '1', '--new-plan', 'X'),
      cli(file, '--site', site.siteUrl, '--plan', 'one'),
      cli(file, '--site', 'not a url', '--dry-run')
    ]);
    expectOneLine(results[0], 2, "Unknown option '--bogus'. See --help.");
    expectOneLine(results[1], 2, 'Give the site with --site URL');
    expectOneLine(results[2], 2, 'Give the spreadsheet to import');
    expectOneLine(results[3], 2, 'Say where to import: --new-plan NAME or --plan ID');
    expectOneLine(results[4], 2, 'Give --new-plan or --plan, not both');
    expectOneLine(results[5], 2, '--plan "one" is not a plan id');
    expectOneLine(results[6], 2, '--site "not a url" is not a web address');
  });

  it('explains a file it cannot use in one line with exit 2: missing, a Word or PDF file, empty, without a header row', async () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    const results = await Promise.all([
      cli(join(folder, 'missing.csv'), '--site', site.siteUrl, '--dry-run'),
      importFile('minutes.docx', docx, '--dry-run'),
      importFile('report.pdf', '%PDF-1.4\n%âãÏÓ\n', '--dry-run'),
      importFile('empty.csv', '', '--dry-run'),
      importFile('blank.csv', '\n\n,,\n', '--dry-run'),
      importFile('noheader.csv', '3.1.1,Do a thing\n3.1.2,Another\n', '--dry-run'),
      importFile('plan.xlsx', 'Ref,Action\n', '--dry-run')
    ]);
    expectOneLine(results[0], 2, /missing\.csv: no such file/);
    expectOneLine(results[1], 2, /minutes\.docx/);
    expectOneLine(results[2], 2, /report\.pdf/);
    expectOneLine(results[3], 2, /empty\.csv/);
    expectOneLine(results[4], 2, /blank\.csv: The file holds no values\./);
    expectOneLine(results[5], 2, /noheader\.csv: no header row was found/);
    expectOneLine(results[6], 2, /plan\.xlsx/);
  });

  it('names the sheets when --sheet names one the workbook does not have', async () => {
    const result = await cli(join(FIXTURES, 'no-ref-recommendations.openpyxl.xlsx'), '--site', site.siteUrl, '--dry-run', '--sheet', 'Actions');
    expectOneLine(result, 2, 'there is no sheet "Actions". Its sheets: "Instructions" (hidden), "Improvement plan", "Glossary".');
  });

  it('says in one line, with exit 3, when the site cannot be reached', async () => {
    const file = save('unreachable.csv', 'Ref,Action,RAG\n3.1.1,Do,Green\n');
    const result = await cli(file, '--site', `http://127.0.0.1:${await closedPort()}/sites/send`, '--dry-run');
    expectOneLine(result, 3, /could not be reached .*Check the address/);
  });

  it('--json prints one object: the file, sheet, header row, target, scheme, columns, every row with its action, and problems', async () => {
    const csv = [
      'Ref,Action,Lead officer,Start,By When,RAG,Status Jun 23,Links to AFI / SEF',
      '5.1.1,Publish the pathway,Jo Bloggs,Apr 2023,Sept 2024,Amber,Green,"AFI2, SEF"',
      '5.1.2,Another,Al Smith,,SEF,Green,,',
      ''
    ].join('\n');
    const result = await importFile('shape.csv', csv, '--dry-run', '--json', '--area', 'Testshire');
    expect(result.code).toBe(1);
    const report = json(result);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['file', 'sheet', 'headerRow', 'target', 'scheme', 'columns', 'rows', 'kpis', 'problems']));
    expect(report).toMatchObject({ sheet: 'shape.csv', headerRow: 1, target: { plan: 'new', name: 'shape', localArea: 'Testshire' }, kpis: [] });
    expect(report.file).toMatch(/shape\.csv$/);
    expect(report.scheme.labels).toEqual(expect.arrayContaining([expect.objectContaining({ label: 'Amber', meaning: 'atRisk' })]));
    expect(report.columns[0]).toEqual(expect.objectContaining({ column: 'A', header: 'Ref', readAs: 'ref' }));
    expect(report.columns.map((column: { readAs: string }) => column.readAs)).toEqual(['ref', 'action', 'strategicLead', 'start', 'due', 'status', 'status at 2023-06-30', 'tags']);
    expect(report.rows.map((row: { row: number; change: string }) => [row.row, row.change])).toEqual([
      [2, 'create'],
      [3, 'rejected']
    ]);
    const { action } = report.rows[0];
    expect(action).toMatchObject({
      ref: '5.1.1',
      text: 'Publish the pathway',
      priority: '5',
      outcome: '5.1',
      strategicLead: 'Jo Bloggs',
      start: { text: 'Apr 2023', date: '2023-04-30' },
      due: { text: 'Sept 2024', date: '2024-09-30' },
      status: 'Amber',
      history: [{ date: '2023-06-30', status: 'Green' }],
      tags: ['AFI2', 'SEF'],
      progress: [],
      evidence: []
    });
    expect(action).toHaveProperty('responsibleOfficer', null);
    for (const row of report.rows) for (const when of ['start', 'due']) expect(row.action[when].date ?? '').toMatch(ISO_OR_NULL);
    expect(report.problems).toEqual([expect.objectContaining({ row: 3, column: 'E', header: 'By When', value: 'SEF', severity: 'error', message: expect.stringContaining('This is not a date') })]);
  });

  it('a dry run into a new plan writes nothing and names the plan it would create', async () => {
    const before = [site.store.itemCount(LIST_TITLES.plans), site.store.itemCount(LIST_TITLES.actions)];
    const result = await importFile('dry.csv', 'Ref,Action,RAG\n7.1.1,A dry action,Green\n', '--dry-run', '--new-plan', 'Dryshire plan', '--area', 'Dryshire');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('into a new plan "Dryshire plan" (local area Dryshire)');
    expect(result.stdout).toContain('  row 2: 7.1.1 create "A dry action"');
    expect(result.stdout).toContain('Nothing has been written.');
    expect([site.store.itemCount(LIST_TITLES.plans), site.store.itemCount(LIST_TITLES.actions)]).toEqual(before);
  });

  it('imports into a new plan, prints its id, and a re-run into it reports every row unchanged and writes nothing', async () => {
    const csv = 'Ref,Action,Responsible officer,By When,RAG,Progress update\n1.1.1,First action,Jo Bloggs,Sept 2024,Amber,Jan 24: started\n1.1.2,Second action <18 weeks,Al Smith,Mar 2025,Green,\n';
    const first = await importFile('newplan.csv', csv, '--new-plan', 'Newshire SEND plan', '--area', 'Newshire', '--json');
    expect(first.code).toBe(0);
    const written = json(first);
    expect(written.result).toMatchObject({ createdPlan: true, createdActions: 2, conflicts: [] });
    const planId = written.result.plan as number;
    const snapshot = await new SharePointPlanDataService(site.as(SITE_OWNER.email)).loadPlan(planId);
    expect(snapshot.plan).toMatchObject({ title: 'Newshire SEND plan', localArea: 'Newshire' });
    expect(snapshot.actions.map((action) => [action.ref, action.text]).sort()).toEqual([
      ['1.1.1', 'First action'],
      ['1.1.2', 'Second action <18 weeks']
    ]);

    const counts = (): number[] => [LIST_TITLES.plans, LIST_TITLES.actions, LIST_TITLES.updates].map((list) => site.store.itemCount(list));
    const before = counts();
    const again = await importFile('newplan.csv', csv, '--plan', String(planId), '--json');
    expect(again.code).toBe(0);
    const rerun = json(again);
    expect(rerun.target).toEqual({ plan: planId, name: 'Newshire SEND plan' });
    expect(rerun.rows.map((row: { change: string }) => row.change)).toEqual(['unchanged', 'unchanged']);
    expect(rerun.result).toMatchObject({ createdPlan: false, createdActions: 0, updatedActions: 0, addedLogEntries: 0 });
    expect(counts()).toEqual(before);

    const text = await importFile('newplan.csv', csv, '--plan', String(planId));
    expect(text.stdout).toContain(`into plan ${planId} "Newshire SEND plan"`);
    expect(text.stdout).toContain('Written into plan');
  });

  it('--plan updates an action of the sample plan, and reports rejected rows with exit 1 without writing them', async () => {
    const data = new SharePointPlanDataService(site.as(SITE_OWNER.email));
    const snapshot = await data.loadPlan(site.planId);
    const action = snapshot.actions[0];
    const other = snapshot.plan.statusScheme.labels.find((label) => label.key !== action.status) as { label: string; key: string };
    const csv = `Ref,Action,RAG\n${action.ref},"${action.text.replace(/"/g, '""')}",${other.label}\n9.9.9,,Sideways\n`;
    const dry = await importFile('sample.csv', csv, '--plan', String(site.planId), '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain(`into plan ${site.planId} "${snapshot.plan.title}"`);
    expect(dry.stdout).toContain(`  row 2: ${action.ref} update`);
    expect(dry.stdout).toMatch(/ {2}(error|warning) row 3, column C \(RAG\), value "Sideways": This status is not in the plan's key/);

    const result = await importFile('sample.csv', csv, '--plan', String(site.planId));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('0 actions created, 1 updated');
    const after = await data.loadPlan(site.planId);
    expect(after.actions.find((candidate) => candidate.ref === action.ref)?.status).toBe(other.key);
    expect(after.actions.some((candidate) => candidate.ref === '9.9.9')).toBe(false);
  });

  it('names a plan id the site does not have, with its plans', async () => {
    const result = await importFile('noplan.csv', 'Ref,Action,RAG\n3.1.1,Do,Green\n', '--plan', '999', '--dry-run');
    expectOneLine(result, 2, /There is no plan 999 on .*Its plans: (.*, )?1 "Shropshire/);
  });

  it('reads an .xlsx workbook as it reads CSV', async () => {
    const result = await importFile('plan.xlsx', readFileSync(join(__dirname, '../fixtures/seeds/shropshire-app-2023.xlsx')), '--dry-run', '--plan', String(site.planId));
    // The header is a date cell formatted mmm-yy: read as shown, and as the end of its month.
    expect(result.stdout).toContain('  F Jun-23 -> status at 2023-06-30');
    expect(result.stdout).toMatch(/row \d+: 3\.2\.1 (create|update|unchanged)/);
  });

  it('--json on an Excel "CSV (Comma delimited)" file keeps every character of Windows-1252', async () => {
    const result = await cli(join(FIXTURES, 'numbered-actions.csv'), '--site', site.siteUrl, '--dry-run', '--json');
    const report = json(result);
    expect(report).toMatchObject({ encoding: 'windows-1252', headerRow: 1, target: { plan: 'new' } });
    expect(result.stdout).not.toContain('\uFFFD');
    const first = report.rows.find((row: { row: number }) => row.row === 3).action;
    expect(first).toMatchObject({ text: 'Reduce waits to <18 weeks and clear the >12 month backlog', strategicLead: 'Zoë Hartley, Head of Neurodevelopmental Services', tags: ['AFI2', 'SEF'], due: { text: 'Mar-24', date: '2024-03-31' } });
    expect(first.priority).toBe('1 Waiting times for neurodevelopmental assessment are too long');
    expect(first.progress.map((entry: { text: string }) => entry.text).join(' ')).toContain('£25,000');
  });

  it('--json on a workbook picks the first visible sheet with a header row, behind a hidden one', async () => {
    const result = await cli(join(FIXTURES, 'no-ref-recommendations.libreoffice.xlsx'), '--site', site.siteUrl, '--dry-run', '--json');
    const report = json(result);
    expect(report).toMatchObject({ format: 'xlsx', sheet: 'Improvement plan', target: { plan: 'new' } });
    expect(report.rows.length).toBeGreaterThan(0);
    for (const row of report.rows) {
      expect(row.action.priority).toMatch(/^\d+/);
      expect(row.action.due.date ?? '').toMatch(ISO_OR_NULL);
    }
  });

  it('imports a workbook of KPI scorecards alone into a plan: its KPIs, milestones and actuals, and a re-run writes nothing', async () => {
    const file = join(FIXTURES, 'kpi-scorecard.libreoffice.xlsx');
    const dry = json(await cli(file, '--site', site.siteUrl, '--plan', String(site.planId), '--dry-run', '--json'));
    expect(dry).toMatchObject({ sheet: null, headerRow: null, columns: [], rows: [] });
    expect(dry.kpis.length).toBeGreaterThan(0);
    const written = await cli(file, '--site', site.siteUrl, '--plan', String(site.planId), '--json');
    const report = json(written);
    expect(report.result.kpis.createdKpis + report.result.kpis.updatedKpis).toBeGreaterThan(0);
    const snapshot = await new SharePointPlanDataService(site.as(SITE_OWNER.email)).loadPlan(site.planId);
    const salt = snapshot.kpis.find((kpi) => /SALT assessment/.test(kpi.title));
    expect(salt).toMatchObject({ direction: 'lower' });
    expect(salt?.measurements.length).toBeGreaterThan(0);
    const again = json(await cli(file, '--site', site.siteUrl, '--plan', String(site.planId), '--json'));
    expect(again.result.kpis).toMatchObject({ createdKpis: 0, updatedKpis: 0, addedMeasurements: 0, updatedMeasurements: 0 });
  });
});
