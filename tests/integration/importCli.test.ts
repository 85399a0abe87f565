/**
 * `npm run import` against the emulator over HTTP: the dry-run report, its exit codes,
 * and the messages for files it cannot use.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LIST_TITLES } from '../../src/services/schema';
import { ITestSite, startTestSite } from '../support/emulator';

jest.setTimeout(60_000);

const run = promisify(execFile);
const TSX = join(__dirname, '../../node_modules/.bin/tsx');
const CLI = join(__dirname, '../../emulator/import.ts');

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

  async function importFile(name: string, content: string | Buffer, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const file = join(folder, name);
    writeFileSync(file, content);
    try {
      const { stdout, stderr } = await run(TSX, [CLI, file, '--site', site.siteUrl, ...args]);
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('prints the dry run with each problem’s row, column and value, writes nothing, and exits 1 when rows were rejected', async () => {
    const before = site.store.itemCount(LIST_TITLES.actions);
    const result = await importFile('plan.csv', 'Ref,Action,By When,RAG\n3.12.1,A new action,Sept 2024,Amber\n3.9.2,Another,SEF,Green\n', '--dry-run');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  row 2: 3.12.1 create');
    expect(result.stdout).toContain('  error row 3, column C (By When), value "SEF": "SEF" is not a date; it looks like a tag or a status: cells may have shifted into the wrong columns.');
    expect(result.stdout).toContain('1 rows to import, 1 rejected.');
    expect(site.store.itemCount(LIST_TITLES.actions)).toBe(before);
  });

  it('imports a clean file and exits 0; the same file again changes nothing', async () => {
    const csv = 'Ref,Action,By When,RAG\n3.9.5,Imported from the command line,Sept 2024,Amber\n';
    const first = await importFile('clean.csv', csv);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('"createdActions":1');
    const second = await importFile('clean.csv', csv);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('"createdActions":0');
    expect(site.store.allItems(LIST_TITLES.actions).filter((item) => item.values.Title === '3.9.5')).toHaveLength(1);
  });

  it('reads an .xlsx workbook as it reads CSV', async () => {
    const result = await importFile('plan.xlsx', readFileSync(join(__dirname, '../fixtures/seeds/shropshire-app-2023.xlsx')), '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  F 30/06/2023 -> status at 2023-06-30');
    expect(result.stdout).toMatch(/row 2: 3\.2\.1 (create|update|unchanged)/);
  });

  it('explains a file it cannot use: the wrong type, not text, empty, or without a header row', async () => {
    expect(await importFile('plan.ods', 'PK')).toMatchObject({ code: 2, stderr: expect.stringContaining('only .csv and .xlsx files can be imported') });
    expect(await importFile('plan.xlsx', 'Ref,Action\n')).toMatchObject({ code: 2, stderr: expect.stringContaining('This is not an .xlsx file (it is not a zip archive).') });
    expect(await importFile('binary.csv', Buffer.from([0x50, 0x4b, 0x00, 0x03]))).toMatchObject({ code: 2, stderr: expect.stringContaining('this is not a text file') });
    expect(await importFile('empty.csv', '\n\n')).toMatchObject({ code: 2, stderr: expect.stringContaining('the file is empty') });
    expect(await importFile('noheader.csv', '3.1.1,Do a thing\n3.1.2,Another\n')).toMatchObject({ code: 2, stderr: expect.stringContaining('no header row was found') });
  });
});
