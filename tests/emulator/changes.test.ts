/**
 * The emulator's change log over REST: a list's CurrentChangeToken and GetChanges with an
 * SP.ChangeQuery, answered in SharePoint's shape, and tokens refused as SharePoint refuses
 * them (see emulator/changes.ts for the evidence).
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import { SharePointEmulator } from '../../emulator/server';
import { SharePointStore } from '../../emulator/store';
import { CHANGES_PER_CALL, CHANGE_LOG_DAYS } from '../../emulator/changes';
import { SAMPLE_USERS, SITE_OWNER } from '../../emulator/sample/users';
import { emulatorSp } from '../../tools/signIn/emulator';
import { USER_HEADER } from '../../emulator/signIn';

const LIST = 'Changes Test';
const ITEM_QUERY = { Item: true, Add: true, Update: true, DeleteObject: true };

describe('the change log', () => {
  let store: SharePointStore;
  let emulator: SharePointEmulator;
  let siteUrl: string;

  beforeAll(async () => {
    store = new SharePointStore(':memory:');
    for (const user of SAMPLE_USERS) store.saveUser(user);
    emulator = new SharePointEmulator({ store });
    siteUrl = await emulator.start();
    store.createList(LIST);
    store.createList('Other List');
  });
  afterAll(async () => {
    await emulator.stop();
    store.close();
  });

  const list = (): ReturnType<ReturnType<typeof emulatorSp>['web']['lists']['getByTitle']> => emulatorSp(siteUrl, SITE_OWNER.email).web.lists.getByTitle(LIST);
  const currentToken = async (): Promise<string> => ((await list().select('CurrentChangeToken')()) as { CurrentChangeToken: { StringValue: string } }).CurrentChangeToken.StringValue;
  const changesSince = async (token: string, query: Record<string, unknown> = ITEM_QUERY): Promise<Array<{ ItemId: number; ChangeType: number; ChangeToken: { StringValue: string } }>> =>
    list().getChanges({ ChangeTokenStart: { StringValue: token }, ...query });

  it('gives each list a CurrentChangeToken of the form 1;3;<list id>;<ticks>;<change number>', async () => {
    const token = await currentToken();
    const guid = store.getList(LIST).guid;
    expect(token).toMatch(new RegExp(`^1;3;${guid};\\d{18};\\d+$`));
  });

  it('answers additions, updates and deletions after a token, oldest first, each with its own token, and nothing of other lists', async () => {
    const start = await currentToken();
    const added = store.addItem(LIST, { Title: 'one' }, 1);
    store.addItem('Other List', { Title: 'elsewhere' }, 1);
    store.updateItem(LIST, added.id, { Title: 'one, changed' }, undefined, 1);
    const second = store.addItem(LIST, { Title: 'two' }, 1);
    store.deleteItem(LIST, second.id, undefined);
    const changes = await changesSince(start);
    expect(changes.map((change) => [change.ItemId, change.ChangeType])).toEqual([
      [added.id, 1],
      [added.id, 2],
      [second.id, 1],
      [second.id, 3]
    ]);
    // Starting after a change's token answers only what followed it.
    expect((await changesSince(changes[1].ChangeToken.StringValue)).map((change) => change.ChangeType)).toEqual([1, 3]);
    expect(await changesSince(changes[3].ChangeToken.StringValue)).toEqual([]);
  });

  it('answers only the change types asked for, and nothing without Item', async () => {
    const start = await currentToken();
    const item = store.addItem(LIST, { Title: 'three' }, 1);
    store.deleteItem(LIST, item.id, undefined);
    expect((await changesSince(start, { Item: true, DeleteObject: true })).map((change) => change.ChangeType)).toEqual([3]);
    expect(await changesSince(start, { Add: true, Update: true, DeleteObject: true })).toEqual([]);
  });

  it('answers an SP.ChangeItem in the verbose shape with its ChangeToken, ListId, WebId, SiteId and Time', async () => {
    const start = await currentToken();
    const item = store.addItem(LIST, { Title: 'four' }, 1);
    const response = await fetch(`${siteUrl}/_api/web/lists/getByTitle('${LIST}')/GetChanges`, {
      method: 'POST',
      headers: { accept: 'application/json;odata=verbose', 'content-type': 'application/json;odata=verbose', [USER_HEADER]: SITE_OWNER.email, 'x-requestdigest': (await digest()) },
      body: JSON.stringify({ query: { __metadata: { type: 'SP.ChangeQuery' }, ChangeTokenStart: { __metadata: { type: 'SP.ChangeToken' }, StringValue: start }, ...ITEM_QUERY } })
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { d: { results: Array<Record<string, unknown>> } };
    expect(body.d.results).toHaveLength(1);
    const change = body.d.results[0];
    expect((change.__metadata as { type: string }).type).toBe('SP.ChangeItem');
    expect(change).toMatchObject({ ChangeType: 1, ItemId: item.id, ListId: store.getList(LIST).guid, ChangeToken: { __metadata: { type: 'SP.ChangeToken' } } });
    expect(typeof change.WebId).toBe('string');
    expect(typeof change.SiteId).toBe('string');
    expect(typeof change.Time).toBe('string');
  });

  async function digest(): Promise<string> {
    const response = await fetch(`${siteUrl}/_api/contextinfo`, { method: 'POST', headers: { accept: 'application/json;odata=nometadata', [USER_HEADER]: SITE_OWNER.email } });
    return ((await response.json()) as { FormDigestValue: string }).FormDigestValue;
  }

  async function refusal(token: string): Promise<{ status: number; code: string }> {
    const response = await fetch(`${siteUrl}/_api/web/lists/getByTitle('${LIST}')/GetChanges`, {
      method: 'POST',
      headers: { accept: 'application/json;odata=nometadata', 'content-type': 'application/json', [USER_HEADER]: SITE_OWNER.email, 'x-requestdigest': await digest() },
      body: JSON.stringify({ query: { ChangeTokenStart: { StringValue: token }, ...ITEM_QUERY } })
    });
    const body = (await response.json()) as { 'odata.error': { code: string } };
    return { status: response.status, code: body['odata.error'].code };
  }

  it('refuses a token older than the change log, for another list, malformed or ahead of the log, as SPInvalidChangeTokenException', async () => {
    const token = await currentToken();
    const [one, three, guid, ticks, number] = token.split(';');
    const expected = { status: 500, code: '-2146232832, Microsoft.SharePoint.SPInvalidChangeTokenException' };
    const old = `${Number(ticks.slice(0, -4)) - (CHANGE_LOG_DAYS + 1) * 24 * 60 * 60 * 1000}0000`;
    expect(await refusal([one, three, guid, old, number].join(';'))).toEqual(expected);
    expect(await refusal([one, three, store.getList('Other List').guid, ticks, number].join(';'))).toEqual(expected);
    expect(await refusal([one, three, guid, ticks, String(Number(number) + 1)].join(';'))).toEqual(expected);
    expect(await refusal('not a token')).toEqual(expected);
    // A token just inside the log is answered.
    const recent = `${Number(ticks.slice(0, -4)) - (CHANGE_LOG_DAYS - 1) * 24 * 60 * 60 * 1000}0000`;
    expect(await changesSince([one, three, guid, recent, number].join(';'))).toEqual([]);
  });

  it('refuses a query property SP.ChangeQuery does not have', async () => {
    await expect(list().getChanges({ ChangeTokenStart: { StringValue: await currentToken() }, ...ITEM_QUERY, Items: true } as never)).rejects.toThrow(/does not exist on type 'SP.ChangeQuery'/);
  });

  it(`answers ${CHANGES_PER_CALL} changes at most`, async () => {
    const start = await currentToken();
    const item = store.addItem(LIST, { Title: 'busy' }, 1);
    for (let index = 0; index < CHANGES_PER_CALL + 5; index++) store.updateItem(LIST, item.id, { Title: `busy ${index}` }, undefined, 1);
    const changes = await changesSince(start);
    expect(changes).toHaveLength(CHANGES_PER_CALL);
    expect(changes[0].ChangeType).toBe(1);
    expect(await changesSince(changes[CHANGES_PER_CALL - 1].ChangeToken.StringValue)).toHaveLength(6);
  });
});
