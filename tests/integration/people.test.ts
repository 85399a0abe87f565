import { EHCP_LEAD, EXECUTIVE, OFFICERS, SITE_OWNER } from '../../emulator/sample/users';
import { USER_HEADER } from '../../emulator/signIn';
import { editValuesOf } from '../../src/model/actionEdit';
import { assigneeName } from '../../src/model/plan';
import { PlanDataError } from '../../src/services/errors';
import { LIST_TITLES } from '../../src/services/schema';
import { SharePointPeopleService } from '../../src/services/SharePointPeopleService';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { ITestSite, startTestSite } from '../support/emulator';

const SEARCH_PATH = '/_api/SP.UI.ApplicationPages.ClientPeoplePickerWebServiceInterface.clientPeoplePickerSearchUser';

describe('people: the principal search and owners saved as people or roles', () => {
  let site: ITestSite;
  beforeEach(async () => {
    site = await startTestSite({ seed: true });
  });
  afterEach(() => site.stop());

  /** The search posted as a browser would, with the answer's shape asked for in Accept. */
  async function rawSearch(accept: string, queryParams: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
    const info = (await (await fetch(`${site.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json', [USER_HEADER]: EHCP_LEAD.email } })).json()) as { FormDigestValue: string };
    const response = await fetch(`${site.siteUrl}${SEARCH_PATH}`, {
      method: 'POST',
      headers: { Accept: accept, 'Content-Type': 'application/json', 'X-RequestDigest': info.FormDigestValue, [USER_HEADER]: EHCP_LEAD.email },
      body: JSON.stringify({ queryParams })
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('answers as SharePoint does: the matches as a JSON string, in d.ClientPeoplePickerSearchUser (verbose) or value', async () => {
    const verbose = await rawSearch('application/json;odata=verbose', { QueryString: 'fran', MaximumEntitySuggestions: 5, PrincipalType: 1, PrincipalSource: 15 });
    expect(verbose.status).toBe(200);
    const text = (verbose.body.d as { ClientPeoplePickerSearchUser: unknown }).ClientPeoplePickerSearchUser;
    expect(typeof text).toBe('string');
    expect(JSON.parse(text as string)).toEqual([
      expect.objectContaining({
        Key: 'i:0#.f|membership|fran.davis@send.example',
        DisplayText: 'Fran Davis',
        Description: 'fran.davis@send.example',
        EntityType: 'User',
        IsResolved: true,
        ProviderName: 'Tenant',
        EntityData: expect.objectContaining({ Email: 'fran.davis@send.example', ObjectId: expect.stringMatching(/^[0-9a-f-]{36}$/) }),
        MultipleMatches: []
      })
    ]);
    const none = await rawSearch('application/json;odata=nometadata', { QueryString: 'fran', MaximumEntitySuggestions: 5, PrincipalType: 1 });
    expect(Object.keys(none.body)).toEqual(['value']);
    expect(typeof none.body.value).toBe('string');
    // Groups only: the emulator has no groups, so nothing.
    expect(JSON.parse((await rawSearch('application/json;odata=nometadata', { QueryString: 'fran', MaximumEntitySuggestions: 5, PrincipalType: 8 })).body.value as string)).toEqual([]);
  });

  it('finds people by the start of any name or their e-mail, ignoring case, up to the number asked for; not those without access', async () => {
    site.store.saveUser({ loginName: 'i:0#.f|membership|fred.gone@send.example', title: 'Fred Gone', email: 'fred.gone@send.example', level: 'none' });
    const people = new SharePointPeopleService(site.as(EHCP_LEAD.email));

    expect(await people.searchPeople('DAVIS', 10)).toEqual([{ loginName: 'i:0#.f|membership|fran.davis@send.example', displayName: 'Fran Davis', email: 'fran.davis@send.example' }]);
    expect((await people.searchPeople('steve.lay', 10)).map((person) => person.displayName)).toEqual(['Steve Laycock']);
    // "ka" starts Kathryn and Karen; at most one is asked for.
    expect((await people.searchPeople('ka', 10)).map((person) => person.displayName)).toEqual(['Kathryn Morgan', 'Karen Levell']);
    expect(await people.searchPeople('ka', 1)).toHaveLength(1);
    expect(await people.searchPeople('fre', 10)).toEqual([]);
    expect(await people.searchPeople('  ', 10)).toEqual([]);
  });

  it('makes a person found a user of the site and gives their id; an unknown login is a typed error', async () => {
    const people = new SharePointPeopleService(site.as(EHCP_LEAD.email));
    const [fran] = await people.searchPeople('fran', 1);
    expect(await people.ensurePerson(fran)).toEqual({ id: site.store.findUser(OFFICERS[3].email)?.id, displayName: 'Fran Davis', email: 'fran.davis@send.example' });
    const error = await people.ensurePerson({ loginName: 'i:0#.f|membership|nobody@send.example', displayName: 'Nobody' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(PlanDataError);
    expect((error as PlanDataError).kind).toBe('notFound');
  });

  it('saves a person as the responsible officer in ResponsibleOfficerId, clears the text, and the person reads back', async () => {
    const lead = new SharePointPlanDataService(site.as(EHCP_LEAD.email));
    const before = (await lead.loadPlan(site.planId)).actions.find((action) => action.responsibleOfficer?.kind === 'text');
    if (!before) throw new Error('the sample plan has an action whose officer is text');
    const fran = await new SharePointPeopleService(site.as(EHCP_LEAD.email)).ensurePerson({ loginName: OFFICERS[3].loginName, displayName: OFFICERS[3].title });
    const leadBefore = site.store.getItem(LIST_TITLES.actions, before.id).values.StrategicLeadText;
    site.emulator.requests.length = 0;

    const saved = await lead.saveActionEdit({ action: before, values: { ...editValuesOf(before), responsibleOfficer: { kind: 'person', person: fran } }, made: { by: EHCP_LEAD.title, date: '2024-02-29' } });

    const item = site.store.getItem(LIST_TITLES.actions, before.id).values;
    expect(item.ResponsibleOfficerId).toBe(fran.id);
    expect(item.ResponsibleOfficerText).toBeFalsy();
    // The strategic lead was not changed, so not written.
    expect(item.StrategicLeadText).toBe(leadBefore);
    // One guarded write, as for any edit.
    expect(site.emulator.requests.filter((request) => request.method === 'POST')).toEqual([expect.objectContaining({ httpMethod: 'MERGE', ifMatch: before.etag, status: 204 })]);
    const reread = (await lead.loadPlan(site.planId)).actions.find((action) => action.id === before.id);
    expect(reread?.responsibleOfficer).toEqual({ kind: 'person', person: { id: fran.id, displayName: 'Fran Davis', email: 'fran.davis@send.example' } });
    expect(reread?.revisions).toContainEqual(expect.objectContaining({ field: 'responsibleOfficer', by: 'Karen Levell', date: '2024-02-29', old: assigneeName(before.responsibleOfficer), new: 'Fran Davis' }));
    expect(reread?.etag).toBe(saved.etag);
  });

  it('saves a role (or a placeholder) as text and clears the person; the role reads back as the role', async () => {
    const owner = new SharePointPlanDataService(site.as(SITE_OWNER.email));
    const snapshot = await owner.loadPlan(site.planId);
    const before = snapshot.actions.find((action) => action.responsibleOfficer?.kind === 'person');
    if (!before) throw new Error('the sample plan has an action whose officer is a person');
    const role = snapshot.roles[0].title;

    const saved = await owner.saveActionEdit({ action: before, values: { ...editValuesOf(before), responsibleOfficer: { kind: 'role', role }, strategicLead: { kind: 'text', text: 'ND Workstream to confirm' } }, made: { by: SITE_OWNER.title, date: '2024-02-29' } });

    const item = site.store.getItem(LIST_TITLES.actions, before.id).values;
    expect(item.ResponsibleOfficerId).toBeNull();
    expect(item.ResponsibleOfficerText).toBe(role);
    expect(item.StrategicLeadText).toBe('ND Workstream to confirm');
    expect(saved.strategicLead).toEqual({ kind: 'text', text: 'ND Workstream to confirm', pending: true });
    const reread = (await owner.loadPlan(site.planId)).actions.find((action) => action.id === before.id);
    expect(reread?.responsibleOfficer).toEqual({ kind: 'role', role });
    expect(reread?.strategicLead).toEqual({ kind: 'text', text: 'ND Workstream to confirm', pending: true });
  });

  it('lets a reader search but not make anyone a user of the site', async () => {
    const people = new SharePointPeopleService(site.as(EXECUTIVE.email));
    const [fran] = await people.searchPeople('fran', 1);
    expect(fran.displayName).toBe('Fran Davis');
    await expect(people.ensurePerson(fran)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
