/**
 * Plan upkeep against the emulator over HTTP: a new empty plan, priorities and outcomes
 * added and renamed, actions added (a ref used already refused, nothing written), retired
 * and moved, each change of an existing item sent with its ETag and refused (412, a
 * ConflictError) when someone else changed it first. A retired action keeps its log.
 */
import { ND_LEAD, SITE_OWNER } from '../../emulator/sample/users';
import { IAction } from '../../src/model/plan';
import { RAGC_SCHEME } from '../../src/model/statusSchemes';
import { ConflictError } from '../../src/services/errors';
import { DuplicateRefError } from '../../src/services/IPlanUpkeepService';
import { LIST_TITLES } from '../../src/services/schema';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { SharePointPlanUpkeepService } from '../../src/services/SharePointPlanUpkeepService';
import { ILoggedRequest } from '../../emulator/server';
import { ITestSite, startTestSite } from '../support/emulator';

describe('plan upkeep against the emulator', () => {
  let site: ITestSite;
  beforeEach(async () => {
    site = await startTestSite({ seed: true });
  });
  afterEach(() => site.stop());

  const upkeep = (): SharePointPlanUpkeepService => new SharePointPlanUpkeepService(site.as(SITE_OWNER.email));
  const data = (email: string = SITE_OWNER.email): SharePointPlanDataService => new SharePointPlanDataService(site.as(email));
  /** The writes sent since the log was last cleared (batch parts included), without the form digest. */
  const writes = (): ILoggedRequest[] => site.emulator.requests.filter((request) => request.method === 'POST' && !request.path.endsWith('/contextinfo') && !request.path.endsWith('/$batch'));
  const items = (list: string): string => `/sites/send/_api/web/lists/getByTitle('${list}')/items`;
  async function action(ref: string): Promise<IAction> {
    const found = (await data().loadPlan(site.planId)).actions.find((candidate) => candidate.ref === ref);
    if (!found) throw new Error(`sample action ${ref} missing`);
    return found;
  }

  it('creates an empty plan that loads with no priorities, outcomes or actions', async () => {
    const planId = await upkeep().createPlan({ name: 'Telford and Wrekin WSoA 2024', localArea: 'Telford and Wrekin', scheme: RAGC_SCHEME, reportingDates: [] });

    expect(planId).not.toBe(site.planId);
    const snapshot = await data().loadPlan(planId);
    expect([snapshot.plan.title, snapshot.plan.localArea, snapshot.plan.statusScheme.id]).toEqual(['Telford and Wrekin WSoA 2024', 'Telford and Wrekin', 'ragc']);
    expect([snapshot.priorities, snapshot.outcomes, snapshot.actions]).toEqual([[], [], []]);
    expect((await data().listPlans()).map((plan) => plan.id)).toEqual(expect.arrayContaining([site.planId, planId]));
  });

  it('adds a priority and an outcome under it, then renames each with the ETag read with it', async () => {
    const service = upkeep();
    const priority = await service.addPriority(site.planId, { number: '6', title: 'Preparing for adulthood' });
    const outcome = await service.addOutcome(priority, { number: '6.1', title: 'Young people plan their move to adult services' });
    expect(priority).toMatchObject({ id: expect.any(Number), planId: site.planId, number: '6', title: 'Preparing for adulthood' });
    expect(outcome).toMatchObject({ id: expect.any(Number), planId: site.planId, priorityId: priority.id, number: '6.1' });

    site.emulator.requests.length = 0;
    const renamed = await service.renamePriority(priority, { number: '6', title: 'Preparing for adulthood and independence' });
    const priorityRead = site.emulator.requests.find((request) => request.method === 'GET' && request.path === `${items(LIST_TITLES.priorities)}(${priority.id})`);
    expect(writes()).toEqual([expect.objectContaining({ path: `${items(LIST_TITLES.priorities)}(${priority.id})`, httpMethod: 'MERGE', ifMatch: expect.stringMatching(/^"\d+"$/), status: 204 })]);
    expect(priorityRead?.status).toBe(200);
    await service.renameOutcome(outcome, { number: '6.1', title: 'Transition plans start at 14' });

    const snapshot = await data().loadPlan(site.planId);
    expect(snapshot.priorities.find((candidate) => candidate.id === priority.id)).toMatchObject({ number: '6', title: 'Preparing for adulthood and independence' });
    expect(snapshot.outcomes.find((candidate) => candidate.id === outcome.id)).toMatchObject({ number: '6.1', title: 'Transition plans start at 14', priorityId: priority.id });
    expect(renamed.title).toBe('Preparing for adulthood and independence');
  });

  it('refuses a rename of a priority someone else renamed since it was loaded, with theirs', async () => {
    const seen = (await data().loadPlan(site.planId)).priorities[0];
    await upkeep().renamePriority(seen, { number: seen.number, title: 'Renamed by someone else' });
    site.emulator.requests.length = 0;

    const refused = await upkeep().renamePriority(seen, { number: seen.number, title: 'Mine' }).catch((thrown: unknown) => thrown);

    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError<typeof seen>).current.title).toBe('Renamed by someone else');
    expect(writes()).toEqual([]);
  });

  it('adds an action under an outcome with its due date as written, and refuses a ref the plan already uses, writing nothing', async () => {
    const before = await data().loadPlan(site.planId);
    const outcome = before.outcomes[0];
    const service = upkeep();
    site.emulator.requests.length = 0;

    const added = await service.addAction(site.planId, { ref: '3.1.99', text: 'Publish the ND pathway leaflet', due: 'Sep-24', priorityId: outcome.priorityId, outcomeId: outcome.id });

    expect(writes().map((request) => `${request.path} ${request.status}`)).toEqual([`${items(LIST_TITLES.actions)} 201`]);
    expect(added).toMatchObject({ id: expect.any(Number), ref: '3.1.99', priorityId: outcome.priorityId, outcomeId: outcome.id, etag: expect.any(String) });
    const reread = (await data().loadPlan(site.planId)).actions.find((candidate) => candidate.id === added.id);
    expect(reread).toMatchObject({ text: 'Publish the ND pathway leaflet', due: { text: 'Sep-24', date: '2024-09-30' }, outcomeId: outcome.id });

    site.emulator.requests.length = 0;
    const taken = before.actions[0].ref;
    const count = site.store.itemCount(LIST_TITLES.actions);
    const duplicate = await service.addAction(site.planId, { ref: ` ${taken.toUpperCase()} `, text: 'Again', due: '', priorityId: outcome.priorityId }).catch((thrown: unknown) => thrown);
    expect(duplicate).toBeInstanceOf(DuplicateRefError);
    expect((duplicate as DuplicateRefError).ref).toBe(taken.toUpperCase());
    expect(writes()).toEqual([]);
    expect(site.store.itemCount(LIST_TITLES.actions)).toBe(count);
  });

  it('retires an action with its ETag: it stays, marked retired, and keeps its whole log', async () => {
    const target = await action('3.2.1');
    const logBefore = (await data().openAction(target, false)).log;
    expect(logBefore.length).toBeGreaterThan(0);
    site.emulator.requests.length = 0;

    const retired = await upkeep().retireAction(target, { date: '2024-02-29', reason: ' Merged into 3.2.2 ' });

    expect(writes()).toEqual([expect.objectContaining({ path: `${items(LIST_TITLES.actions)}(${target.id})`, httpMethod: 'MERGE', ifMatch: target.etag, status: 204 })]);
    expect(retired.retired).toEqual({ date: '2024-02-29', reason: 'Merged into 3.2.2' });
    expect(retired.etag).not.toBe(target.etag);
    const reread = await action('3.2.1');
    expect(reread.retired).toEqual({ date: '2024-02-29', reason: 'Merged into 3.2.2' });
    expect(reread.history).toEqual(target.history);
    expect((await data().openAction(reread, false)).log).toEqual(logBefore);
    expect(site.store.getItem(LIST_TITLES.actions, target.id)).toBeDefined();
  });

  it('moves an action to another outcome and its priority with its ETag, its ref unchanged', async () => {
    const snapshot = await data().loadPlan(site.planId);
    const target = snapshot.actions.find((candidate) => candidate.ref === '3.2.1') as IAction;
    const elsewhere = snapshot.outcomes.find((outcome) => outcome.priorityId !== target.priorityId);
    if (!elsewhere) throw new Error('the sample plan has outcomes under two priorities');
    site.emulator.requests.length = 0;

    const moved = await upkeep().moveAction(target, elsewhere);

    expect(writes()).toEqual([expect.objectContaining({ path: `${items(LIST_TITLES.actions)}(${target.id})`, httpMethod: 'MERGE', ifMatch: target.etag, status: 204 })]);
    const reread = await action('3.2.1');
    expect([reread.outcomeId, reread.priorityId, reread.ref]).toEqual([elsewhere.id, elsewhere.priorityId, '3.2.1']);
    expect(reread.etag).toBe(moved.etag);
  });

  it('turns a retirement or a move of an action someone else changed into a conflict carrying theirs, writing nothing', async () => {
    const mine = await action('3.2.1');
    const outcome = (await data().loadPlan(site.planId)).outcomes.find((candidate) => candidate.id !== mine.outcomeId);
    await data(ND_LEAD.email).saveUpdate({ action: mine, date: '2024-02-29', note: 'Update posted while the officer was retiring it', status: 'Amber', evidence: [] });

    const retiring = await upkeep().retireAction(mine, { date: '2024-02-29', reason: 'Duplicate' }).catch((thrown: unknown) => thrown);
    const moving = await upkeep().moveAction(mine, outcome as NonNullable<typeof outcome>).catch((thrown: unknown) => thrown);

    for (const refused of [retiring, moving]) {
      expect(refused).toBeInstanceOf(ConflictError);
      expect((refused as ConflictError<IAction>).current).toMatchObject({ id: mine.id, latestNote: 'Update posted while the officer was retiring it' });
    }
    const now = await action('3.2.1');
    expect([now.retired, now.outcomeId]).toEqual([undefined, mine.outcomeId]);
  });
});
