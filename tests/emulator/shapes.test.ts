/**
 * Minimal-metadata shapes as recorded from SharePoint Online: an items body's odata.metadata
 * is `<site>/_api/$metadata#SP.ListData.<List>ListItems` (`/@Element` for one item, then
 * `&$select=...`), an item's odata.id is a GUID, its odata.editLink is relative
 * (`Web/Lists(guid'...')/Items(n)`) and its odata.etag `"n"` (sp-dev-docs#5369; a recorded
 * $batch item add). PnPjs still finds an item's address from them.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { odataUrlFrom } from '@pnp/sp/utils/odata-url-from';
import { SITE_OWNER } from '../../emulator/sample/users';
import { USER_HEADER } from '../../emulator/signIn';
import { ITestSite, startTestSite } from '../support/emulator';

const LIST = 'Shape Check';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('minimal-metadata shapes', () => {
  let site: ITestSite;
  let sp: SPFI;
  let listGuid: string;

  beforeAll(async () => {
    site = await startTestSite({ seed: false });
    sp = site.as(SITE_OWNER.email);
    listGuid = site.store.createList(LIST).guid;
    site.store.addItem(LIST, { Title: 'First' }, 1);
    site.store.updateItem(LIST, 1, { Title: 'First, again' }, '*', 1);
    site.store.addItem(LIST, { Title: 'Second' }, 1);
  });
  afterAll(() => site.stop());

  const get = async (path: string, accept = 'application/json;odata=minimalmetadata'): Promise<Record<string, unknown>> => {
    const response = await fetch(`${site.siteUrl}/_api/${path}`, { headers: { Accept: accept, [USER_HEADER]: SITE_OWNER.email } });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };

  it('answers an item collection as recorded', async () => {
    const body = await get(`web/lists/getByTitle('${LIST}')/items`);
    const [first] = body.value as Array<Record<string, unknown>>;

    expect(body['odata.metadata']).toBe(`${site.siteUrl}/_api/$metadata#SP.ListData.Shape_x0020_CheckListItems`);
    expect(first['odata.type']).toBe('SP.Data.Shape_x0020_CheckListItem');
    expect(first['odata.id']).toMatch(GUID);
    expect(first['odata.editLink']).toBe(`Web/Lists(guid'${listGuid}')/Items(1)`);
    expect(first['odata.etag']).toBe('"2"');
  });

  it('adds the $select to odata.metadata, as recorded', async () => {
    const body = await get(`web/lists/getByTitle('${LIST}')/items?$select=Title`);
    expect(body['odata.metadata']).toBe(`${site.siteUrl}/_api/$metadata#SP.ListData.Shape_x0020_CheckListItems&$select=Title`);
  });

  it('answers one item with /@Element, and the same GUID on every read', async () => {
    const one = await get(`web/lists/getByTitle('${LIST}')/items(1)`);
    const again = await get(`web/lists/getByTitle('${LIST}')/items?$filter=Id eq 1`);

    expect(one['odata.metadata']).toBe(`${site.siteUrl}/_api/$metadata#SP.ListData.Shape_x0020_CheckListItems/@Element`);
    expect(one['odata.id']).toMatch(GUID);
    expect((again.value as Array<Record<string, unknown>>)[0]['odata.id']).toBe(one['odata.id']);
    expect((await get(`web/lists/getByTitle('${LIST}')/items(2)`))['odata.id']).not.toBe(one['odata.id']);
  });

  it('answers an added item (201) with /@Element and a relative editLink; PnPjs finds its address from them', async () => {
    const added = (await sp.web.lists.getByTitle(LIST).items.add({ Title: 'Third' })) as Record<string, unknown>;

    expect(added['odata.metadata']).toBe(`${site.siteUrl}/_api/$metadata#SP.ListData.Shape_x0020_CheckListItems/@Element`);
    expect(added['odata.editLink']).toBe(`Web/Lists(guid'${listGuid}')/Items(3)`);
    expect(odataUrlFrom(added)).toBe(`${site.siteUrl}/_api/Web/Lists(guid'${listGuid}')/Items(3)`);
  });

  it('keeps a list absolute in odata.id and relative in odata.editLink, in an SP.ApiData.Lists body', async () => {
    const list = await get(`web/lists/getByTitle('${LIST}')`);
    expect(list).toMatchObject({
      'odata.metadata': `${site.siteUrl}/_api/$metadata#SP.ApiData.Lists/@Element`,
      'odata.id': `${site.siteUrl}/_api/Web/Lists(guid'${listGuid}')`,
      'odata.editLink': `Web/Lists(guid'${listGuid}')`
    });
    expect((await get('web/lists'))['odata.metadata']).toBe(`${site.siteUrl}/_api/$metadata#SP.ApiData.Lists`);
  });

  it('answers the site time zone as recorded', async () => {
    expect(await get('web/regionalsettings/timezone')).toMatchObject({
      'odata.metadata': `${site.siteUrl}/_api/$metadata#SP.ApiData.TimeZones/@Element`,
      'odata.type': 'SP.TimeZone',
      'odata.id': `${site.siteUrl}/_api/web/regionalsettings/timezone`,
      'odata.editLink': 'web/regionalsettings/timezone'
    });
  });

  it('takes an If-Match in the form a recorded $batch add answers in its ETAG header ("guid,n"), and refuses it stale', () => {
    const current = site.store.getItem(LIST, 2).version;
    const guid = '34501734-b43e-455e-badb-142ade3ef2f1';

    expect(site.store.updateItem(LIST, 2, { Title: 'Second, again' }, `"${guid},${current}"`, 1).version).toBe(current + 1);
    expect(() => site.store.updateItem(LIST, 2, { Title: 'Stale' }, `"${guid},${current}"`, 1)).toThrow(/does not match/);
    expect(() => site.store.updateItem(LIST, 2, { Title: 'Half braced' }, `"{${guid},${current + 1}"`, 1)).toThrow(/does not match/);
  });

  it('gives an item its GUID as __metadata.id and its address as __metadata.uri in the verbose shape', async () => {
    const body = (await get(`web/lists/getByTitle('${LIST}')/items(1)`, 'application/json;odata=verbose')) as { d: { __metadata: Record<string, string> } };
    expect(body.d.__metadata).toMatchObject({ uri: `${site.siteUrl}/_api/Web/Lists(guid'${listGuid}')/Items(1)`, etag: '"2"', type: 'SP.Data.Shape_x0020_CheckListItem' });
    expect(body.d.__metadata.id).toMatch(GUID);
  });
});
