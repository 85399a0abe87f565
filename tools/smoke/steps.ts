/**
 * The smoke test's steps: every request shape the product sends, through the product's own
 * services, against one site, on a throw-away plan it removes at the end. The same steps run
 * on a tenant and on the emulator; only the sign-in differs.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/regional-settings/web';
import { editValuesOf } from '../../src/model/actionEdit';
import { planImport } from '../../src/model/import/dryRun';
import { analyseSheet } from '../../src/model/import/mapping';
import { IsoDate } from '../../src/model/isoDate';
import { IAction } from '../../src/model/plan';
import { parsePlanDate } from '../../src/model/planDates';
import { RAGC_SCHEME } from '../../src/model/statusSchemes';
import { ConflictError, toPlanDataError } from '../../src/services/errors';
import { BATCH_LIMIT, PAGE_SIZE } from '../../src/services/idRanges';
import { IPlanSnapshot } from '../../src/services/IPlanDataService';
import { LIST_TITLES } from '../../src/services/schema';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { SharePointPlanImportService } from '../../src/services/SharePointPlanImportService';
import { SharePointProvisioningService } from '../../src/services/SharePointProvisioningService';
import { ILoggedCall, IShapeSummary, summariseCalls } from './requestLog';

export type StepResult = 'pass' | 'fail' | 'skipped';

/** One line of the smoke test's table. */
export interface ISmokeRow {
  step: string;
  /** The requests the step sent, by shape, with the HTTP statuses answered. */
  requests: IShapeSummary[];
  result: StepResult;
  /** What was found, or why it failed or was skipped. */
  note: string;
}

/** The site the smoke test runs against, signed in. */
export interface ISmokeSite {
  /** Signed in with Edit or Full Control (sets up lists, writes, removes what it made). */
  owner: SPFI;
  /** Signed in with Read only; undefined skips the reader step, for `noReaderReason`. */
  reader?: SPFI;
  noReaderReason?: string;
  /** Every request the owner and reader send, as sent, with its answer (see RequestLog). */
  calls: ILoggedCall[];
  /** The emulator (some steps say what it cannot show). */
  emulator: boolean;
}

export interface ISmokeOptions {
  /** Also load a plan of more than 5,000 actions (5,000 more items, written and removed). */
  large: boolean;
  /** The day the smoke test runs on (log entries are dated with it). */
  today: IsoDate;
  /** Makes the throw-away plan's title unique. */
  runId: string;
}

/** Actions the smoke test imports: more than one $batch's worth. */
const IMPORTED_ACTIONS = 120;
/** Actions `--large` adds, to take the list past the 5,000-item threshold. */
const LARGE_ACTIONS = 5000;
/** Days on either side of the UK's clock changes and the year's end, as a person types them. */
const MIDNIGHT_DATES: readonly { typed: string; date: IsoDate }[] = [
  { typed: '30/03/2025', date: '2025-03-30' },
  { typed: '26/10/2025', date: '2025-10-26' },
  { typed: '31/12/2024', date: '2024-12-31' },
  { typed: '01/01/2025', date: '2025-01-01' }
];
/** The lists the throw-away plan puts items in, each with its Plan lookup; removed children first. */
const PLAN_CHILD_LISTS: readonly string[] = [LIST_TITLES.updates, LIST_TITLES.actions, LIST_TITLES.outcomes, LIST_TITLES.priorities];

/** A plan sheet as a plan officer writes it: `count` actions under one priority, each with a progress note. */
function smokeSheet(count: number, firstRef: number, withNotes: boolean): string[][] {
  const rows = [['Ref', 'Action', 'Responsible Officer', 'By When', 'RAG', 'Progress Update', 'Priority', 'Outcome']];
  for (let index = firstRef; index < firstRef + count; index++) {
    rows.push([`9.1.${index}`, `Smoke test action ${index}`, 'Smoke Test Officer', 'Sept 2024', 'Amber', withNotes ? `Jan 2024: Smoke test note ${index}.` : '', '9: Smoke test', 'Smoke test outcome']);
  }
  return rows;
}

function oneLine(error: unknown): string {
  const failure = toPlanDataError(error);
  return `${failure.kind}${failure.status ? ` (${failure.status})` : ''}: ${failure.detail.split('\n')[0].slice(0, 300)}`;
}

/** The runner: each step is timed against the request log and ends as a row, whatever it throws. */
class SmokeRun {
  public readonly rows: ISmokeRow[] = [];
  public constructor(private readonly site: ISmokeSite) {}

  public async step(name: string, work: () => Promise<{ result?: StepResult; note: string }>): Promise<boolean> {
    const from = this.site.calls.length;
    let outcome: { result?: StepResult; note: string };
    try {
      outcome = await work();
    } catch (error) {
      outcome = { result: 'fail', note: oneLine(error) };
    }
    const result = outcome.result ?? 'pass';
    this.rows.push({ step: name, requests: summariseCalls(this.site.calls.slice(from)), result, note: outcome.note });
    return result === 'pass';
  }

  public skip(name: string, reason: string): void {
    this.rows.push({ step: name, requests: [], result: 'skipped', note: reason });
  }
}

async function importActions(owner: SPFI, planId: number, rows: string[][], today: IsoDate): Promise<{ created: number; logEntries: number; conflicts: string[] }> {
  const snapshot = await new SharePointPlanDataService(owner).loadPlan(planId);
  const analysis = analyseSheet(rows);
  if (!analysis) throw new Error('The smoke test sheet has no header row.');
  const plan = planImport(rows, analysis.columns, analysis.headerRow, {
    target: { kind: 'existing', planId, name: snapshot.plan.title },
    scheme: snapshot.plan.statusScheme,
    priorities: snapshot.priorities,
    outcomes: snapshot.outcomes,
    actions: snapshot.actions
  });
  if (plan.rejectedRows.length > 0) throw new Error(`The import's dry run rejected ${plan.rejectedRows.length} of the smoke test's rows.`);
  const result = await new SharePointPlanImportService(owner).importPlan(planId, plan, { date: today, by: 'Smoke test' });
  return { created: result.createdActions, logEntries: result.addedLogEntries, conflicts: result.conflicts };
}

/** Every item of a list, paged by id without a filter (the read SharePoint allows past 5,000 items), with one lookup's id. */
async function allItems(sp: SPFI, listTitle: string, lookupId: string): Promise<Array<{ Id: number; value: unknown }>> {
  const found: Array<{ Id: number; value: unknown }> = [];
  for await (const page of sp.web.lists.getByTitle(listTitle).items.select('Id', lookupId).top(PAGE_SIZE)) {
    for (const item of page as Array<Record<string, unknown>>) found.push({ Id: item.Id as number, value: item[lookupId] });
  }
  return found;
}

/** Deletes items by id in batches of SharePoint's limit. */
async function deleteItems(sp: SPFI, listTitle: string, ids: readonly number[]): Promise<void> {
  for (let start = 0; start < ids.length; start += BATCH_LIMIT) {
    const [batched, execute] = sp.batched({ maxRequests: BATCH_LIMIT });
    const deletes = ids.slice(start, start + BATCH_LIMIT).map((id) => batched.web.lists.getByTitle(listTitle).items.getById(id).delete());
    await execute();
    await Promise.all(deletes);
  }
}

/**
 * Runs every step against the site and returns the table's rows. Never throws for a step
 * that fails; removes what it made (items, never lists) whatever happened.
 */
export async function runSmokeSteps(site: ISmokeSite, options: ISmokeOptions): Promise<ISmokeRow[]> {
  const run = new SmokeRun(site);
  const data = new SharePointPlanDataService(site.owner);
  const importer = new SharePointPlanImportService(site.owner);
  let planId = 0;
  let snapshot: IPlanSnapshot | undefined;

  const signedIn = await run.step('Sign in and read the site', async () => {
    const web = await site.owner.web.select('Title', 'Url')();
    return { note: `"${web.Title}" at ${web.Url}` };
  });
  if (!signedIn) {
    run.skip('Everything else', 'Nothing else can run until the sign-in and the site work: check the address, the app registration and its permission on the site.');
    return run.rows;
  }
  await run.step('Set up the lists (the product\'s provisioning)', async () => {
    const report = await new SharePointProvisioningService(site.owner).ensureLists();
    const made = `${report.createdLists.length} lists created, ${report.addedColumns.length} columns added, ${report.updatedColumns.length} columns updated, ${report.addedViews.length} views added`;
    return report.problems.length > 0 ? { result: 'fail', note: `${made}; ${report.problems.map((problem) => `${problem.list}: ${problem.column} is not ${problem.expectedType}`).join(' ')}` } : { note: made };
  });
  await run.step('Create a throw-away plan', async () => {
    planId = await importer.createPlan({ name: `Smoke test ${options.runId}`, localArea: 'Smoke test: removed when the test ends', scheme: RAGC_SCHEME, reportingDates: [] });
    return { note: `plan ${planId}, "Smoke test ${options.runId}"` };
  });

  try {
    if (planId === 0) {
      run.skip('Everything else', 'No plan was created to test with.');
      return run.rows;
    }
    await run.step(`Import ${IMPORTED_ACTIONS} actions in batches`, async () => {
      const from = site.calls.length;
      const imported = await importActions(site.owner, planId, smokeSheet(IMPORTED_ACTIONS, 1, true), options.today);
      const batches = site.calls.slice(from).filter((call) => call.parts !== undefined);
      const largest = Math.max(0, ...batches.map((call) => call.parts?.length ?? 0));
      const note = `${imported.created} actions and ${imported.logEntries} log entries written in ${batches.length} $batch requests of at most ${largest} parts`;
      if (imported.created !== IMPORTED_ACTIONS || imported.conflicts.length > 0) return { result: 'fail', note: `${note}; expected ${IMPORTED_ACTIONS} actions and no conflicts (${imported.conflicts.join(', ')})` };
      return largest > BATCH_LIMIT ? { result: 'fail', note: `${note}: more than SharePoint's ${BATCH_LIMIT}` } : { note };
    });
    await run.step('Load the plan', async () => {
      snapshot = await data.loadPlan(planId);
      const note = `${snapshot.actions.length} actions, ${snapshot.priorities.length} priority, ${snapshot.outcomes.length} outcome${snapshot.warnings.length ? `; warnings: ${snapshot.warnings.map((warning) => `${warning.item.kind} ${warning.item.name}: ${warning.code}`).join('; ')}` : ''}`;
      return snapshot.actions.length === IMPORTED_ACTIONS ? { note } : { result: 'fail', note: `${note}; expected ${IMPORTED_ACTIONS} actions` };
    });
    const actions = snapshot?.actions ?? [];
    if (actions.length < MIDNIGHT_DATES.length + 1) {
      run.skip('Writes, dates and permissions', 'The plan did not load with its actions.');
      return run.rows;
    }

    await run.step(`One $batch of ${BATCH_LIMIT} requests (SharePoint's limit)`, async () => {
      const from = site.calls.length;
      const [batched, execute] = site.owner.batched({ maxRequests: BATCH_LIMIT });
      const reads = Array.from({ length: BATCH_LIMIT }, (_, index) => batched.web.lists.getByTitle(LIST_TITLES.actions).items.getById(actions[index % actions.length].id).select('Id')());
      await execute();
      const answered = (await Promise.all(reads)).length;
      const sent = site.calls.slice(from).filter((call) => call.parts !== undefined);
      if (sent.length !== 1 || sent[0].parts?.length !== BATCH_LIMIT) return { result: 'fail', note: `${answered} reads answered, sent in ${sent.length} batches` };
      return { note: `${answered} reads answered in one batch` };
    });

    const first = actions[0];
    let saved: IAction | undefined;
    await run.step('Save an update with its ETag', async () => {
      const from = site.calls.length;
      saved = (await data.saveUpdate({ action: first, date: options.today, note: `Smoke test update ${options.runId}`, status: undefined, evidence: [] })).action;
      const merges = site.calls.slice(from).reduce<Array<{ method: string; ifMatch: boolean }>>((all, call) => all.concat(call.parts ?? [call]), []).filter((call) => call.method === 'MERGE');
      const unguarded = merges.filter((call) => !call.ifMatch);
      if (merges.length === 0 || unguarded.length > 0) return { result: 'fail', note: `${merges.length} MERGE requests, ${unguarded.length} without If-Match` };
      return { note: `ETag ${first.etag ?? '?'} -> ${saved.etag ?? '?'}` };
    });
    await run.step('A stale ETag is refused (someone else saved first)', async () => {
      if (!saved) return { result: 'skipped', note: 'The update before it was not saved.' };
      try {
        await data.saveUpdate({ action: first, date: options.today, note: `Smoke test stale update ${options.runId}`, status: undefined, evidence: [] });
      } catch (error) {
        if (error instanceof ConflictError) return { note: 'ConflictError with the version saved first' };
        throw error;
      }
      return { result: 'fail', note: 'The stale save was written over the newer one.' };
    });

    await run.step("Read the site's time zone", async () => {
      const timeZone = (await site.owner.web.regionalSettings.timeZone()) as { Description?: string; Id?: number; Information?: { Bias?: number } };
      return { note: `time zone ${timeZone.Id ?? '?'}, "${timeZone.Description ?? '?'}" (bias ${timeZone.Information?.Bias ?? '?'} minutes)` };
    });
    await run.step('Date-only values around midnight read back as the day written', async () => {
      const edited = MIDNIGHT_DATES.map((entry, index) => ({ ...entry, action: actions[index + 1] }));
      for (const entry of edited) {
        if (parsePlanDate(entry.typed).date !== entry.date) throw new Error(`The product reads "${entry.typed}" as ${String(parsePlanDate(entry.typed).date)}.`);
        await data.saveActionEdit({ action: entry.action, values: { ...editValuesOf(entry.action), revisedDue: entry.typed, revisedDueReason: 'Smoke test' }, made: { by: 'Smoke test', date: options.today } });
      }
      const reloaded = await data.loadPlan(planId);
      const wrong: string[] = [];
      const stored: string[] = [];
      for (const entry of edited) {
        const shown = reloaded.actions.find((action) => action.id === entry.action.id)?.revisedDue?.date;
        const raw = (await site.owner.web.lists.getByTitle(LIST_TITLES.actions).items.getById(entry.action.id).select('RevisedDueDate')()) as { RevisedDueDate?: string };
        stored.push(`${entry.date} stored as ${raw.RevisedDueDate ?? 'nothing'}`);
        if (shown !== entry.date) wrong.push(`${entry.date} reads back as ${shown ?? 'nothing'}`);
      }
      return wrong.length > 0 ? { result: 'fail', note: `${wrong.join('; ')} (${stored.join(', ')})` } : { note: stored.join(', ') };
    });

    if (!site.reader) {
      run.skip('A reader can read but not write', site.noReaderReason ?? 'No reader sign-in was given.');
    } else {
      const reader = site.reader;
      await run.step('A reader can read but not write', async () => {
        const readerData = new SharePointPlanDataService(reader);
        const seen = await readerData.loadPlan(planId);
        if (seen.access.canEditActions || seen.access.canManageLists) return { result: 'fail', note: `The reader is offered editing (canEditActions ${seen.access.canEditActions}, canManageLists ${seen.access.canManageLists}).` };
        const target = seen.actions.find((action) => action.id === actions[MIDNIGHT_DATES.length + 1]?.id) ?? seen.actions[0];
        try {
          await readerData.saveUpdate({ action: target, date: options.today, note: 'A reader should not be able to save this', status: undefined, evidence: [] });
        } catch (error) {
          const failure = toPlanDataError(error);
          if (failure.kind === 'forbidden') return { note: `reads ${seen.actions.length} actions; a write is refused (${failure.status ?? '?'})` };
          throw error;
        }
        return { result: 'fail', note: 'The reader saved an update.' };
      });
    }

    if (!options.large) {
      run.skip('A paged load past 5,000 items', 'Run with --large to write 5,000 more actions and load them.');
    } else {
      await run.step(`Import ${LARGE_ACTIONS} more actions`, async () => {
        const imported = await importActions(site.owner, planId, smokeSheet(LARGE_ACTIONS, IMPORTED_ACTIONS + 1, false), options.today);
        return imported.created === LARGE_ACTIONS ? { note: `${imported.created} actions written` } : { result: 'fail', note: `${imported.created} of ${LARGE_ACTIONS} actions written` };
      });
      await run.step('A paged load past 5,000 items', async () => {
        const large = await data.loadPlan(planId);
        const expected = IMPORTED_ACTIONS + LARGE_ACTIONS;
        return large.actions.length === expected ? { note: `${large.actions.length} actions loaded` } : { result: 'fail', note: `${large.actions.length} of ${expected} actions loaded` };
      });
    }
  } finally {
    if (planId !== 0) {
      await run.step('Remove what it made (items only; lists stay)', async () => {
        let removed = 0;
        for (const listTitle of PLAN_CHILD_LISTS) {
          const mine = (await allItems(site.owner, listTitle, 'PlanId')).filter((item) => item.value === planId).map((item) => item.Id);
          await deleteItems(site.owner, listTitle, mine);
          removed += mine.length;
        }
        await deleteItems(site.owner, LIST_TITLES.plans, [planId]);
        const left = (await Promise.all(PLAN_CHILD_LISTS.map(async (listTitle) => (await allItems(site.owner, listTitle, 'PlanId')).filter((item) => item.value === planId).length))).reduce((sum, count) => sum + count, 0);
        return left > 0 ? { result: 'fail', note: `${left} items of plan ${planId} are still there` } : { note: `${removed + 1} items removed (the plan and everything in it)` };
      });
    }
  }
  return run.rows;
}
