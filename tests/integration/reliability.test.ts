/**
 * The week before a board: many people saving at once, SharePoint throttling, and
 * people who may only read. Each test drives the real services over HTTP against the
 * emulator and then reads what the server kept.
 */
import { EHCP_LEAD, EXECUTIVE, ND_LEAD, OFFICERS, SITE_OWNER } from '../../emulator/sample/users';
import { editValuesOf } from '../../src/model/actionEdit';
import { IAction } from '../../src/model/plan';
import { markCheckpoint } from '../../src/model/scorecard';
import { ConflictError, PlanDataError } from '../../src/services/errors';
import { IUpdateDraft } from '../../src/services/IPlanDataService';
import { LIST_TITLES, MEASUREMENT_FIELDS } from '../../src/services/schema';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { RAGC_SCHEME } from '../../src/model/statusSchemes';
import { SharePointPlanImportService } from '../../src/services/SharePointPlanImportService';
import { SharePointProvisioningService } from '../../src/services/SharePointProvisioningService';
import { ITestSite, startTestSite } from '../support/emulator';

jest.setTimeout(120_000);

const EDITORS = [SITE_OWNER, ND_LEAD, EHCP_LEAD, ...OFFICERS];

describe('reliability against the emulator', () => {
  let site: ITestSite;
  beforeEach(async () => {
    site = await startTestSite({ seed: true });
  });
  afterEach(() => site.stop());

  const service = (email: string): SharePointPlanDataService => new SharePointPlanDataService(site.as(email));

  function actionItem(ref: string): { id: number; values: Record<string, unknown>; version: number } {
    const found = site.store.allItems(LIST_TITLES.actions).find((item) => item.values.Title === ref);
    if (!found) throw new Error(`sample action ${ref} missing`);
    return found;
  }

  /** The progress notes the log holds for an action, in the order written. */
  function loggedNotes(actionId: number): string[] {
    return site.store
      .allItems(LIST_TITLES.updates)
      .filter((item) => item.values.ActionId === actionId)
      .map((item) => String(item.values.ProgressNote));
  }

  /** Saves, and on a conflict saves again on top of the other version, as a person does after reading it. */
  async function saveUntilLanded(client: SharePointPlanDataService, draft: IUpdateDraft): Promise<number> {
    let action: IAction = draft.action;
    for (let attempt = 1; attempt <= 50; attempt++) {
      try {
        await client.saveUpdate({ ...draft, action });
        return attempt;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        action = (error as ConflictError<IAction>).current;
      }
    }
    throw new Error(`"${draft.note}" never landed`);
  }

  describe('20 people saving to one action at the same moment', () => {
    const drafts = (action: IAction): IUpdateDraft[] =>
      Array.from({ length: 20 }, (_, index) => ({ action, date: '2024-02-29', note: `Client ${index + 1} update`, status: index % 2 === 0 ? 'Amber' : 'Green', evidence: [] }));

    it('each save lands or gets a conflict; the log holds exactly the saves that landed', async () => {
      const clients = EDITORS.concat(EDITORS, EDITORS).slice(0, 20).map((user) => service(user.email));
      const action = (await clients[0].loadPlan(site.planId)).actions.find((candidate) => candidate.ref === '3.2.1') as IAction;
      const logBefore = loggedNotes(action.id);

      const outcomes = await Promise.allSettled(drafts(action).map((draft, index) => clients[index].saveUpdate(draft)));

      const landed = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [`Client ${index + 1} update`] : []));
      const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(landed.length + refused.length).toBe(20);
      // All twenty sent the same ETag, so SharePoint accepts exactly one of them.
      expect(landed).toHaveLength(1);
      expect(refused.every((outcome) => outcome.reason instanceof ConflictError)).toBe(true);
      expect(loggedNotes(action.id)).toEqual([...logBefore, ...landed]);
      expect(actionItem('3.2.1').values.LatestNote).toBe(landed[0]);
    });

    it('when each person saves again on top of the other version, all twenty land, each logged once, none lost', async () => {
      const clients = EDITORS.concat(EDITORS, EDITORS).slice(0, 20).map((user) => service(user.email));
      const action = (await clients[0].loadPlan(site.planId)).actions.find((candidate) => candidate.ref === '3.2.1') as IAction;
      const logBefore = loggedNotes(action.id);
      const versionBefore = actionItem('3.2.1').version;

      const attempts = await Promise.all(drafts(action).map((draft, index) => saveUntilLanded(clients[index], draft)));

      const added = loggedNotes(action.id).slice(logBefore.length);
      expect([...added].sort()).toEqual(drafts(action).map((draft) => draft.note).sort());
      expect(new Set(added).size).toBe(20);
      // One action version per landed save, and the action shows the last one logged.
      const after = actionItem('3.2.1');
      expect(after.version - versionBefore).toBe(20);
      expect(after.values.LatestNote).toBe(added[added.length - 1]);
      expect(Math.max(...attempts)).toBeGreaterThan(1);
    });
  });

  describe('with 30% of requests refused (429 and 503 in turn, with Retry-After)', () => {
    it('every load succeeds, and every kind of save lands exactly once', async () => {
      site.emulator.setThrottle({ share: 0.3, status: 'either', retryAfterSeconds: 1 });
      const lead = service(ND_LEAD.email);
      const kpiLead = service(EHCP_LEAD.email);
      const readers = await Promise.all([EXECUTIVE, ND_LEAD, EHCP_LEAD].map((user) => service(user.email).loadPlan(site.planId)));
      expect(readers.map((snapshot) => snapshot.actions.length)).toEqual([readers[0].actions.length, readers[0].actions.length, readers[0].actions.length]);

      const refs = ['3.1.1', '3.2.1', '3.2.2', '3.3.1'];
      const saved = [];
      for (const ref of refs) {
        const action = readers[1].actions.find((candidate) => candidate.ref === ref) as IAction;
        saved.push(await lead.saveUpdate({ action, date: '2024-02-29', note: `Throttled save of ${ref}`, status: 'Amber', evidence: [] }));
      }
      const edited = readers[1].actions.find((candidate) => candidate.ref === '3.3.4') as IAction;
      await lead.saveActionEdit({ action: edited, values: { ...editValuesOf(edited), resources: 'Saved while throttled' }, made: { by: 'Test editor', date: '2024-02-29' } });
      const kpi = readers[2].kpis.find((candidate) => candidate.ref === '5.1.5');
      if (!kpi) throw new Error('sample KPI 5.1.5 missing');
      await kpiLead.recordMeasurement(kpi, { periodEnd: '2024-02-29', value: 88, note: 'Throttled return' });
      const checkpointKpi = readers[2].kpis.find((candidate) => candidate.ref === '5.1.2');
      if (!checkpointKpi) throw new Error('sample KPI 5.1.2 missing');
      await kpiLead.saveMilestones(checkpointKpi, markCheckpoint(checkpointKpi, 0, { met: true, date: '2023-06-20', note: 'Met while throttled' }));
      const refusedStatuses = new Set(site.emulator.requests.filter((request) => request.status === 429 || request.status === 503).map((request) => request.status));
      site.emulator.setThrottle({ share: 0 });

      expect([...refusedStatuses].sort()).toEqual([429, 503]);
      for (const [index, ref] of refs.entries()) {
        const item = actionItem(ref);
        expect(loggedNotes(item.id).filter((note) => note === `Throttled save of ${ref}`)).toHaveLength(1);
        expect(item.values.LatestUpdateKey).toBe(saved[index].update.key);
      }
      expect(actionItem('3.3.4').values.Resources).toBe('Saved while throttled');
      const measurements = site.store.allItems(LIST_TITLES.kpiMeasurements).filter((item) => item.values[`${MEASUREMENT_FIELDS.kpi}Id`] === kpi.id && item.values[MEASUREMENT_FIELDS.note] === 'Throttled return');
      expect(measurements).toHaveLength(1);
      const reloaded = await lead.loadPlan(site.planId);
      expect(reloaded.kpis.find((candidate) => candidate.id === checkpointKpi.id)?.milestones[0]).toMatchObject({ met: true, metNote: 'Met while throttled' });
    });
  });

  describe('a reader', () => {
    /** Every item's version in every list: what a refused write must leave as it was. */
    function versions(): string {
      return JSON.stringify(site.store.lists().map((list) => [list.title, site.store.fields(list.title).length, site.store.allItems(list.title).map((item) => [item.id, item.version])]));
    }

    it('gets 403 from the server on every write path the product has, and nothing changes', async () => {
      const reader = service(EXECUTIVE.email);
      const snapshot = await reader.loadPlan(site.planId);
      const action = snapshot.actions[0];
      const kpi = snapshot.kpis.find((candidate) => candidate.measurements.length > 0 && candidate.milestones.some((milestone) => milestone.target === undefined));
      if (!kpi) throw new Error('no sample KPI with a measurement and a text milestone');
      const checkpoint = kpi.milestones.findIndex((milestone) => milestone.target === undefined);
      const before = versions();
      site.emulator.requests.length = 0;

      const attempts: Array<[string, () => Promise<unknown>]> = [
        ['post an update', () => reader.saveUpdate({ action, date: '2024-02-29', note: 'Not allowed', status: 'Red', evidence: [] })],
        ['edit an action', () => reader.saveActionEdit({ action, values: { ...editValuesOf(action), theme: 'Not allowed' }, made: { by: 'Executive', date: '2024-02-29' } })],
        ['save the plan settings', () => reader.savePlanSettings(snapshot.plan, { statusScheme: snapshot.plan.statusScheme, reportingDates: ['2024-03-31'], kpiThresholds: snapshot.plan.kpiThresholds })],
        ['record a measurement', () => reader.recordMeasurement(kpi, { periodEnd: '2024-02-29', value: 1, note: 'Not allowed' })],
        ['correct a measurement', () => reader.recordMeasurement(kpi, { ...kpi.measurements[0], value: kpi.measurements[0].value + 1 })],
        ['mark a checkpoint', () => reader.saveMilestones(kpi, markCheckpoint(kpi, checkpoint, { met: true, date: '2024-02-01', note: 'Not allowed' }))],
        ['create a plan for an import', () => new SharePointPlanImportService(site.as(EXECUTIVE.email)).createPlan({ name: 'Not allowed', localArea: '', scheme: RAGC_SCHEME, reportingDates: [] })],
        [
          'import a plan',
          () =>
            new SharePointPlanImportService(site.as(EXECUTIVE.email)).importPlan(
              site.planId,
              { target: { kind: 'existing', planId: site.planId, name: 'Sample' }, actions: [], rejected: [], newPriorities: [{ number: '9', title: 'Not allowed' }], newOutcomes: [], problems: [], rejectedRows: [] },
              { date: '2024-02-29', by: 'Executive' }
            )
        ]
      ];
      for (const [what, attempt] of attempts) {
        const error = await attempt().then(
          () => new Error(`${what}: the reader's write was accepted`),
          (thrown: unknown) => thrown
        );
        expect([what, (error as PlanDataError).kind]).toEqual([what, 'forbidden']);
      }

      // Set up lists, and SharePoint's own write endpoints for every list, whatever PnPjs sends.
      const sp = site.as(EXECUTIVE.email);
      const raw: Array<[string, () => Promise<unknown>]> = [['create a list', () => sp.web.lists.add('Not allowed', '', 100)]];
      for (const list of site.store.lists()) {
        const [first] = site.store.allItems(list.title);
        const items = sp.web.lists.getByTitle(list.title).items;
        raw.push([`${list.title}: add`, () => items.add({ Title: 'Not allowed' })]);
        raw.push([`${list.title}: add a column`, () => sp.web.lists.getByTitle(list.title).fields.addText('NotAllowed')]);
        if (first) {
          raw.push([`${list.title}: update`, () => items.getById(first.id).update({ Title: 'Not allowed' }, `"${first.version}"`)]);
          raw.push([`${list.title}: delete`, () => items.getById(first.id).delete(`"${first.version}"`)]);
          raw.push([
            `${list.title}: update in a $batch`,
            async () => {
              const [batched, execute] = sp.batched();
              const part = batched.web.lists.getByTitle(list.title).items.getById(first.id).update({ Title: 'Not allowed' }, `"${first.version}"`);
              await execute();
              return part;
            }
          ]);
        }
      }
      for (const [what, attempt] of raw) {
        const error = await attempt().then(
          () => new Error(`${what}: the reader's write was accepted`),
          (thrown: unknown) => thrown
        );
        expect([what, (error as { status?: number }).status]).toEqual([what, 403]);
      }
      await expect(new SharePointProvisioningService(site.as(EXECUTIVE.email)).canProvision()).resolves.toBe(false);

      const writes = site.emulator.requests.filter((request) => request.method !== 'GET' && !request.path.endsWith('/contextinfo') && !(request.path.endsWith('/$batch') && !request.inBatch));
      expect(writes.length).toBeGreaterThanOrEqual(attempts.length + raw.length);
      expect(writes.filter((request) => request.status !== 403).map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([]);
      expect(versions()).toBe(before);
    });
  });
});
