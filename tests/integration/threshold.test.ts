import { ND_LEAD, SITE_OWNER } from '../../emulator/sample/users';
import { toPlanDataError } from '../../src/services/errors';
import { LIST_TITLES } from '../../src/services/schema';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { ITestSite, startTestSite } from '../support/emulator';

/** A list past SharePoint's 5,000-item view threshold. */
describe('a plan whose progress log has grown past 5,000 entries', () => {
  let site: ITestSite;
  let firstActionId: number;
  beforeAll(async () => {
    site = await startTestSite({ seed: true });
    const owner = site.store.findUser(SITE_OWNER.email)?.id as number;
    firstActionId = site.store.allItems(LIST_TITLES.actions)[0].id;
    for (let index = 0; index < 5200; index++) {
      site.store.addItem(LIST_TITLES.updates, { Title: `Old entry ${index}`, PlanId: site.planId, ActionId: firstActionId, ProgressNote: 'Monthly return', StatusSet: 'Green' }, owner);
    }
  });
  afterAll(() => site.stop());

  it('refuses a query whose first filter is not on an indexed column, as SharePoint does', async () => {
    const sp = site.as(ND_LEAD.email);
    const error = await sp.web.lists.getByTitle(LIST_TITLES.updates).items.filter("StatusSet eq 'Green'").top(10)().catch((thrown: unknown) => thrown);
    expect((error as { status?: number }).status).toBe(500);
    expect(String((error as Error).message)).toContain('SPQueryThrottledException');
  });

  it('still loads the whole plan: the refused plan filter falls back to paging the list by id with for await', async () => {
    site.emulator.requests.length = 0;
    const snapshot = await new SharePointPlanDataService(site.as(ND_LEAD.email)).loadPlan(site.planId);

    expect(snapshot.updates).toHaveLength(site.store.itemCount(LIST_TITLES.updates));
    const pagedReads = site.emulator.requests.filter((request) => !request.inBatch && request.method === 'GET' && request.path.endsWith("getByTitle('SEND Action Updates')/items"));
    expect(pagedReads.map((request) => request.query.$skiptoken ?? 'first page')).toEqual(['first page', expect.stringMatching(/^Paged=TRUE&p_ID=\d+$/)]);
    expect(pagedReads.every((request) => request.status === 200 && request.query.$filter === undefined && request.query.$top === '5000')).toBe(true);
  });

  it('maps a refused sort on a non-indexed column to a typed over-threshold error', async () => {
    const refused = await site.as(ND_LEAD.email).web.lists.getByTitle(LIST_TITLES.updates).items.orderBy('StatusSet').top(10)().catch((thrown: unknown) => thrown);
    expect(toPlanDataError(refused)).toEqual(expect.objectContaining({ kind: 'overThreshold', status: 500 }));
  });

  it('allows a filter on an indexed column that matches few items', async () => {
    const found = await site.as(ND_LEAD.email).web.lists.getByTitle(LIST_TITLES.updates).items.filter(`UpdateKey eq 'sample-3.2.1-1'`).select('Id', 'UpdateKey')();
    expect(found).toHaveLength(1);
  });
});
