import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SharePointError, SharePointStore, itemEtag } from '../../emulator/store';

const OFFICER = 11;
const LEAD = 12;

function withActionsList(store: SharePointStore): void {
  store.createList('SEND Plans');
  store.createList('SEND Actions');
  store.addField('SEND Actions', { internalName: 'ActionStatus', title: 'Status', kind: 'Text', indexed: true, required: false });
  store.addField('SEND Actions', { internalName: 'Plan', title: 'Plan', kind: 'Lookup', indexed: true, required: false, lookupList: 'SEND Plans' });
}

function sharePointError(work: () => unknown): SharePointError {
  try {
    work();
  } catch (error) {
    if (error instanceof SharePointError) return error;
    throw error;
  }
  throw new Error('expected a SharePointError');
}

describe('SharePointStore', () => {
  let store: SharePointStore;
  beforeEach(() => {
    store = new SharePointStore(':memory:');
    let tick = 0;
    store.now = () => new Date(Date.UTC(2023, 3, 1, 9, 0, tick++));
    withActionsList(store);
  });
  afterEach(() => store.close());

  it('adds items with server-kept Created, Modified, Author and Editor, at version 1', () => {
    // The clock ticked once for each of the two lists created.
    const item = store.addItem('SEND Actions', { Title: '3.1.1', ActionStatus: 'Green', PlanId: 1 }, OFFICER);
    expect(item).toEqual({
      id: 1,
      version: 1,
      created: '2023-04-01T09:00:02.000Z',
      modified: '2023-04-01T09:00:02.000Z',
      authorId: OFFICER,
      editorId: OFFICER,
      values: { Title: '3.1.1', ActionStatus: 'Green', PlanId: 1 }
    });
  });

  it('an update with the current ETag merges, bumps the version and keeps the old one', () => {
    store.addItem('SEND Actions', { Title: '3.1.1', ActionStatus: 'Green' }, OFFICER);
    const updated = store.updateItem('SEND Actions', 1, { ActionStatus: 'Amber' }, itemEtag(1), LEAD);
    expect(updated).toMatchObject({ version: 2, authorId: OFFICER, editorId: LEAD, values: { Title: '3.1.1', ActionStatus: 'Amber' } });
    expect(updated.modified > updated.created).toBe(true);
    expect(store.versions('SEND Actions', 1).map((v) => [v.version, v.values.ActionStatus, v.editorId])).toEqual([
      [2, 'Amber', LEAD],
      [1, 'Green', OFFICER]
    ]);
  });

  it('a stale ETag gets 412 with SharePoint’s message and changes nothing', () => {
    store.addItem('SEND Actions', { Title: '3.1.1', ActionStatus: 'Green' }, OFFICER);
    store.updateItem('SEND Actions', 1, { ActionStatus: 'Amber' }, '"1"', LEAD);
    const error = sharePointError(() => store.updateItem('SEND Actions', 1, { ActionStatus: 'Red' }, '"1"', OFFICER));
    expect(error.status).toBe(412);
    expect(error.message).toBe(`The request ETag value '"1"' does not match the object's ETag value '"2"'.`);
    expect(store.getItem('SEND Actions', 1)).toMatchObject({ version: 2, values: { ActionStatus: 'Amber' } });
  });

  it('takes an ETag in either form SharePoint sends, "n" or "{guid},n", and no If-Match at all (sent as empty) as stale', () => {
    store.addItem('SEND Actions', { Title: '3.1.1' }, OFFICER);
    expect(store.updateItem('SEND Actions', 1, { ActionStatus: 'Amber' }, '"{2F3A9C61-5B0E-4C4B-9D8B-0E6C1E3F4A21},1"', LEAD).version).toBe(2);
    expect(store.updateItem('SEND Actions', 1, { ActionStatus: 'Red' }, '"2"', LEAD).version).toBe(3);
    expect(sharePointError(() => store.updateItem('SEND Actions', 1, { ActionStatus: 'Green' }, '"{2F3A9C61-5B0E-4C4B-9D8B-0E6C1E3F4A21},2"', LEAD)).status).toBe(412);
    expect(sharePointError(() => store.updateItem('SEND Actions', 1, { ActionStatus: 'Green' }, '', LEAD)).status).toBe(412);
    expect(store.getItem('SEND Actions', 1).values.ActionStatus).toBe('Red');
  });

  it('If-Match * overwrites whatever is there', () => {
    store.addItem('SEND Actions', { Title: '3.1.1' }, OFFICER);
    expect(store.updateItem('SEND Actions', 1, { ActionStatus: 'Red' }, '*', OFFICER).version).toBe(2);
  });

  it('never reuses an id after a delete', () => {
    store.addItem('SEND Actions', { Title: 'a' }, OFFICER);
    store.addItem('SEND Actions', { Title: 'b' }, OFFICER);
    store.deleteItem('SEND Actions', 2, undefined);
    expect(store.addItem('SEND Actions', { Title: 'c' }, OFFICER).id).toBe(3);
    expect(store.allItems('SEND Actions').map((item) => item.values.Title)).toEqual(['a', 'c']);
    expect(store.itemCount('SEND Actions')).toBe(2);
  });

  it('refuses unknown lists, items and fields as SharePoint does', () => {
    expect(sharePointError(() => store.getList('Nope'))).toMatchObject({ status: 404, message: "List 'Nope' does not exist at site with URL ''." });
    expect(sharePointError(() => store.getItem('SEND Actions', 99))).toMatchObject({ status: 404, message: 'Item does not exist. It may have been deleted by another user.' });
    expect(sharePointError(() => store.addItem('SEND Actions', { Colour: 'red' }, OFFICER))).toMatchObject({ status: 400 });
    expect(sharePointError(() => store.addItem('SEND Actions', { ActionStatusId: 1 }, OFFICER))).toMatchObject({ status: 400 });
    expect(store.itemCount('SEND Actions')).toBe(0);
  });

  it('refuses a second list or field of the same name', () => {
    expect(sharePointError(() => store.createList('send actions')).status).toBe(500);
    expect(sharePointError(() => store.addField('SEND Actions', { internalName: 'actionstatus', title: 'x', kind: 'Text', indexed: false, required: false })).status).toBe(500);
  });

  it('updates a field’s settings, such as indexing', () => {
    expect(store.updateField('SEND Actions', 'ActionStatus', { indexed: false }).indexed).toBe(false);
    expect(store.findField('SEND Actions', 'actionstatus')?.indexed).toBe(false);
    // Built-in columns can be indexed and renamed too (Modified, the Title heading)...
    expect(store.updateField('SEND Actions', 'Modified', { indexed: true }).indexed).toBe(true);
    expect(store.findField('SEND Actions', 'Modified')).toMatchObject({ kind: 'DateTime', indexed: true });
    // ...but a column the list does not have is SharePoint's 400.
    expect(sharePointError(() => store.updateField('SEND Actions', 'NoSuchColumn', { indexed: true })).status).toBe(400);
  });
});

it('keeps its state across a restart', () => {
  const folder = mkdtempSync(join(tmpdir(), 'send-store-'));
  try {
    const first = new SharePointStore(join(folder, 'site.db'));
    withActionsList(first);
    first.addItem('SEND Actions', { Title: '3.1.1', ActionStatus: 'Green' }, OFFICER);
    first.close();
    const second = new SharePointStore(join(folder, 'site.db'));
    expect(second.getItem('SEND Actions', 1).values).toEqual({ Title: '3.1.1', ActionStatus: 'Green' });
    expect(second.addItem('SEND Actions', { Title: '3.1.2' }, OFFICER).id).toBe(2);
    second.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
