/**
 * The roles glossary over HTTP against the emulator: read with ETags, a holder and
 * deputy written as their site user ids (HolderId, DeputyId) with the dates as
 * SharePoint's, each save sent with If-Match, and someone else's save first answered
 * 412 and shown as a ConflictError carrying their version.
 */
import { OFFICERS, SITE_OWNER } from '../../emulator/sample/users';
import { ConflictError } from '../../src/services/errors';
import { SharePointPeopleService } from '../../src/services/SharePointPeopleService';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { SharePointRoleService } from '../../src/services/SharePointRoleService';
import { ITestSite, startTestSite } from '../support/emulator';

const [MILLAR, , DALE, FRAN] = OFFICERS;
const ROLES_ITEMS = "/sites/send/_api/web/lists/getByTitle('SEND Roles')/items";

describe('the roles glossary service against the emulator', () => {
  let site: ITestSite;
  beforeEach(async () => {
    site = await startTestSite({ seed: true });
  });
  afterEach(() => site.stop());

  const writes = (): Array<Record<string, unknown>> =>
    site.emulator.requests.filter((request) => request.method === 'POST' && !request.path.endsWith('/contextinfo')).map(({ path, httpMethod, ifMatch, status }) => ({ path, httpMethod, ifMatch, status }));

  it('reads the sample glossary, each role with its holder and ETag, by title', async () => {
    const roles = await new SharePointRoleService(site.as(SITE_OWNER.email)).loadRoles(site.planId);
    expect(roles.map((role) => [role.title, role.abbreviation, role.holder?.displayName, role.reviewed])).toEqual([
      ['Commissioners', undefined, 'Millar Bownass', '2024-02-29'],
      ['LDA Program Lead', 'LDA', 'Dale Coleman', '2024-02-29'],
      ['Principal Educational Psychologist', 'PEP', 'Steve Laycock', '2024-02-29'],
      ['SEN Team Manager', undefined, 'Fran Davis', '2024-02-29']
    ]);
    expect(roles.every((role) => typeof role.etag === 'string' && role.etag.length > 0)).toBe(true);
  });

  it('changes the holder and deputy in one MERGE with If-Match: the people by their site user ids, the dates as written; the plan reads it back', async () => {
    const service = new SharePointRoleService(site.as(SITE_OWNER.email));
    const commissioners = (await service.loadRoles(site.planId)).find((role) => role.title === 'Commissioners');
    if (!commissioners) throw new Error('the sample glossary has Commissioners');
    const [fran] = await new SharePointPeopleService(site.as(SITE_OWNER.email)).searchPeople('fran', 1);
    const holder = await new SharePointPeopleService(site.as(SITE_OWNER.email)).ensurePerson(fran);
    const deputy = { id: site.store.findUser(DALE.email)?.id, displayName: DALE.title, email: DALE.email };
    site.emulator.requests.length = 0;

    const saved = await service.saveRole({ ...commissioners, holder, holderSince: '2024-02-29', deputy, reviewed: '2024-02-29' });

    expect(writes()).toEqual([{ path: `${ROLES_ITEMS}(${commissioners.id})`, httpMethod: 'MERGE', ifMatch: commissioners.etag, status: 204 }]);
    expect(saved.etag).not.toBe(commissioners.etag);
    const item = site.store.allItems('SEND Roles').find((candidate) => candidate.id === commissioners.id);
    expect(item?.values.HolderId).toBe(site.store.findUser(FRAN.email)?.id);
    expect(item?.values.DeputyId).toBe(site.store.findUser(DALE.email)?.id);
    const [again] = (await service.loadRoles(site.planId)).filter((role) => role.id === commissioners.id);
    expect(again).toEqual({ ...saved, etag: again.etag });
    expect([again.holder?.displayName, again.holderSince, again.deputy?.displayName, again.reviewed]).toEqual(['Fran Davis', '2024-02-29', 'Dale Coleman', '2024-02-29']);

    // Every view now reaches the new holder: the plan's snapshot reads the glossary as saved.
    const snapshot = await new SharePointPlanDataService(site.as(SITE_OWNER.email)).loadPlan(site.planId);
    expect(snapshot.roles.find((role) => role.title === 'Commissioners')?.holder?.displayName).toBe('Fran Davis');
  });

  it('clears a deputy with null, and refuses a save over someone else’s with 412, carrying their version', async () => {
    const mine = new SharePointRoleService(site.as(SITE_OWNER.email));
    const theirs = new SharePointRoleService(site.as(SITE_OWNER.email));
    const [role] = await mine.loadRoles(site.planId);
    const millarId = site.store.findUser(MILLAR.email)?.id;
    const withDeputy = await theirs.saveRole({ ...role, deputy: { id: millarId, displayName: MILLAR.title }, reviewed: '2024-02-28' });
    site.emulator.requests.length = 0;

    const error = await mine.saveRole({ ...role, abbreviation: 'COM' }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ConflictError);
    const current = (error as ConflictError<typeof role>).current;
    expect([current.deputy?.displayName, current.reviewed, current.etag]).toEqual(['Millar Bownass', '2024-02-28', withDeputy.etag]);
    expect(writes()).toEqual([{ path: `${ROLES_ITEMS}(${role.id})`, httpMethod: 'MERGE', ifMatch: role.etag, status: 412 }]);

    const cleared = await mine.saveRole({ ...current, deputy: undefined });
    expect(site.store.allItems('SEND Roles').find((candidate) => candidate.id === role.id)?.values.DeputyId).toBeFalsy();
    expect(cleared.deputy).toBeUndefined();
  });

  it('adds a role to the plan, which the plan then reads', async () => {
    const service = new SharePointRoleService(site.as(SITE_OWNER.email));
    const franId = site.store.findUser(FRAN.email)?.id;
    site.emulator.requests.length = 0;
    const added = await service.addRole({ planId: site.planId, title: 'Virtual School Head', abbreviation: 'VSH', holder: { id: franId, displayName: FRAN.title }, holderSince: '2024-02-29', reviewed: '2024-02-29' });
    expect(writes()).toEqual([{ path: ROLES_ITEMS, httpMethod: undefined, ifMatch: undefined, status: 201 }]);
    expect(added.id).toBeGreaterThan(0);
    expect(added.etag).toBeTruthy();
    const read = (await service.loadRoles(site.planId)).find((role) => role.id === added.id);
    expect(read).toEqual(expect.objectContaining({ title: 'Virtual School Head', abbreviation: 'VSH', planId: site.planId, holder: expect.objectContaining({ id: franId, displayName: 'Fran Davis' }), holderSince: '2024-02-29' }));
  });

  it('refuses a holder who is not yet a site user, before any request', async () => {
    const service = new SharePointRoleService(site.as(SITE_OWNER.email));
    const [role] = await service.loadRoles(site.planId);
    site.emulator.requests.length = 0;
    await expect(service.saveRole({ ...role, holder: { displayName: 'Nobody Yet' } })).rejects.toMatchObject({ kind: 'unexpected' });
    expect(writes()).toEqual([]);
  });
});
