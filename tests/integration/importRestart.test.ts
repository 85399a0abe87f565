/**
 * The emulator process killed in the middle of an import (as a server restart or a
 * lost connection leaves it), started again on the same database, and the import run
 * again: the plan ends with exactly the file's rows and log entries.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorSp } from '../../tools/signIn/emulator';
import { SITE_OWNER } from '../../emulator/sample/users';
import { IImportPlan } from '../../src/model/import/dryRun';
import { LIST_TITLES } from '../../src/services/schema';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { SharePointPlanImportService } from '../../src/services/SharePointPlanImportService';
import { dryRunCsv, priorityFourSheet } from '../support/sheets';

jest.setTimeout(120_000);

const CLI = join(__dirname, '../../emulator/cli.ts');
const ROWS = 150;

/**
 * Starts `npm run emulator` on a database file and resolves with the site URL it prints.
 * Node runs it itself (tsx as a loader, not its launcher), so a kill reaches the server.
 */
function startEmulator(dataFile: string): Promise<{ child: ChildProcess; siteUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--data', dataFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const started = /SharePoint emulator: (\S+)/.exec(output);
      if (started) resolve({ child, siteUrl: started[1] });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the emulator exited (${code}) before starting: ${output}`)));
  });
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('exit', () => resolve())));
}

describe('an import interrupted by the emulator process being killed', () => {
  let folder: string;
  let running: ChildProcess | undefined;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'send-restart-'));
  });
  afterAll(async () => {
    running?.kill('SIGKILL');
    if (running) await stopped(running);
    rmSync(folder, { recursive: true, force: true });
  });

  async function dryRun(siteUrl: string): Promise<{ planId: number; plan: IImportPlan }> {
    const data = new SharePointPlanDataService(emulatorSp(siteUrl, SITE_OWNER.email));
    const planId = (await data.listPlans())[0].id;
    return { planId, plan: dryRunCsv(priorityFourSheet(ROWS), await data.loadPlan(planId)) };
  }

  /** The imported refs (one per action item), the keys of their log entries, and their history line counts, as the server reads them. */
  async function imported(siteUrl: string): Promise<{ refs: string[]; logKeys: string[]; historyLines: number[] }> {
    const sp = emulatorSp(siteUrl, SITE_OWNER.email);
    const data = new SharePointPlanDataService(sp);
    const snapshot = await data.loadPlan((await data.listPlans())[0].id);
    const actions = snapshot.actions.filter((action) => action.ref.startsWith('4.1.'));
    const ids = new Set(actions.map((action) => action.id));
    const log: Array<{ ActionId: number; UpdateKey: string }> = await sp.web.lists.getByTitle(LIST_TITLES.updates).items.select('ActionId', 'UpdateKey').top(5000)();
    return {
      refs: actions.map((action) => action.ref).sort(),
      logKeys: log.filter((entry) => ids.has(entry.ActionId)).map((entry) => entry.UpdateKey).sort(),
      historyLines: [...new Set(actions.map((action) => new Set(action.history.map((mark) => mark.tag)).size === action.history.length ? action.history.length : -1))]
    };
  }

  it('ends, when run again after a restart, with exactly the file’s rows and log entries', async () => {
    const dataFile = join(folder, 'site.db');
    const first = await startEmulator(dataFile);
    running = first.child;
    const { planId, plan } = await dryRun(first.siteUrl);
    expect(plan.actions).toHaveLength(ROWS);

    let killed = false;
    const interrupted = await new SharePointPlanImportService(emulatorSp(first.siteUrl, SITE_OWNER.email))
      .importPlan(planId, plan, { date: '2024-02-29', by: 'Sam Owner' }, (written, total) => {
        // Part-way through, with the next $batch on its way, the process dies.
        if (!killed && written > total / 3) {
          killed = true;
          setTimeout(() => first.child.kill('SIGKILL'), 2);
        }
      })
      .then(
        () => undefined,
        (error: unknown) => error
      );
    expect(killed).toBe(true);
    expect(interrupted).toBeInstanceOf(Error);
    await stopped(first.child);

    const second = await startEmulator(dataFile);
    running = second.child;
    const partial = await imported(second.siteUrl);
    // Part-way: something written, not all of it.
    expect(partial.refs.length + partial.logKeys.length).toBeGreaterThan(0);
    expect(partial.refs.length + partial.logKeys.length).toBeLessThan(ROWS * 4);

    const again = await dryRun(second.siteUrl);
    await new SharePointPlanImportService(emulatorSp(second.siteUrl, SITE_OWNER.email)).importPlan(again.planId, again.plan, { date: '2024-02-29', by: 'Sam Owner' });

    const final = await imported(second.siteUrl);
    expect(final.refs).toEqual(Array.from({ length: ROWS }, (_, index) => `4.1.${index + 1}`).sort());
    expect(final.logKeys).toHaveLength(ROWS * 3);
    expect(new Set(final.logKeys).size).toBe(ROWS * 3);
    expect(final.logKeys.every((key) => key.startsWith('import:4.1.'))).toBe(true);
    // Every action has a history line per log entry, none twice.
    expect(final.historyLines).toEqual([3]);
  });
});
