import { ND_LEAD, SITE_OWNER } from '../../emulator/sample/users';
import { toPlanDataError } from '../../src/services/errors';
import { fillLogActionIds } from '../../src/services/logActionIds';
import { LIST_TITLES } from '../../src/services/schema';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { ITestSite, startTestSite } from '../support/emulator';

/** Lists past SharePoint's 5,000-item view threshold. */
describe('a plan whose actions and progress log have grown past 5,000 items', () => {
  let site: ITestSite;
  let actionIds: number[];
  beforeAll(async () => {
    site = await startTestSite({ seed: true });
    const owner = site.store.findUser(SITE_OWNER.email)?.id as number;
    const priorityId = site.store.allItems(LIST_TITLES.priorities)[0].id;
    for (let index = 0; index < 5200; index++) {
      site.store.addItem(LIST_TITLES.actions, { Title: `9.${index}`, PlanId: site.planId, PriorityId: priorityId, ActionText: 'Generated action', StatusHistory: '2024-01-31\tGreen\tx' }, owner);
    }
    actionIds = site.store.allItems(LIST_TITLES.actions).map((item) => item.id);
    for (let index = 0; index < 5200; index++) {
      site.store.addItem(LIST_TITLES.updates, { Title: `Old entry ${index}`, PlanId: site.planId, ActionId: actionIds[index % 40], ActionItemId: actionIds[index % 40], ProgressNote: 'Monthly return', StatusSet: 'Green' }, owner);
    }
  });
  afterAll(() => site.stop());

  const sp = (): ReturnType<ITestSite['as']> => site.as(ND_LEAD.email);
  const refusal = (query: Promise<unknown>): Promise<unknown> => query.then(() => 'allowed', (error: unknown) => toPlanDataError(error).kind);

  it('refuses a query whose first filter is not on an indexed column, or any of whose comparisons on an indexed column matches more than 5,000 items alone, as SharePoint does', async () => {
    const error = await sp().web.lists.getByTitle(LIST_TITLES.updates).items.filter("StatusSet eq 'Green'").top(10)().catch((thrown: unknown) => thrown);
    expect((error as { status?: number }).status).toBe(500);
    expect(String((error as Error).message)).toContain('SPQueryThrottledException');
    const actions = sp().web.lists.getByTitle(LIST_TITLES.actions).items;
    expect(await refusal(actions.filter(`PlanId eq ${site.planId}`).top(10)())).toBe('overThreshold');
    // Each comparison counts alone, left to right: `Id gt 5000` matches more than 5,000 items, whatever narrows it after.
    expect(await refusal(actions.filter('Id gt 5000 and Id le 10000').top(10)())).toBe('overThreshold');
    expect(await refusal(actions.filter(`Id gt 5000 and Id le 10000 and PlanId eq ${site.planId}`).top(10)())).toBe('overThreshold');
    expect(await refusal(actions.filter(`Id gt 0 and PlanId eq ${site.planId} and Id le 100`).top(10)())).toBe('overThreshold');
  });

  it('allows unfiltered pages of 5,000 in id order from any id, and the last id by the id index', async () => {
    // A fresh items queryable for each query: PnPjs keeps the options set on one.
    const page: Array<{ Id: number }> = await sp().web.lists.getByTitle(LIST_TITLES.actions).items.select('Id').top(5000).skip(5000)();
    expect(page.map((item) => item.Id)).toEqual(actionIds.filter((id) => id > 5000).slice(0, 5000));
    const last: Array<{ Id: number }> = await sp().web.lists.getByTitle(LIST_TITLES.actions).items.select('Id').orderBy('Id', false).top(1)();
    expect(last).toEqual([expect.objectContaining({ Id: Math.max(...actionIds) })]);
  });

  it('loads the whole plan in two $batch requests: first pages and last ids, then the rest of the actions, unfiltered', async () => {
    site.emulator.requests.length = 0;
    const snapshot = await new SharePointPlanDataService(sp()).loadPlan(site.planId);

    expect(snapshot.actions.map((action) => action.id).sort((a, b) => a - b)).toEqual(site.store.allItems(LIST_TITLES.actions).filter((item) => item.values.PlanId === site.planId).map((item) => item.id));
    expect(site.emulator.requests.filter((request) => !request.inBatch).map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /sites/send/_api/contextinfo',
      'POST /sites/send/_api/$batch',
      'POST /sites/send/_api/$batch'
    ]);
    const secondBatch = site.emulator.requests.slice(site.emulator.requests.map((request) => request.inBatch).lastIndexOf(false) + 1);
    expect(secondBatch.map((request) => [request.path, request.query.$filter, request.query.$skiptoken, request.status])).toEqual([
      ["/sites/send/_api/web/lists/getByTitle('SEND Actions')/items", undefined, 'Paged=TRUE&p_ID=5000', 200]
    ]);
    expect(site.emulator.requests.every((request) => request.status === 200 && request.query.$filter === undefined)).toBe(true);
  });

  it('keeps to the plan’s rows, and reads a list whose ids have gaps without missing or repeating an item', async () => {
    const owner = site.store.findUser(SITE_OWNER.email)?.id as number;
    const priorityId = site.store.allItems(LIST_TITLES.priorities)[0].id;
    const otherPlan = site.store.addItem(LIST_TITLES.plans, { Title: 'Another plan' }, owner).id;
    const other = site.store.addItem(LIST_TITLES.actions, { Title: '1.1.1', PlanId: otherPlan, PriorityId: priorityId, ActionText: 'Another plan’s action' }, owner).id;
    // Gaps: a run of deleted items inside the first page and across the 5,000th id.
    for (const id of actionIds.filter((candidate) => candidate > 4990 && candidate <= 5010)) site.store.deleteItem(LIST_TITLES.actions, id, undefined);
    try {
      const snapshot = await new SharePointPlanDataService(sp()).loadPlan(site.planId);
      const ids = snapshot.actions.map((action) => action.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort((a, b) => a - b)).toEqual(site.store.allItems(LIST_TITLES.actions).filter((item) => item.values.PlanId === site.planId).map((item) => item.id));
      expect(ids).not.toContain(other);
    } finally {
      site.store.deleteItem(LIST_TITLES.actions, other, undefined);
    }
  });

  it('opens an action’s log on the indexed action id, a number: the Action lookup never narrows the log', async () => {
    const data = new SharePointPlanDataService(sp());
    const action = (await data.loadPlan(site.planId)).actions.find((candidate) => candidate.id === actionIds[3]);
    if (!action) throw new Error('action not loaded');
    const log = (await data.openAction(action, false)).log;
    expect(log.filter((entry) => entry.note === 'Monthly return')).toHaveLength(130);
    // The same entries by the lookup: 130 of them, yet refused.
    expect(await refusal(sp().web.lists.getByTitle(LIST_TITLES.updates).items.filter(`ActionId eq ${action.id}`).top(10)())).toBe('overThreshold');
  });

  it('fills the action id of log entries written before the column existed, once, so their action’s log finds them', async () => {
    const owner = site.store.findUser(SITE_OWNER.email)?.id as number;
    const target = actionIds[7];
    const older = [1, 2, 3].map((index) => site.store.addItem(LIST_TITLES.updates, { Title: `Before the column ${index}`, PlanId: site.planId, ActionId: target, ProgressNote: `Written before ${index}` }, owner).id);
    const data = new SharePointPlanDataService(sp());
    const action = (await data.loadPlan(site.planId)).actions.find((candidate) => candidate.id === target);
    if (!action) throw new Error('action not loaded');
    expect((await data.openAction(action, false)).log.filter((entry) => entry.note.startsWith('Written before'))).toHaveLength(0);

    expect(await fillLogActionIds(site.as(SITE_OWNER.email))).toBe(3);
    expect(older.map((id) => site.store.getItem(LIST_TITLES.updates, id).values.ActionItemId)).toEqual([target, target, target]);
    expect((await data.openAction(action, false)).log.filter((entry) => entry.note.startsWith('Written before'))).toHaveLength(3);
    expect(await fillLogActionIds(site.as(SITE_OWNER.email))).toBe(0);
  });

  it('maps a refused sort on a non-indexed column to a typed over-threshold error', async () => {
    const refused = await sp().web.lists.getByTitle(LIST_TITLES.updates).items.orderBy('StatusSet').top(10)().catch((thrown: unknown) => thrown);
    expect(toPlanDataError(refused)).toEqual(expect.objectContaining({ kind: 'overThreshold', status: 500 }));
  });

  it('allows a filter on an indexed column that matches few items', async () => {
    const found = await sp().web.lists.getByTitle(LIST_TITLES.updates).items.filter(`UpdateKey eq 'sample-3.2.1-1'`).select('Id', 'UpdateKey')();
    expect(found).toHaveLength(1);
  });
});
