/**
 * A plan kept on the device and brought up to date through the lists' change logs,
 * against the emulator over HTTP: the exact requests, and another person's changes,
 * additions and deletions appearing.
 */
import { SPFI } from '@pnp/sp';
import { ND_LEAD, SITE_OWNER } from '../../emulator/sample/users';
import { CachedPlanLoader } from '../../src/services/CachedPlanLoader';
import { ICachedPlan } from '../../src/services/ICachedPlanLoader';
import { IPlanCache } from '../../src/services/planCache';
import { SharePointPlanChanges } from '../../src/services/planChanges';
import { ACTION_BRIEF_SELECT } from '../../src/services/planColumns';
import { ACTION_FIELDS, LIST_TITLES } from '../../src/services/schema';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { ITestSite, startTestSite } from '../support/emulator';

/** A device's store, in memory. */
function memoryCache(): IPlanCache & { kept: Map<string, ICachedPlan> } {
  const kept = new Map<string, ICachedPlan>();
  return {
    kept,
    read: async (key) => kept.get(JSON.stringify(key)),
    write: async (key, plan) => {
      kept.set(JSON.stringify(key), plan);
    }
  };
}

describe('a plan kept on the device, refreshed from the change log', () => {
  let site: ITestSite;
  let sp: SPFI;
  let cache: ReturnType<typeof memoryCache>;
  let loader: CachedPlanLoader;

  beforeEach(async () => {
    site = await startTestSite({ seed: true });
    sp = site.as(ND_LEAD.email);
    cache = memoryCache();
    loader = new CachedPlanLoader(new SharePointPlanDataService(sp), new SharePointPlanChanges(sp), cache, { site: site.siteUrl, user: ND_LEAD.email });
    // The first visit: the whole plan, then each list's token after it is on screen.
    const first = await loader.refresh(site.planId, await loader.cached(site.planId));
    await first.kept;
    site.emulator.requests.length = 0;
  });
  afterEach(() => site.stop());

  const outer = (): string[] => site.emulator.requests.filter((request) => !request.inBatch).map((request) => `${request.method} ${request.path}`);
  const anAction = (): { id: number; values: Record<string, unknown> } => site.store.allItems(LIST_TITLES.actions).filter((item) => item.values.PlanId === site.planId)[0];

  it('keeps the first visit’s plan with a token for each list', async () => {
    const kept = await loader.cached(site.planId);
    expect(kept?.snapshot.actions.length).toBeGreaterThan(0);
    expect(Object.keys(kept?.tokens ?? {}).sort()).toEqual(['actions', 'kpis', 'outcomes', 'priorities', 'roles']);
    expect(Object.values(kept?.tokens ?? {}).every((token) => /^1;3;[0-9a-f-]{36};\d+;\d+$/.test(token))).toBe(true);
  });

  it('asks once when nothing changed: one $batch of each list’s token and changes, the plan, the user and permissions', async () => {
    const kept = (await loader.cached(site.planId)) as ICachedPlan;
    const fresh = await loader.refresh(site.planId, kept);

    expect(outer()).toEqual(['POST /sites/send/_api/$batch']);
    const parts = site.emulator.requests.filter((request) => request.inBatch);
    expect(parts.filter((request) => request.path.endsWith('/getchanges'))).toHaveLength(5);
    expect(parts.filter((request) => /getByTitle\('[^']+'\)$/.test(request.path) && request.query.$select === 'CurrentChangeToken')).toHaveLength(5);
    expect(parts.some((request) => request.path.endsWith('/items') && request.query.$select !== 'CurrentChangeToken')).toBe(false);
    expect(fresh.snapshot.actions).toEqual(kept.snapshot.actions);
    expect(fresh.snapshot.plan).toEqual(kept.snapshot.plan);
  });

  it('shows another person’s change: the changed action read by its id with the columns a load reads, in a second $batch', async () => {
    const action = anAction();
    site.store.updateItem(LIST_TITLES.actions, action.id, { [ACTION_FIELDS.latestNote]: 'Changed by someone else' }, undefined, site.store.findUser(SITE_OWNER.email)?.id ?? 1);
    const kept = (await loader.cached(site.planId)) as ICachedPlan;

    const fresh = await loader.refresh(site.planId, kept);

    expect(outer()).toEqual(['POST /sites/send/_api/$batch', 'POST /sites/send/_api/$batch']);
    const reads = site.emulator.requests.filter((request) => request.inBatch && request.path.endsWith("getByTitle('SEND Actions')/items"));
    expect(reads).toEqual([expect.objectContaining({ method: 'GET', status: 200, query: expect.objectContaining({ $filter: `Id eq ${action.id}`, $select: ACTION_BRIEF_SELECT.join(',') }) })]);
    expect(fresh.snapshot.actions.find((candidate) => candidate.id === action.id)?.latestNote).toBe('Changed by someone else');
    // The rest as kept.
    expect(fresh.snapshot.actions.filter((candidate) => candidate.id !== action.id)).toEqual(kept.snapshot.actions.filter((candidate) => candidate.id !== action.id));
    await fresh.kept;
    // The next visit starts after that change: nothing more to read.
    site.emulator.requests.length = 0;
    const next = await loader.refresh(site.planId, await loader.cached(site.planId));
    expect(outer()).toEqual(['POST /sites/send/_api/$batch']);
    expect(next.snapshot.actions).toEqual(fresh.snapshot.actions);
  });

  it('drops a deleted action in one request, and adds a new one (another plan’s stays out)', async () => {
    const action = anAction();
    site.store.deleteItem(LIST_TITLES.actions, action.id, undefined);
    let fresh = await loader.refresh(site.planId, await loader.cached(site.planId));
    expect(outer()).toEqual(['POST /sites/send/_api/$batch']);
    expect(fresh.snapshot.actions.some((candidate) => candidate.id === action.id)).toBe(false);
    await fresh.kept;

    const ownerId = site.store.findUser(SITE_OWNER.email)?.id ?? 1;
    const added = site.store.addItem(LIST_TITLES.actions, { ...action.values, Title: '9.9.9' }, ownerId);
    const elsewhere = site.store.addItem(LIST_TITLES.actions, { ...action.values, Title: '8.8.8', PlanId: site.planId + 100 }, ownerId);
    site.emulator.requests.length = 0;
    fresh = await loader.refresh(site.planId, await loader.cached(site.planId));
    expect(outer()).toHaveLength(2);
    expect(fresh.snapshot.actions.find((candidate) => candidate.id === added.id)?.ref).toBe('9.9.9');
    expect(fresh.snapshot.actions.some((candidate) => candidate.id === elsewhere.id)).toBe(false);
    expect(fresh.snapshot.actions.map((candidate) => candidate.id)).toEqual([...fresh.snapshot.actions.map((candidate) => candidate.id)].sort((a, b) => a - b));
  });

  it('reads the whole plan when a token is refused, or the roles changed', async () => {
    const kept = (await loader.cached(site.planId)) as ICachedPlan;
    const refused = await loader.refresh(site.planId, { ...kept, tokens: { ...kept.tokens, actions: kept.tokens.actions.replace(/;\d+$/, ';999999999') } });
    expect(outer()).toEqual(['POST /sites/send/_api/$batch', 'POST /sites/send/_api/$batch']);
    expect(site.emulator.requests.some((request) => request.inBatch && request.path.endsWith("getByTitle('SEND Actions')/items") && request.query.$filter === undefined)).toBe(true);
    expect(refused.snapshot.actions).toHaveLength(kept.snapshot.actions.length);

    const role = site.store.allItems(LIST_TITLES.roles)[0];
    site.store.updateItem(LIST_TITLES.roles, role.id, { Title: 'Renamed role' }, undefined, 1);
    site.emulator.requests.length = 0;
    const whole = await loader.refresh(site.planId, kept);
    expect(whole.snapshot.roles.some((candidate) => candidate.title === 'Renamed role')).toBe(true);
    expect(site.emulator.requests.some((request) => request.inBatch && request.path.endsWith("getByTitle('SEND Roles')/items") && request.query.$filter === undefined)).toBe(true);
  });

  it('reads the whole plan when the kept copy is older than the change log can be trusted for', async () => {
    const kept = (await loader.cached(site.planId)) as ICachedPlan;
    await loader.refresh(site.planId, { ...kept, refreshedAt: new Date(Date.now() - 31 * 24 * 60 * 60 * 1000).toISOString() });
    expect(site.emulator.requests.some((request) => request.path.endsWith('/getchanges'))).toBe(false);
  });
});
