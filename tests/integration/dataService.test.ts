import { EHCP_LEAD, EXECUTIVE, ND_LEAD, OFFICERS, SITE_OWNER } from '../../emulator/sample/users';
import { editValuesOf } from '../../src/model/actionEdit';
import { planAsAt } from '../../src/model/asAt';
import { IBoardNarrative, emptyNarrative, narrativeFor } from '../../src/model/narrative';
import { markCheckpoint } from '../../src/model/scorecard';
import { RAGC_SCHEME, parseSchemeText } from '../../src/model/statusSchemes';
import { ConflictError, PlanDataError } from '../../src/services/errors';
import { VIEW_LOAD } from '../../src/services/IPlanDataService';
import { LIST_TITLES } from '../../src/services/schema';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { ITestSite, startTestSite } from '../support/emulator';

describe('SharePointPlanDataService against the emulator', () => {
  let site: ITestSite;
  beforeEach(async () => {
    site = await startTestSite({ seed: true });
  });
  afterEach(() => site.stop());

  const service = (email: string): SharePointPlanDataService => new SharePointPlanDataService(site.as(email));

  it('loads the sample plan for the views in one $batch with only the columns they need, each list read unfiltered to its plan’s rows', async () => {
    const snapshot = await service(ND_LEAD.email).loadPlan(site.planId, VIEW_LOAD);

    expect(snapshot.plan.title).toBe('Shropshire Area SEND Accelerated Progress Plan 2023');
    expect(snapshot.priorities.map((priority) => priority.number)).toEqual(['3', '5']);
    expect(snapshot.actions).toHaveLength(site.store.itemCount(LIST_TITLES.actions));
    // Each action carries a line per log entry, or lists it while it awaits sign-off: the views need no read of the log.
    expect(snapshot.actions.reduce((lines, action) => lines + action.history.length + (action.awaitingSignOff?.length ?? 0), 0)).toBe(site.store.itemCount(LIST_TITLES.updates));
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.access).toEqual({ user: { id: expect.any(Number), displayName: 'Kathryn Morgan', email: ND_LEAD.email }, canEditActions: true, canAddUpdates: true, canUpdateKpis: true, canManageLists: false });
    // The plan as written carries over: "?July 2023" is a tentative month, 3.4.1 names a person.
    const action322 = snapshot.actions.find((action) => action.ref === '3.2.2');
    expect(action322?.due).toMatchObject({ text: '?July 2023', kind: 'month', date: '2023-07-31', tentative: true });
    expect(snapshot.actions.find((action) => action.ref === '3.4.1')?.responsibleOfficer).toMatchObject({ kind: 'person', person: { displayName: 'Kathryn Morgan' } });

    const outer = site.emulator.requests.filter((request) => !request.inBatch);
    expect(outer.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /sites/send/_api/contextinfo', 'POST /sites/send/_api/$batch']);
    const actionsRead = site.emulator.requests.find((request) => request.inBatch && request.path.endsWith("getByTitle('SEND Actions')/items"));
    // Unfiltered, the plan's rows kept on this side: no filter is safe on a list past 5,000 items.
    expect(actionsRead?.query.$filter).toBeUndefined();
    expect(actionsRead?.query.$expand).toBe('StrategicLead,ResponsibleOfficer');
    expect(actionsRead?.query.$top).toBe('5000');
    expect(actionsRead?.query.$select.split(',')).toEqual(expect.arrayContaining(['Title', 'ActionStatus', 'DueText', 'DueDate', 'ResponsibleOfficer/Title', 'ResponsibleOfficer/EMail', 'PlanId']));
    // The long texts no view lists are left for when an action is opened, and each action says so.
    expect(['DeliveryPartners', 'Resources', 'DesiredImpact', 'HowWeWillKnow'].filter((column) => actionsRead?.query.$select.split(',').includes(column))).toEqual([]);
    expect(snapshot.actions.every((action) => action.textsOmitted === true && action.desiredImpact === undefined)).toBe(true);
    // The plan; five child lists, each read by its first page and its last id, and its change token; the user; five permission reads. No log, no measurements.
    expect(site.emulator.requests.filter((request) => request.inBatch)).toHaveLength(22);
    expect(site.emulator.requests.filter((request) => request.inBatch && request.query.$select === 'CurrentChangeToken')).toHaveLength(5);
    expect(site.emulator.requests.some((request) => request.path.includes("getByTitle('SEND Action Updates')/items"))).toBe(false);
    expect(site.emulator.requests.some((request) => request.path.includes("getByTitle('SEND KPI Measurements')/items"))).toBe(false);
    const kpisRead = site.emulator.requests.find((request) => request.inBatch && request.path.endsWith("getByTitle('SEND KPIs')/items"));
    expect(kpisRead?.query.$select.split(',')).toContain('LatestMeasurements');
  });

  it('loads the KPIs with their latest two measurements, reads a KPI’s whole series by its indexed id in one request, and the roles glossary', async () => {
    const reader = service(OFFICERS[0].email);
    const snapshot = await reader.loadPlan(site.planId, { kpiSeries: 'latest' });

    expect(snapshot.kpis.map((kpi) => kpi.ref)).toEqual(expect.arrayContaining(['5.1.2']));
    const audit = snapshot.kpis.find((kpi) => kpi.ref === '5.1.2');
    if (!audit) throw new Error('sample KPI 5.1.2 missing');
    expect(audit.direction).toBe('higher');
    site.emulator.requests.length = 0;
    const series = await reader.loadMeasurements(audit);
    expect(site.emulator.requests.filter((request) => request.path.includes('/_api/') && !request.path.endsWith('/contextinfo'))).toEqual([
      expect.objectContaining({ method: 'GET', path: "/sites/send/_api/web/lists/getByTitle('SEND KPI Measurements')/items", query: expect.objectContaining({ $filter: `KpiItemId eq ${audit.id}` }) })
    ]);
    expect(series.length).toBeGreaterThan(3);
    expect(series.map((measurement) => measurement.periodEnd)).toEqual([...series.map((measurement) => measurement.periodEnd)].sort());
    expect(series.every((measurement) => measurement.id !== undefined && measurement.etag !== undefined)).toBe(true);
    // The load's latest two are the series' last two, enough for the tiles and the scorecard.
    expect(audit.partialSeries).toBe(true);
    expect(audit.measurements).toEqual(series.slice(-2).map(({ periodEnd, value }) => ({ periodEnd, value })));
    const everySeries = await reader.loadPlanMeasurements(site.planId);
    expect(everySeries.get(audit.id)?.length).toBe(series.length);
    // Read whole (the default: an import's dry run compares with every measurement), in the same requests.
    site.emulator.requests.length = 0;
    const whole = (await reader.loadPlan(site.planId)).kpis.find((kpi) => kpi.id === audit.id);
    expect(site.emulator.requests.filter((request) => !request.inBatch).map((request) => request.path)).toEqual(['/sites/send/_api/$batch']);
    expect(whole?.partialSeries).toBeUndefined();
    expect(whole?.measurements.map((measurement) => measurement.periodEnd).sort()).toEqual(series.map((measurement) => measurement.periodEnd));
    expect(audit?.milestones[0]).toMatchObject({ due: { monthsFromStart: expect.any(Number) } });
    expect(snapshot.roles.find((role) => role.title === 'Commissioners')?.holder).toMatchObject({ displayName: 'Millar Bownass' });
    const byCommissioners = snapshot.actions.filter((action) => action.responsibleOfficer?.kind === 'role');
    expect(byCommissioners.map((action) => action.responsibleOfficer)).toContainEqual({ kind: 'role', role: 'Commissioners' });
  });

  it('reads the sample plan’s revisions, so the plan as at each board date has the due date and owner then', async () => {
    const snapshot = await service(ND_LEAD.email).loadPlan(site.planId);
    const moved = snapshot.actions.find((candidate) => candidate.ref === '3.3.1');
    if (!moved) throw new Error('sample action 3.3.1 missing');
    expect(moved.revisions.filter((revision) => revision.field === 'revisedDue').map((revision) => [revision.old, revision.new])).toEqual([
      ['', 'Jan-24'],
      ['Jan-24', 'Jun-24']
    ]);
    expect(snapshot.warnings).toEqual([]);
    const asAt = (date: string): string | undefined => planAsAt(snapshot, date).actions.find((candidate) => candidate.ref === '3.3.1')?.revisedDue?.text;
    expect(['2023-06-30', '2023-09-30', '2023-12-31', '2024-02-29'].map(asAt)).toEqual([undefined, 'Jan-24', 'Jan-24', 'Jun-24']);
  });

  it('reads an opened action’s long texts in the one request that reads its log, every action’s for an export, and never blanks them from a copy without', async () => {
    const lead = service(ND_LEAD.email);
    const brief = (await lead.loadPlan(site.planId, VIEW_LOAD)).actions.find((candidate) => candidate.ref === '5.1.2');
    if (!brief) throw new Error('sample action 5.1.2 missing');
    site.emulator.requests.length = 0;

    const opened = await lead.openAction(brief, false);

    expect(opened.texts.desiredImpact).toBe('All EHCPs are judged good or outstanding when measured against agreed QA framework using the multi-agency audit tool.');
    expect(site.emulator.requests.filter((request) => !request.inBatch).map((request) => request.path)).toEqual(['/sites/send/_api/$batch']);

    const texts = await lead.loadActionTexts(site.planId);
    expect(texts.size).toBe(site.store.itemCount(LIST_TITLES.actions));
    expect(texts.get(brief.id)).toEqual(opened.texts);

    // A copy without its texts saved as it is (say, from a cached view): the texts stay as they were.
    const saved = await lead.saveActionEdit({ action: brief, values: { ...editValuesOf(brief), tags: 'SEF' }, made: { by: ND_LEAD.title, date: '2024-02-29' } });
    expect(saved.etag).not.toBe(brief.etag);
    expect((await lead.loadActionTexts(site.planId)).get(brief.id)).toEqual(opened.texts);
  });

  it('edits an action with its ETag, keeping the original due date beside the revised one', async () => {
    const lead = service(ND_LEAD.email);
    const before = (await lead.loadPlan(site.planId)).actions.find((candidate) => candidate.ref === '3.2.2');
    if (!before) throw new Error('sample action 3.2.2 missing');
    const values = { ...editValuesOf(before), revisedDue: 'Sept 2024', revisedDueReason: 'Waiting for the new provider to start.', tags: 'SEF, AFI2' };
    site.emulator.requests.length = 0;

    const saved = await lead.saveActionEdit({ action: before, values, made: { by: ND_LEAD.title, date: '2024-02-29' } });

    const writes = site.emulator.requests.filter((request) => request.method === 'POST');
    expect(writes).toEqual([expect.objectContaining({ path: `/sites/send/_api/web/lists/getByTitle('SEND Actions')/items(${before.id})`, httpMethod: 'MERGE', ifMatch: before.etag, status: 204 })]);
    expect(saved.etag).not.toBe(before.etag);
    const reread = (await lead.loadPlan(site.planId)).actions.find((candidate) => candidate.id === before.id);
    expect(reread?.due).toMatchObject({ text: '?July 2023', date: '2023-07-31' });
    // The moved date is kept as a revision, in the same write: who, when, old, new and why.
    expect(reread?.revisions).toEqual([
      expect.objectContaining({ date: '2024-02-29', by: 'Kathryn Morgan', field: 'revisedDue', old: '', new: 'Sept 2024', reason: 'Waiting for the new provider to start.' })
    ]);
    expect(reread?.revisedDue).toMatchObject({ text: 'Sept 2024', date: '2024-09-30' });
    expect(reread?.revisedDueReason).toBe('Waiting for the new provider to start.');
    expect(reread?.tags).toEqual(['SEF', 'AFI2']);
    expect(reread?.etag).toBe(saved.etag);
  });

  it('saves the plan settings with the plan ETag, and refuses a stale save with the current settings', async () => {
    const owner = service(SITE_OWNER.email);
    const plan = await owner.readPlan(site.planId);
    expect(plan.statusScheme.id).toBe('ragc');
    expect(plan.protectiveMarking).toBe('OFFICIAL');
    expect((await owner.listPriorities(site.planId)).map((priority) => priority.number)).toEqual(['3', '5']);
    site.emulator.requests.length = 0;

    const custom = parseSchemeText('On track = on track | G\nSlipping = at risk\nStuck = off track\nDone = complete');
    if (!custom.ok) throw new Error(custom.errors.join());
    const saved = await owner.savePlanSettings(plan, { statusScheme: custom.scheme, reportingDates: ['2024-06-30', '2024-09-30'], kpiThresholds: { onTrackTolerance: 0.05 }, protectiveMarking: ' OFFICIAL-SENSITIVE ', editPolicy: 'byRole', signOffRequired: true });

    const writes = site.emulator.requests.filter((request) => request.method === 'POST' && !request.path.endsWith('/contextinfo'));
    expect(writes).toEqual([expect.objectContaining({ path: `/sites/send/_api/web/lists/getByTitle('SEND Plans')/items(${site.planId})`, httpMethod: 'MERGE', ifMatch: plan.etag, status: 204 })]);
    const reread = await owner.readPlan(site.planId);
    expect(reread.statusScheme.labels.map((label) => label.label)).toEqual(['On track', 'Slipping', 'Stuck', 'Done']);
    expect(reread.reportingDates).toEqual(['2024-06-30', '2024-09-30']);
    expect(reread.kpiThresholds).toEqual({ onTrackTolerance: 0.05 });
    expect([saved.protectiveMarking, reread.protectiveMarking]).toEqual(['OFFICIAL-SENSITIVE', 'OFFICIAL-SENSITIVE']);
    expect([reread.editPolicy, reread.signOffRequired, saved.editPolicy, saved.signOffRequired]).toEqual(['byRole', true, 'byRole', true]);
    const stale = await owner.savePlanSettings(plan, { statusScheme: RAGC_SCHEME, reportingDates: [], kpiThresholds: plan.kpiThresholds }).catch((thrown: unknown) => thrown);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError<typeof plan>).current.etag).toBe(saved.etag);
  });

  it('records a measurement, and corrects one with its ETag, SharePoint keeping the old value as a version', async () => {
    const lead = service(EHCP_LEAD.email);
    const kpi = (await lead.loadPlan(site.planId)).kpis.find((candidate) => candidate.ref === '5.1.5');
    if (!kpi) throw new Error('sample KPI 5.1.5 missing');
    const whole = { ...kpi, measurements: await lead.loadMeasurements(kpi), partialSeries: undefined };
    const [secondLast, last] = whole.measurements.slice(-2);
    site.emulator.requests.length = 0;
    const added = await lead.recordMeasurement(whole, { periodEnd: '2024-02-29', value: 87, note: 'February return' });
    expect(added.measurement).toMatchObject({ id: expect.any(Number), etag: '"1"' });
    // Two round trips: the measurement (with the KPI's plain id), then the KPI's latest two with its ETag.
    const writes = (): unknown[] => site.emulator.requests.filter((request) => request.method === 'POST' && !request.path.endsWith('/contextinfo'));
    expect(writes()).toEqual([
      expect.objectContaining({ path: "/sites/send/_api/web/lists/getByTitle('SEND KPI Measurements')/items", status: 201 }),
      expect.objectContaining({ path: `/sites/send/_api/web/lists/getByTitle('SEND KPIs')/items(${kpi.id})`, httpMethod: 'MERGE', ifMatch: kpi.etag, status: 204 })
    ]);
    expect(site.store.getItem(LIST_TITLES.kpiMeasurements, added.measurement.id as number).values.KpiItemId).toBe(kpi.id);
    expect(added.kpi.etag).not.toBe(kpi.etag);
    const latestOnLoad = async (): Promise<unknown> => (await lead.loadPlan(site.planId, { kpiSeries: 'latest' })).kpis.find((candidate) => candidate.id === kpi.id)?.measurements;
    expect(await latestOnLoad()).toEqual([{ periodEnd: last.periodEnd, value: last.value }, { periodEnd: '2024-02-29', value: 87 }]);

    // A correction of a value still among the latest two keeps them right.
    site.emulator.requests.length = 0;
    const corrected = await lead.recordMeasurement(added.kpi, { ...last, value: last.value + 1, note: 'Corrected' });
    expect(writes()).toEqual([
      expect.objectContaining({ path: `/sites/send/_api/web/lists/getByTitle('SEND KPI Measurements')/items(${last.id})`, httpMethod: 'MERGE', ifMatch: last.etag, status: 204 }),
      expect.objectContaining({ path: `/sites/send/_api/web/lists/getByTitle('SEND KPIs')/items(${kpi.id})`, httpMethod: 'MERGE', ifMatch: added.kpi.etag, status: 204 })
    ]);
    expect(corrected.measurement.etag).not.toBe(last.etag);
    const history = site.store.versions(LIST_TITLES.kpiMeasurements, last.id as number).map((version) => version.values.MeasuredValue);
    expect(history).toEqual(expect.arrayContaining([last.value, last.value + 1]));
    expect(await latestOnLoad()).toEqual([{ periodEnd: last.periodEnd, value: last.value + 1 }, { periodEnd: '2024-02-29', value: 87 }]);
    const series = await lead.loadMeasurements(kpi);
    expect(series.filter((measurement) => measurement.periodEnd === last.periodEnd)).toEqual([expect.objectContaining({ value: last.value + 1, note: 'Corrected' })]);
    expect(series.map((measurement) => measurement.periodEnd)).toContain(secondLast.periodEnd);

    // Someone else changed the KPI since it was read: its latest two are written from the KPI and series as they are now.
    const other = await lead.saveMilestones(corrected.kpi, corrected.kpi.milestones);
    const stale = await lead.recordMeasurement(corrected.kpi, { ...series[0], value: series[0].value + 2 });
    expect(stale.kpi.etag).not.toBe(other.etag);
    expect(stale.kpi.measurements).toHaveLength(series.length);
    expect(await latestOnLoad()).toEqual([{ periodEnd: last.periodEnd, value: last.value + 1 }, { periodEnd: '2024-02-29', value: 87 }]);
  });

  it('saves a marked checkpoint with the KPI ETag, and refuses a stale one with the current KPI', async () => {
    const lead = service(EHCP_LEAD.email);
    const kpi = (await lead.loadPlan(site.planId)).kpis.find((candidate) => candidate.ref === '5.1.2');
    if (!kpi) throw new Error('sample KPI 5.1.2 missing');
    const milestones = markCheckpoint(kpi, 0, { met: true, date: '2023-06-20', note: 'Published on the Local Offer' });
    const saved = await lead.saveMilestones(kpi, milestones);
    const reread = (await lead.loadPlan(site.planId)).kpis.find((candidate) => candidate.id === kpi.id);
    expect(reread?.milestones[0]).toMatchObject({ met: true, metDate: '2023-06-20', metNote: 'Published on the Local Offer' });
    expect(reread?.etag).toBe(saved.etag);
    const stale = await lead.saveMilestones(kpi, markCheckpoint(kpi, 0, { met: false, date: '2023-06-21', note: '' })).catch((thrown: unknown) => thrown);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError<typeof kpi>).current.milestones[0]).toMatchObject({ met: true });
  });

  it('turns a stale edit into a conflict carrying the other version', async () => {
    const lead = service(ND_LEAD.email);
    const owner = service(SITE_OWNER.email);
    const mine = (await lead.loadPlan(site.planId)).actions.find((candidate) => candidate.ref === '3.2.1');
    const theirs = (await owner.loadPlan(site.planId)).actions.find((candidate) => candidate.ref === '3.2.1');
    if (!mine || !theirs) throw new Error('sample action 3.2.1 missing');
    await owner.saveActionEdit({ action: theirs, values: { ...editValuesOf(theirs), theme: 'Owner renamed the theme' }, made: { by: 'Test editor', date: '2024-02-29' } });

    const error = await lead.saveActionEdit({ action: mine, values: { ...editValuesOf(mine), resources: 'Two ND practitioners' }, made: { by: 'Test editor', date: '2024-02-29' } }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<typeof mine>).current).toMatchObject({ theme: 'Owner renamed the theme', resources: undefined });
    expect(site.store.getItem(LIST_TITLES.actions, mine.id).values.Resources).toBeFalsy();
  });

  it('takes the same number of requests for a plan ten times the size', async () => {
    const lead = service(ND_LEAD.email);
    await lead.loadPlan(site.planId);
    const small = site.emulator.requests.filter((request) => !request.inBatch).length;

    const owner = site.store.findUser(SITE_OWNER.email)?.id as number;
    const existing = site.store.allItems(LIST_TITLES.actions);
    for (let copy = 0; copy < 9; copy++) {
      for (const action of existing) site.store.addItem(LIST_TITLES.actions, { ...action.values, Title: `${String(action.values.Title)}-${copy}` }, owner);
    }
    site.emulator.requests.length = 0;
    const big = await lead.loadPlan(site.planId);

    expect(big.actions).toHaveLength(existing.length * 10);
    // The digest is cached by then, so the bigger plan takes one request: the $batch.
    expect(site.emulator.requests.filter((request) => !request.inBatch).length).toBeLessThanOrEqual(small);
  });

  it('saves an update: the action with its ETag, then the log entry with the same key', async () => {
    const lead = service(ND_LEAD.email);
    const before = await lead.loadPlan(site.planId);
    const action = before.actions.find((candidate) => candidate.ref === '3.2.1');
    if (!action) throw new Error('sample action 3.2.1 missing');

    const saved = await lead.saveUpdate({ action, date: '2024-02-29', note: 'Feedback analysed; report to the ND steering group.', status: 'Amber', evidence: [{ url: 'https://example.org/report', description: 'Report' }] });

    expect(saved.action.etag).not.toBe(action.etag);
    const stored = site.store.getItem(LIST_TITLES.actions, action.id);
    expect(stored.values).toMatchObject({ ActionStatus: 'Amber', LatestNote: 'Feedback analysed; report to the ND steering group.' });
    const entries = site.store.allItems(LIST_TITLES.updates).filter((item) => item.values.ActionId === action.id);
    const last = entries[entries.length - 1];
    expect(last.values).toMatchObject({ StatusSet: 'Amber', ProgressNote: 'Feedback analysed; report to the ND steering group.', UpdateKey: stored.values.LatestUpdateKey });
    const writes = site.emulator.requests.filter((request) => request.method !== 'GET' && !request.path.endsWith('contextinfo') && !request.path.endsWith('$batch'));
    expect(writes.map((request) => [request.method, request.path.replace(/.*getByTitle\('([^']+)'\)/, '$1'), request.status])).toEqual([
      ['POST', 'SEND Actions/items(' + action.id + ')', 204],
      ['POST', 'SEND Action Updates/items', 201]
    ]);
  });

  it('turns a stale save into a typed conflict carrying the other version, and writes no log entry', async () => {
    const officer = service(ND_LEAD.email);
    const other = service(SITE_OWNER.email);
    const mine = (await officer.loadPlan(site.planId)).actions.find((candidate) => candidate.ref === '3.2.1');
    const theirs = (await other.loadPlan(site.planId)).actions.find((candidate) => candidate.ref === '3.2.1');
    if (!mine || !theirs) throw new Error('sample action 3.2.1 missing');
    await other.saveUpdate({ action: theirs, date: '2024-02-20', note: 'Owner: escalated to the board.', status: 'Red', evidence: [] });
    const logBefore = site.store.itemCount(LIST_TITLES.updates);

    const error = await officer.saveUpdate({ action: mine, date: '2024-02-29', note: 'My note, which must not be lost.', status: 'Green', evidence: [] }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError<typeof mine>;
    expect(conflict.kind).toBe('conflict');
    expect(conflict.current).toMatchObject({ ref: '3.2.1', status: 'Red', latestNote: 'Owner: escalated to the board.' });
    expect(site.store.itemCount(LIST_TITLES.updates)).toBe(logBefore);
    expect(site.store.getItem(LIST_TITLES.actions, mine.id).values.ActionStatus).toBe('Red');
    // Saving again on top of their version is a deliberate second save, and it works.
    await expect(officer.saveUpdate({ action: conflict.current, date: '2024-02-29', note: 'My note, which must not be lost.', status: 'Amber', evidence: [] })).resolves.toBeDefined();
  });

  it('refuses a reader with a typed "forbidden" error and writes nothing', async () => {
    const reader = service(EXECUTIVE.email);
    const snapshot = await reader.loadPlan(site.planId);
    expect(snapshot.access).toMatchObject({ canEditActions: false, canAddUpdates: false, canUpdateKpis: false });
    const action = snapshot.actions[0];
    const before = site.store.getItem(LIST_TITLES.actions, action.id).version;

    const error = await reader.saveUpdate({ action, date: '2024-02-29', note: 'Not allowed', evidence: [] }).catch((thrown: unknown) => thrown);

    expect((error as PlanDataError).kind).toBe('forbidden');
    expect(site.store.getItem(LIST_TITLES.actions, action.id).version).toBe(before);
  });

  it('completes a save that stopped between the action and its log entry when the action is next opened', async () => {
    const officer = site.store.findUser(OFFICERS[3].email)?.id as number; // Fran Davis, officer for 5.2.1
    const action = site.store.allItems(LIST_TITLES.actions).find((item) => item.values.Title === '5.2.1');
    if (!action) throw new Error('sample action 5.2.1 missing');
    // The action write landed an hour ago; the log entry never did.
    const realNow = site.store.now;
    site.store.now = () => new Date(Date.now() - 60 * 60 * 1000);
    site.store.updateItem(LIST_TITLES.actions, action.id, { ActionStatus: 'Amber', LatestNote: 'Half-saved note', LatestUpdateDate: '2024-02-29T00:00:00Z', LatestUpdateKey: 'lost-key' }, undefined, officer);
    site.store.now = realNow;

    const lead = service(ND_LEAD.email);
    const loaded = (await lead.loadPlan(site.planId)).actions.find((candidate) => candidate.id === action.id);
    if (!loaded) throw new Error('5.2.1 not loaded');
    // A reader's open (who may not add entries) writes nothing.
    expect((await service(EXECUTIVE.email).openAction(loaded, false)).log.some((entry) => entry.key === 'lost-key')).toBe(false);
    expect(site.store.allItems(LIST_TITLES.updates).filter((item) => item.values.UpdateKey === 'lost-key')).toHaveLength(0);
    site.emulator.requests.length = 0;

    const log = (await lead.openAction(loaded, true)).log;

    expect(log.filter((entry) => entry.note === 'Half-saved note')).toEqual([expect.objectContaining({ status: 'Amber', date: '2024-02-29', key: 'lost-key' })]);
    expect(site.store.allItems(LIST_TITLES.updates).filter((item) => item.values.UpdateKey === 'lost-key')).toHaveLength(1);
    // The log and the action in one $batch (on the indexed action column), then the missing entry.
    const outer = site.emulator.requests.filter((request) => !request.inBatch).map((request) => `${request.method} ${request.path}`);
    expect(outer).toEqual(['POST /sites/send/_api/$batch', "POST /sites/send/_api/web/lists/getByTitle('SEND Action Updates')/items"]);
    expect(site.emulator.requests.find((request) => request.inBatch && request.path.endsWith("getByTitle('SEND Action Updates')/items"))?.query.$filter).toBe(`ActionItemId eq ${action.id}`);
    // Opened again, it is found logged and nothing is added.
    await lead.openAction(loaded, true);
    expect(site.store.allItems(LIST_TITLES.updates).filter((item) => item.values.UpdateKey === 'lost-key')).toHaveLength(1);
  });

  it('says the lists are not set up when they are missing', async () => {
    const empty = await startTestSite({ seed: false });
    try {
      const error = await new SharePointPlanDataService(empty.as(SITE_OWNER.email)).listPlans().catch((thrown: unknown) => thrown);
      expect((error as PlanDataError).kind).toBe('notSetUp');
    } finally {
      await empty.stop();
    }
  });

  it('reads many actions\' logs for a report in one $batch per 100 actions, each on the indexed action column, writing nothing', async () => {
    const reader = service(EXECUTIVE.email);
    const actionIds = (await reader.loadPlan(site.planId)).actions.map((action) => action.id);
    // Past the 100 a $batch may hold: the plan's actions and ids no action has.
    const ids = actionIds.concat(Array.from({ length: 150 - actionIds.length }, (_, index) => 90_000 + index));
    const entriesBefore = site.store.itemCount(LIST_TITLES.updates);
    site.emulator.requests.length = 0;

    const logs = await reader.readActionLogs(ids);

    expect(logs.size).toBe(150);
    for (const id of actionIds) {
      // The notes that stood: an update awaiting sign-off (or returned) never did.
      const stored = site.store.allItems(LIST_TITLES.updates).filter((item) => item.values.ActionId === id && (item.values.SignOffState ?? 'approved') === 'approved');
      const log = logs.get(id) ?? [];
      expect([id, log.length]).toEqual([id, stored.length]);
      expect(log.map((entry) => entry.date)).toEqual([...log.map((entry) => entry.date)].sort());
    }
    expect(logs.get(90_000)).toEqual([]);
    expect(logs.get(actionIds[0])?.[0]).toMatchObject({ actionId: actionIds[0], note: expect.any(String), author: expect.any(String) });
    const outer = site.emulator.requests.filter((request) => !request.inBatch && !request.path.endsWith('/contextinfo'));
    expect(outer.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /sites/send/_api/$batch', 'POST /sites/send/_api/$batch']);
    const parts = site.emulator.requests.filter((request) => request.inBatch);
    expect(parts).toHaveLength(150);
    expect(parts.every((request) => request.method === 'GET' && request.path.endsWith("getByTitle('SEND Action Updates')/items"))).toBe(true);
    expect(parts.map((request) => request.query.$filter)).toEqual(ids.map((id) => `ActionItemId eq ${id}`));
    expect(site.store.itemCount(LIST_TITLES.updates)).toBe(entriesBefore);
  });

  it('saves a board narrative as a draft, loads it for its board date, updates it with its ETag and refuses a stale one', async () => {
    const lead = service(ND_LEAD.email);
    const priorityId = (await lead.listPriorities(site.planId))[0].id;
    const draft = { ...emptyNarrative('2023-12-31', priorityId), keyMessages: 'Waits are falling.', escalations: 'Therapist vacancies.', boardAsk: 'Agree funding for two posts.', risks: 'Recruitment.' };

    const saved = await lead.saveNarrative(site.planId, draft);
    expect(saved.id).toBeGreaterThan(0);
    expect(saved.etag).toEqual(expect.any(String));
    const whole = await lead.saveNarrative(site.planId, { ...emptyNarrative('2023-12-31'), summary: 'Steady progress.', decisions: 'None this time.' });

    const loaded = await lead.loadNarratives(site.planId, '2023-12-31');
    expect(loaded).toHaveLength(2);
    expect(narrativeFor(loaded, '2023-12-31', priorityId)).toEqual({ ...draft, id: saved.id, etag: saved.etag });
    expect(narrativeFor(loaded, '2023-12-31')).toMatchObject({ id: whole.id, priorityId: undefined, summary: 'Steady progress.', decisions: 'None this time.' });
    expect(await lead.loadNarratives(site.planId, '2024-03-31')).toEqual([]);

    const updated = await lead.saveNarrative(site.planId, { ...saved, keyMessages: 'Waits fell by a third.' });
    expect(updated.etag).not.toBe(saved.etag);
    expect(narrativeFor(await lead.loadNarratives(site.planId, '2023-12-31'), '2023-12-31', priorityId).keyMessages).toBe('Waits fell by a third.');

    const stale = await lead.saveNarrative(site.planId, { ...saved, keyMessages: 'Written over?' }).catch((thrown: unknown) => thrown);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError<IBoardNarrative>).current).toMatchObject({ id: saved.id, keyMessages: 'Waits fell by a third.', etag: updated.etag });
  });
});
