/**
 * Sign-off against the emulator over HTTP, on the sample plan (which requires it): an
 * update submitted for sign-off is a log entry and a line in the action's AwaitingSignOff,
 * written with the action's ETag and leaving its status, note and history alone; approving
 * applies it as a save would; returning keeps the status and records the comment; a stale
 * approval is a typed conflict that leaves the update awaiting; a half-finished submission
 * is completed when the action is next opened.
 */
import { ConflictError } from '../../src/services/errors';
import { shortHash } from '../../src/services/mappers';
import { LIST_TITLES } from '../../src/services/schema';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { IAction } from '../../src/model/plan';
import { ND_LEAD, OFFICERS, SITE_OWNER } from '../../emulator/sample/users';
import { ITestSite, startTestSite } from '../support/emulator';

jest.setTimeout(60_000);

const DALE = OFFICERS[2];

describe('sign-off against the emulator', () => {
  let site: ITestSite;
  beforeAll(async () => {
    site = await startTestSite({ seed: true });
  });
  afterAll(() => site?.stop());

  const service = (email: string): SharePointPlanDataService => new SharePointPlanDataService(site.as(email));
  const actionAs = async (email: string, ref: string): Promise<IAction> => {
    const action = (await service(email).loadPlan(site.planId)).actions.find((candidate) => candidate.ref === ref);
    if (!action) throw new Error(`sample action ${ref} missing`);
    return action;
  };
  /** The writes sent, as [method, list and item, If-Match, status]. */
  const writes = (): Array<[string, string, string | undefined, number]> =>
    site.emulator.requests
      .filter((request) => request.method !== 'GET' && !request.path.endsWith('contextinfo') && !request.path.endsWith('$batch'))
      .map((request) => [request.httpMethod ?? request.method, request.path.replace(/.*getByTitle\('([^']+)'\)\//, '$1/'), request.ifMatch, request.status]);

  it('seeds the sample plan with sign-off on and three updates awaiting it, each in the log as submitted by its officer', async () => {
    const snapshot = await service(ND_LEAD.email).loadPlan(site.planId);
    expect(snapshot.plan.signOffRequired).toBe(true);
    const waiting = snapshot.actions.filter((action) => (action.awaitingSignOff ?? []).length > 0);
    expect(waiting.map((action) => [action.ref, action.awaitingSignOff?.map((entry) => [entry.author, entry.status])])).toEqual([
      ['3.3.4', [['Alison Parkinson', 'Amber']]],
      ['3.9.1', [['Millar Bownass', 'Complete']]],
      ['5.1.1', [['Steve Laycock', 'Green']]]
    ]);
    for (const action of waiting) {
      const entry = site.store.getItem(LIST_TITLES.updates, action.awaitingSignOff?.[0].updateId as number);
      expect(entry.values).toMatchObject({ SignOffState: 'submitted', ActionId: action.id });
      expect(site.store.findUser(entry.authorId)?.title).toBe(action.awaitingSignOff?.[0].author);
    }
  });

  it('submits an update with the exact requests: the log entry, then the action with its ETag; status, note and history stay', async () => {
    const action = await actionAs(DALE.email, '3.5.3');
    const before = site.store.getItem(LIST_TITLES.actions, action.id).values;
    site.emulator.requests.length = 0;

    const saved = await service(DALE.email).saveUpdate({ action, date: '2024-02-29', note: 'DSR guidance agreed by the ICB; training booked.', status: 'Red', evidence: [], forSignOff: true });

    expect(writes()).toEqual([
      ['POST', 'SEND Action Updates/items', undefined, 201],
      ['MERGE', `SEND Actions/items(${action.id})`, action.etag, 204]
    ]);
    const stored = site.store.getItem(LIST_TITLES.actions, action.id).values;
    expect(stored).toMatchObject({ ActionStatus: before.ActionStatus, LatestNote: before.LatestNote, LatestUpdateKey: before.LatestUpdateKey, StatusHistory: before.StatusHistory });
    expect(JSON.parse(String(stored.AwaitingSignOff))).toEqual([
      { updateId: saved.update.id, date: '2024-02-29', status: 'Red', note: 'DSR guidance agreed by the ICB; training booked.', author: 'Dale Coleman', authorId: site.store.findUser(DALE.email)?.id, submittedAt: expect.any(String) }
    ]);
    expect(site.store.getItem(LIST_TITLES.updates, saved.update.id).values).toMatchObject({ SignOffState: 'submitted', StatusSet: 'Red' });
    expect(saved.action).toMatchObject({ status: action.status, latestNote: action.latestNote, history: action.history, awaitingSignOff: [expect.objectContaining({ updateId: saved.update.id })] });
    // Every view reads the action: it still shows the approved state.
    expect(await actionAs(SITE_OWNER.email, '3.5.3')).toMatchObject({ status: action.status, latestNote: action.latestNote });
  });

  it('approves it: the decision on the log entry with its ETag, then the action with its ETag takes the status, note and a history line', async () => {
    const action = await actionAs(ND_LEAD.email, '3.5.3');
    const awaiting = action.awaitingSignOff?.[0];
    if (!awaiting) throw new Error('3.5.3 has nothing awaiting');
    const entryBefore = site.store.getItem(LIST_TITLES.updates, awaiting.updateId);
    site.emulator.requests.length = 0;

    const approved = await service(ND_LEAD.email).approveUpdate(action, awaiting, 'Agreed at the ND workstream.');

    expect(writes()).toEqual([
      ['MERGE', `SEND Action Updates/items(${awaiting.updateId})`, expect.stringContaining(String(entryBefore.version)), 204],
      ['MERGE', `SEND Actions/items(${action.id})`, action.etag, 204]
    ]);
    const stored = site.store.getItem(LIST_TITLES.actions, action.id).values;
    expect(stored).toMatchObject({ ActionStatus: 'Red', LatestNote: 'DSR guidance agreed by the ICB; training booked.', LatestUpdateKey: entryBefore.values.UpdateKey, AwaitingSignOff: null });
    expect(String(stored.StatusHistory).split('\n').pop()).toBe(`2024-02-29\tRed\t${shortHash(String(entryBefore.values.UpdateKey))}`);
    expect(site.store.getItem(LIST_TITLES.updates, awaiting.updateId).values).toMatchObject({ SignOffState: 'approved', SignOffBy: 'Kathryn Morgan', SignOffComment: 'Agreed at the ND workstream.' });
    expect(approved.action).toMatchObject({ status: 'Red', awaitingSignOff: [], history: [...action.history, expect.objectContaining({ date: '2024-02-29', status: 'Red' })] });
    const log = (await service(SITE_OWNER.email).openAction(approved.action, true)).log;
    expect(log.find((entry) => entry.id === awaiting.updateId)?.signOff).toEqual({ state: 'approved', by: 'Kathryn Morgan', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), comment: 'Agreed at the ND workstream.' });
    // Decided once: a second decision on it is a conflict, and writes nothing.
    site.emulator.requests.length = 0;
    await expect(service(SITE_OWNER.email).returnUpdate(approved.action, awaiting, 'Too late')).rejects.toBeInstanceOf(ConflictError);
    expect(writes()).toEqual([]);
  });

  it('returns an update with its comment: the status stays, the action lists it no longer', async () => {
    const action = await actionAs(ND_LEAD.email, '3.3.4');
    const awaiting = action.awaitingSignOff?.[0];
    if (!awaiting) throw new Error('3.3.4 has nothing awaiting');

    const returned = await service(ND_LEAD.email).returnUpdate(action, awaiting, 'Say which post is vacant and when it will be filled.');

    const stored = site.store.getItem(LIST_TITLES.actions, action.id).values;
    expect(stored).toMatchObject({ ActionStatus: action.status ?? null, AwaitingSignOff: null });
    expect(site.store.getItem(LIST_TITLES.updates, awaiting.updateId).values).toMatchObject({ SignOffState: 'returned', SignOffBy: 'Kathryn Morgan', SignOffComment: 'Say which post is vacant and when it will be filled.' });
    expect(returned.action).toMatchObject({ status: action.status, history: action.history, awaitingSignOff: [] });
    expect(returned.update.signOff).toMatchObject({ state: 'returned', comment: 'Say which post is vacant and when it will be filled.' });
  });

  it('turns a stale approval (412 on the action) into a conflict, putting the log entry back as submitted', async () => {
    const stale = await actionAs(ND_LEAD.email, '3.9.1');
    const awaiting = stale.awaitingSignOff?.[0];
    if (!awaiting) throw new Error('3.9.1 has nothing awaiting');
    // Someone else submits another update on the action meanwhile.
    const theirs = await actionAs(SITE_OWNER.email, '3.9.1');
    await service(SITE_OWNER.email).saveUpdate({ action: theirs, date: '2024-02-29', note: 'Owner: figures checked.', status: 'Green', evidence: [], forSignOff: true });
    site.emulator.requests.length = 0;

    const error = await service(ND_LEAD.email).approveUpdate(stale, awaiting).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<IAction>).current.awaitingSignOff?.map((entry) => entry.updateId)).toEqual([awaiting.updateId, expect.any(Number)]);
    expect(writes().map(([method, path, , status]) => [method, path, status])).toEqual([
      ['MERGE', `SEND Action Updates/items(${awaiting.updateId})`, 204],
      ['MERGE', `SEND Actions/items(${stale.id})`, 412],
      ['MERGE', `SEND Action Updates/items(${awaiting.updateId})`, 204]
    ]);
    expect(site.store.getItem(LIST_TITLES.updates, awaiting.updateId).values).toMatchObject({ SignOffState: 'submitted', SignOffBy: null, SignOffComment: null });
    expect(site.store.getItem(LIST_TITLES.actions, stale.id).values.ActionStatus).toBe(stale.status ?? null);
    // On the action as it is now, the approval goes through.
    await expect(service(ND_LEAD.email).approveUpdate((error as ConflictError<IAction>).current, awaiting)).resolves.toMatchObject({ action: { status: 'Complete' } });
  });

  it('lists a submitted entry whose action write never landed when the action is next opened', async () => {
    const action = await actionAs(ND_LEAD.email, '3.9.2');
    const millar = site.store.findUser(OFFICERS[0].email)?.id as number;
    // The log entry landed an hour ago; the action's write never did.
    const realNow = site.store.now;
    site.store.now = () => new Date(Date.now() - 60 * 60 * 1000);
    const entry = site.store.addItem(LIST_TITLES.updates, { PlanId: site.planId, ActionId: action.id, ActionItemId: action.id, UpdateDate: '2024-02-28T12:00:00Z', ProgressNote: 'Half-submitted note', StatusSet: 'Amber', UpdateKey: 'half-submitted', SignOffState: 'submitted' }, millar);
    site.store.now = realNow;

    await service(ND_LEAD.email).openAction(action, true);

    expect(JSON.parse(String(site.store.getItem(LIST_TITLES.actions, action.id).values.AwaitingSignOff))).toEqual([
      expect.objectContaining({ updateId: entry.id, status: 'Amber', note: 'Half-submitted note', author: 'Millar Bownass', authorId: millar })
    ]);
    expect(site.store.getItem(LIST_TITLES.actions, action.id).values.ActionStatus).toBe(action.status ?? null);
  });
});
