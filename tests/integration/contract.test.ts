/**
 * The emulator driven by PnPjs itself, as the product drives it, plus raw HTTP for
 * the shapes and errors PnPjs hides.
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { EXECUTIVE, ND_LEAD, SITE_OWNER } from '../../emulator/sample/users';
import { USER_HEADER } from '../../emulator/signIn';
import { LIST_TITLES } from '../../src/services/schema';
import { ITestSite, startTestSite } from '../support/emulator';

describe('the emulator, driven by PnPjs', () => {
  let site: ITestSite;
  beforeAll(async () => {
    site = await startTestSite({ seed: true });
  });
  afterAll(() => site.stop());
  afterEach(() => site.emulator.setThrottle({ share: 0 }));

  const actions = (email: string) => site.as(email).web.lists.getByTitle(LIST_TITLES.actions);
  const raw = (path: string, init: RequestInit & { user?: string } = {}): Promise<Response> =>
    fetch(`${site.siteUrl}${path}`, { ...init, headers: { [USER_HEADER]: init.user ?? ND_LEAD.email, Accept: 'application/json', ...(init.headers as Record<string, string>) } });

  it('reads with $select, $filter on a lookup id, $expand of a person and $orderby', async () => {
    const rows = await actions(ND_LEAD.email)
      .items.select('Title', 'ResponsibleOfficer/Title', 'DueDate')
      .expand('ResponsibleOfficer')
      .filter(`PlanId eq ${site.planId} and startswith(Title, '3.3')`)
      .orderBy('Title', false)
      .top(3)();
    expect(rows.map((row: { Title: string }) => row.Title)).toEqual(['3.3.7', '3.3.6', '3.3.5']);
    expect(rows[1]).toMatchObject({ ResponsibleOfficer: { Title: 'Millar Bownass' }, DueDate: '2023-04-29T23:00:00Z' }); // 30 April's local midnight in British Summer Time (a date-only column)
  });

  it('filters on dates, numbers, person ids, substringof and not, as SharePoint reads them', async () => {
    const items = actions(ND_LEAD.email).items.select('Title');
    const titles = async (filter: string): Promise<string[]> => ((await items.filter(filter).orderBy('Title')()) as Array<{ Title: string }>).map((row) => row.Title);
    expect(await titles("DueDate le datetime'2023-04-30T00:00:00Z' and startswith(Title, '5.')")).toEqual(['5.1.7', '5.2.1']);
    const millar = site.store.findUser('millar.bownass@send.example')?.id;
    expect(await titles(`ResponsibleOfficerId eq ${millar} and substringof('capacity', Theme)`)).toEqual(['3.9.1', '3.9.2']);
    expect(await titles(`ResponsibleOfficerId eq ${millar} and not (startswith(Title, '3.9'))`)).toEqual(['3.3.6', '3.5.1']);
    const kpis = site.as(ND_LEAD.email).web.lists.getByTitle(LIST_TITLES.kpiMeasurements).items.select('MeasuredValue');
    expect(((await kpis.filter('MeasuredValue ge 83')()) as Array<{ MeasuredValue: number }>).map((row) => row.MeasuredValue).sort()).toEqual([83, 85]);
  });

  it('expands a lookup to its sub-fields, and refuses a sub-field without the $expand', async () => {
    const [row] = (await actions(ND_LEAD.email).items.select('Title', 'Outcome/Id', 'Outcome/OutcomeNumber').expand('Outcome').filter("Title eq '3.6.1'")()) as Array<{ Outcome: { Id: number; OutcomeNumber: string } }>;
    expect(row.Outcome).toMatchObject({ Id: expect.any(Number), OutcomeNumber: '2' });
    await expect(actions(ND_LEAD.email).items.select('Outcome/Title')()).rejects.toMatchObject({ status: 400 });
  });

  it('deletes an item with its ETag, and the id is never reused', async () => {
    const roles = site.as(ND_LEAD.email).web.lists.getByTitle(LIST_TITLES.roles).items;
    const added = (await roles.add({ Title: 'Temporary role' })) as { Id: number };
    await roles.getById(added.Id).delete('"1"');
    await expect(roles.getById(added.Id)()).rejects.toMatchObject({ status: 404 });
    const next = (await roles.add({ Title: 'Next role' })) as { Id: number };
    expect(next.Id).toBeGreaterThan(added.Id);
  });

  it('pages with for await, following odata.nextLink', async () => {
    const pages: number[] = [];
    for await (const page of actions(ND_LEAD.email).items.select('Id').top(20)) {
      pages.push(page.length);
    }
    const total = site.store.itemCount(LIST_TITLES.actions);
    expect(pages.reduce((sum, size) => sum + size, 0)).toBe(total);
    expect(pages.slice(0, -1).every((size) => size === 20)).toBe(true);
  });

  it('runs a $batch part by part: a stale ETag fails its own part only, nothing is rolled back', async () => {
    const [first, second] = await actions(ND_LEAD.email).items.select('Id').filter("Title eq '3.1.1' or Title eq '3.1.2'")();
    const [batched, execute] = site.as(ND_LEAD.email).batched();
    const list = batched.web.lists.getByTitle(LIST_TITLES.actions);
    const good = list.items.getById(first.Id).update({ LatestNote: 'batched 1' });
    const stale = list.items.getById(second.Id).update({ LatestNote: 'stale' }, '"999"');
    const after = list.items.getById(second.Id).update({ Theme: 'after the failure' });
    await execute();

    await expect(good).resolves.toMatchObject({ etag: expect.stringMatching(/^"\d+"$/) });
    await expect(stale).rejects.toMatchObject({ status: 412 });
    await expect(after).resolves.toBeDefined();
    expect(site.store.getItem(LIST_TITLES.actions, first.Id).values.LatestNote).toBe('batched 1');
    expect(site.store.getItem(LIST_TITLES.actions, second.Id).values).toMatchObject({ Theme: 'after the failure' });
    expect(site.store.getItem(LIST_TITLES.actions, second.Id).values.LatestNote).not.toBe('stale');
  });

  it("answers a stale IF-MATCH with 412 and SharePoint's error body, and keeps every version", async () => {
    const item = await actions(ND_LEAD.email).items.getById(1).select('Id')();
    const etag = (item as Record<string, string>)['odata.etag'];
    await actions(ND_LEAD.email).items.getById(1).update({ LatestNote: 'first' }, etag);
    const error = await actions(ND_LEAD.email).items.getById(1).update({ LatestNote: 'second' }, etag).catch((thrown: unknown) => thrown);
    expect((error as { status: number }).status).toBe(412);
    expect((error as Error).message).toContain('-1, Microsoft.SharePoint.Client.ClientServiceException');
    const versions = site.store.versions(LIST_TITLES.actions, 1);
    expect(versions[0].values.LatestNote).toBe('first');
    expect(versions.length).toBeGreaterThan(1);
  });

  it('answers a MERGE without IF-MATCH 412, as SharePoint does, and takes an ETag written "{guid},n"', async () => {
    const digest = ((await (await raw('/_api/contextinfo', { method: 'POST' })).json()) as { FormDigestValue: string }).FormDigestValue;
    const merge = (ifMatch: Record<string, string>): Promise<Response> =>
      raw(`/_api/web/lists/getByTitle('${encodeURIComponent(LIST_TITLES.actions)}')/items(2)`, {
        method: 'POST',
        body: JSON.stringify({ LatestNote: 'merged' }),
        headers: { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'X-RequestDigest': digest, ...ifMatch }
      });
    const version = site.store.getItem(LIST_TITLES.actions, 2).version;
    const refused = await merge({});
    expect(refused.status).toBe(412);
    expect(JSON.stringify(await refused.json())).toContain('-1, Microsoft.SharePoint.Client.ClientServiceException');
    expect(site.store.getItem(LIST_TITLES.actions, 2).version).toBe(version);
    const taken = await merge({ 'IF-MATCH': `"{6B1F1C2E-3D4A-4B5C-8D9E-0F1A2B3C4D5E},${version}"` });
    expect(taken.status).toBe(204);
    expect(site.store.getItem(LIST_TITLES.actions, 2)).toMatchObject({ version: version + 1, values: { LatestNote: 'merged' } });
  });

  it('keeps Created, Modified, Author and Editor itself', async () => {
    const added = await site.as(ND_LEAD.email).web.lists.getByTitle(LIST_TITLES.roles).items.add({ Title: 'Test role', Created: '2000-01-01T00:00:00Z' }).catch((thrown: unknown) => thrown);
    expect((added as { status: number }).status).toBe(400);
    const made = (await site.as(ND_LEAD.email).web.lists.getByTitle(LIST_TITLES.roles).items.add({ Title: 'Test role' })) as Record<string, unknown>;
    const lead = site.store.findUser(ND_LEAD.email)?.id;
    expect(made).toMatchObject({ AuthorId: lead, EditorId: lead });
    expect(Date.parse(String(made.Created))).toBeGreaterThan(Date.now() - 60_000);
  });

  it('forbids a reader to write (403) and reports their permissions truthfully', async () => {
    const reader = site.as(EXECUTIVE.email);
    const error = await reader.web.lists.getByTitle(LIST_TITLES.actions).items.getById(1).update({ LatestNote: 'no' }).catch((thrown: unknown) => thrown);
    expect((error as { status: number }).status).toBe(403);
    const perms = await reader.web.lists.getByTitle(LIST_TITLES.actions).getCurrentUserEffectivePermissions();
    expect(perms).toEqual({ High: '176', Low: '138612833' });
    const ownerPerms = await site.as(SITE_OWNER.email).web.lists.getByTitle(LIST_TITLES.actions).getCurrentUserEffectivePermissions();
    expect(ownerPerms).toEqual({ High: '2147483647', Low: '4294967295' });
  });

  it('throttles on demand with Retry-After, and PnPjs retries after waiting', async () => {
    site.emulator.setThrottle({ share: 0.5, status: 429, retryAfterSeconds: 1 });
    site.emulator.requests.length = 0;
    const started = Date.now();
    const plans = await site.as(ND_LEAD.email).web.lists.getByTitle(LIST_TITLES.plans).items.select('Id')();
    expect(plans).toHaveLength(1);
    expect(site.emulator.requests.map((request) => request.status)).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('gives up with a 503 when every request is throttled', async () => {
    site.emulator.setThrottle({ share: 1, status: 503, retryAfterSeconds: 0 });
    const error = await site.as(ND_LEAD.email).web.lists.getByTitle(LIST_TITLES.plans).items().catch((thrown: unknown) => thrown);
    expect((error as { status: number }).status).toBe(503);
  });

  it('answers in the verbose and no-metadata shapes when asked', async () => {
    const verbose = (await (await raw(`/_api/web/lists/getByTitle('SEND%20Plans')/items?$select=Title`, { headers: { Accept: 'application/json;odata=verbose' } })).json()) as { d: { results: Array<Record<string, unknown>> } };
    expect(verbose.d.results[0]).toMatchObject({ __metadata: { etag: expect.any(String), type: 'SP.Data.SEND_x0020_PlansListItem' }, Title: expect.any(String) });
    const plain = (await (await raw(`/_api/web/lists/getByTitle('SEND%20Plans')/items?$select=Title`, { headers: { Accept: 'application/json;odata=nometadata' } })).json()) as { value: Array<Record<string, unknown>> };
    expect(Object.keys(plain.value[0])).toEqual(['Title']);
  });

  it.each([
    ['an unknown list', `/_api/web/lists/getByTitle('No%20such%20list')/items`, 404, "List 'No such list' does not exist"],
    ['an unknown field', `/_api/web/lists/getByTitle('SEND%20Actions')/items?$select=NoSuchField`, 400, "The field or property 'NoSuchField' does not exist"],
    ['a malformed filter', `/_api/web/lists/getByTitle('SEND%20Actions')/items?$filter=Title%20eq`, 400, 'is not valid'],
    ['an unsupported function', `/_api/web/lists/getByTitle('SEND%20Actions')/items?$filter=contains(Title,'3')`, 400, 'not supported'],
    ['a filter on a multi-line text column', `/_api/web/lists/getByTitle('SEND%20Actions')/items?$filter=LatestNote%20eq%20'x'`, 400, "of type 'Note' cannot be used"],
    ['a person column compared by name', `/_api/web/lists/getByTitle('SEND%20Actions')/items?$filter=ResponsibleOfficer%20eq%20'x'`, 400, "as 'ResponsibleOfficerId'"],
    ['an unknown endpoint', `/_api/web/nothing`, 404, 'Cannot find resource']
  ])('answers %s with a SharePoint-style error, and keeps serving', async (_what, path, status, message) => {
    const response = await raw(path);
    expect(response.status).toBe(status);
    const body = (await response.json()) as { 'odata.error': { code: string; message: { value: string } } };
    expect(body['odata.error'].message.value).toContain(message);
    expect((await raw('/_api/web')).status).toBe(200);
  });

  it('refuses writes without a form digest, and a malformed $batch, without crashing', async () => {
    const noDigest = await raw(`/_api/web/lists/getByTitle('SEND%20Roles')/items`, { method: 'POST', body: JSON.stringify({ Title: 'x' }), headers: { 'Content-Type': 'application/json' } });
    expect(noDigest.status).toBe(403);
    const digest = ((await (await raw('/_api/contextinfo', { method: 'POST' })).json()) as { FormDigestValue: string }).FormDigestValue;
    const batch = await raw('/_api/$batch', { method: 'POST', body: '--batch_x\nnot a request\n', headers: { 'Content-Type': 'multipart/mixed; boundary=batch_x', 'X-RequestDigest': digest } });
    expect(batch.status).toBe(400);
    expect(((await batch.json()) as { 'odata.error': { message: { value: string } } })['odata.error'].message.value).toContain('not closed');
    expect((await raw('/_api/web')).status).toBe(200);
  });

  it('refuses a value SharePoint would refuse: text over 255 characters, a bad date, an unknown person', async () => {
    const list = site.as(ND_LEAD.email).web.lists.getByTitle(LIST_TITLES.actions).items.getById(1);
    await expect(list.update({ Theme: 'x'.repeat(256) })).rejects.toMatchObject({ status: 400 });
    await expect(list.update({ DueDate: '31/04/2023' })).rejects.toMatchObject({ status: 400 });
    await expect(list.update({ ResponsibleOfficerId: 9999 })).rejects.toMatchObject({ status: 400 });
  });
});
