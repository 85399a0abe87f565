/**
 * The emulator's storage: SharePoint lists, their fields and items, in an embedded
 * SQLite database (Node 22's node:sqlite). It keeps what SharePoint keeps and refuses
 * what SharePoint refuses: item ids are never reused, every update bumps the item's
 * version (its ETag) and keeps the old version, and a stale If-Match is a 412.
 */
import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';

/** Field types the product provisions (SharePoint's FieldTypeKind names). */
export type FieldKind = 'Text' | 'Note' | 'Number' | 'DateTime' | 'Choice' | 'Boolean' | 'User' | 'Lookup' | 'URL' | 'Counter';

export interface IFieldDefinition {
  internalName: string;
  title: string;
  kind: FieldKind;
  indexed: boolean;
  required: boolean;
  /** Choice values, lookup target list title... as the field type needs. */
  choices?: string[];
  lookupList?: string;
}

export interface IListInfo {
  id: number;
  guid: string;
  title: string;
  created: string;
}

/** An item as stored: system columns plus field values by internal name. */
export interface IStoredItem {
  id: number;
  version: number;
  created: string;
  modified: string;
  authorId: number;
  editorId: number;
  values: Record<string, unknown>;
}

/** An error SharePoint would return: HTTP status, its error code and message. */
export class SharePointError extends Error {
  public constructor(
    public readonly status: number,
    public readonly code: string,
    message: string
  ) {
    super(message);
  }
}

/** The ETag SharePoint sends for an item at a version. */
export function itemEtag(version: number): string {
  return `"${version}"`;
}

/** Fields every list has, answered from the item's system columns. */
const BUILT_IN_FIELDS: IFieldDefinition[] = [
  { internalName: 'Title', title: 'Title', kind: 'Text', indexed: false, required: true },
  { internalName: 'ID', title: 'ID', kind: 'Counter', indexed: true, required: false },
  { internalName: 'Created', title: 'Created', kind: 'DateTime', indexed: false, required: false },
  { internalName: 'Modified', title: 'Modified', kind: 'DateTime', indexed: false, required: false },
  { internalName: 'Author', title: 'Created By', kind: 'User', indexed: false, required: false },
  { internalName: 'Editor', title: 'Modified By', kind: 'User', indexed: false, required: false }
];

interface IItemRow {
  id: number;
  version: number;
  created: string;
  modified: string;
  author_id: number;
  editor_id: number;
  data: string;
}

function toItem(row: IItemRow): IStoredItem {
  return {
    id: row.id,
    version: row.version,
    created: row.created,
    modified: row.modified,
    authorId: row.author_id,
    editorId: row.editor_id,
    values: JSON.parse(row.data) as Record<string, unknown>
  };
}

export class SharePointStore {
  private readonly db: DatabaseSync;
  /** A clock the tests can set, so Created/Modified are predictable. */
  public now: () => Date = () => new Date();

  /** @param path - a database file (state survives restarts), or ':memory:' */
  public constructor(path: string) {
    this.db = new DatabaseSync(path);
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      CREATE TABLE IF NOT EXISTS lists (
        id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, title TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created TEXT NOT NULL, next_item_id INTEGER NOT NULL DEFAULT 1);
      CREATE TABLE IF NOT EXISTS fields (
        list_id INTEGER NOT NULL, internal_name TEXT NOT NULL COLLATE NOCASE, definition TEXT NOT NULL,
        PRIMARY KEY (list_id, internal_name));
      CREATE TABLE IF NOT EXISTS items (
        list_id INTEGER NOT NULL, id INTEGER NOT NULL, version INTEGER NOT NULL,
        created TEXT NOT NULL, modified TEXT NOT NULL, author_id INTEGER NOT NULL, editor_id INTEGER NOT NULL,
        data TEXT NOT NULL, PRIMARY KEY (list_id, id));
      CREATE TABLE IF NOT EXISTS item_versions (
        list_id INTEGER NOT NULL, id INTEGER NOT NULL, version INTEGER NOT NULL,
        modified TEXT NOT NULL, editor_id INTEGER NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (list_id, id, version));
    `);
  }

  public close(): void {
    this.db.close();
  }

  /** Runs `work` in one SQLite transaction (one REST request's worth of changes). */
  private transaction<T>(work: () => T): T {
    this.db.exec('BEGIN');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  public createList(title: string): IListInfo {
    if (this.findList(title)) {
      throw new SharePointError(500, '-2130575342, Microsoft.SharePoint.SPException', `A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.`);
    }
    const created = this.now().toISOString();
    const guid = randomUUID();
    this.db.prepare('INSERT INTO lists (guid, title, created) VALUES (?, ?, ?)').run(guid, title, created);
    return this.getList(title);
  }

  public findList(title: string): IListInfo | undefined {
    const row = this.db.prepare('SELECT id, guid, title, created FROM lists WHERE title = ?').get(title) as IListInfo | undefined;
    return row ? { ...row } : undefined;
  }

  /** @throws SharePointError 404 as SharePoint words it for a missing list */
  public getList(title: string): IListInfo {
    const list = this.findList(title);
    if (!list) {
      throw new SharePointError(404, '-1, System.ArgumentException', `List '${title}' does not exist at site with URL ''.`);
    }
    return list;
  }

  public fields(listTitle: string): IFieldDefinition[] {
    const list = this.getList(listTitle);
    const rows = this.db.prepare('SELECT definition FROM fields WHERE list_id = ? ORDER BY rowid').all(list.id) as Array<{ definition: string }>;
    return [...BUILT_IN_FIELDS, ...rows.map((row) => JSON.parse(row.definition) as IFieldDefinition)];
  }

  public findField(listTitle: string, internalName: string): IFieldDefinition | undefined {
    const wanted = internalName.toLowerCase();
    return this.fields(listTitle).find((field) => field.internalName.toLowerCase() === wanted);
  }

  public addField(listTitle: string, definition: IFieldDefinition): IFieldDefinition {
    const list = this.getList(listTitle);
    if (this.findField(listTitle, definition.internalName)) {
      throw new SharePointError(500, '-2130575340, Microsoft.SharePoint.SPException', `A duplicate field name "${definition.internalName}" was found.`);
    }
    this.db.prepare('INSERT INTO fields (list_id, internal_name, definition) VALUES (?, ?, ?)').run(list.id, definition.internalName, JSON.stringify(definition));
    return definition;
  }

  /** Changes a field's settings (for example Indexed), as a PATCH of the field does. */
  public updateField(listTitle: string, internalName: string, changes: Partial<Pick<IFieldDefinition, 'indexed' | 'required' | 'title' | 'choices'>>): IFieldDefinition {
    const list = this.getList(listTitle);
    const current = this.findField(listTitle, internalName);
    if (!current || BUILT_IN_FIELDS.some((field) => field.internalName === current.internalName)) {
      throw new SharePointError(400, '-2147024809, System.ArgumentException', `Column '${internalName}' does not exist. It may have been deleted by another user.`);
    }
    const updated = { ...current, ...changes };
    this.db.prepare('UPDATE fields SET definition = ? WHERE list_id = ? AND internal_name = ?').run(JSON.stringify(updated), list.id, current.internalName);
    return updated;
  }

  private checkFieldsExist(listTitle: string, values: Record<string, unknown>): void {
    const fields = new Map(this.fields(listTitle).map((field) => [field.internalName.toLowerCase(), field]));
    for (const name of Object.keys(values)) {
      // Lookup and person fields are written by id: "PlanId" sets the field "Plan".
      const referenced = name.endsWith('Id') ? fields.get(name.slice(0, -2).toLowerCase()) : undefined;
      const byId = referenced && (referenced.kind === 'Lookup' || referenced.kind === 'User');
      if (!byId && !fields.has(name.toLowerCase())) {
        throw new SharePointError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The property '${name}' does not exist on type 'SP.Data.ListItem'. Make sure to only use property names that are defined by the type.`);
      }
    }
  }

  public addItem(listTitle: string, values: Record<string, unknown>, userId: number): IStoredItem {
    this.checkFieldsExist(listTitle, values);
    return this.transaction(() => {
      const list = this.getList(listTitle);
      const { next_item_id: id } = this.db.prepare('SELECT next_item_id FROM lists WHERE id = ?').get(list.id) as { next_item_id: number };
      this.db.prepare('UPDATE lists SET next_item_id = ? WHERE id = ?').run(id + 1, list.id);
      const stamp = this.now().toISOString();
      const data = JSON.stringify(values);
      this.db
        .prepare('INSERT INTO items (list_id, id, version, created, modified, author_id, editor_id, data) VALUES (?, ?, 1, ?, ?, ?, ?, ?)')
        .run(list.id, id, stamp, stamp, userId, userId, data);
      this.db.prepare('INSERT INTO item_versions (list_id, id, version, modified, editor_id, data) VALUES (?, ?, 1, ?, ?, ?)').run(list.id, id, stamp, userId, data);
      return this.getItem(listTitle, id);
    });
  }

  /** @throws SharePointError 404 with SharePoint's wording for a missing item */
  public getItem(listTitle: string, id: number): IStoredItem {
    const list = this.getList(listTitle);
    const row = this.db.prepare('SELECT * FROM items WHERE list_id = ? AND id = ?').get(list.id, id) as IItemRow | undefined;
    if (!row) {
      throw new SharePointError(404, '-2130575338, Microsoft.SharePoint.SPException', 'Item does not exist. It may have been deleted by another user.');
    }
    return toItem(row);
  }

  private checkEtag(item: IStoredItem, ifMatch: string | undefined): void {
    if (ifMatch === undefined || ifMatch === '*') {
      return;
    }
    if (ifMatch !== itemEtag(item.version)) {
      throw new SharePointError(
        412,
        '-1, Microsoft.SharePoint.Client.ClientServiceException',
        `The request ETag value '${ifMatch}' does not match the object's ETag value '${itemEtag(item.version)}'.`
      );
    }
  }

  /**
   * Merges `values` into the item (X-HTTP-Method: MERGE), as version n+1.
   *
   * @param ifMatch - the caller's ETag; '*' or undefined overwrite whatever is there
   */
  public updateItem(listTitle: string, id: number, values: Record<string, unknown>, ifMatch: string | undefined, userId: number): IStoredItem {
    this.checkFieldsExist(listTitle, values);
    return this.transaction(() => {
      const list = this.getList(listTitle);
      const current = this.getItem(listTitle, id);
      this.checkEtag(current, ifMatch);
      const version = current.version + 1;
      const stamp = this.now().toISOString();
      const data = JSON.stringify({ ...current.values, ...values });
      this.db.prepare('UPDATE items SET version = ?, modified = ?, editor_id = ?, data = ? WHERE list_id = ? AND id = ?').run(version, stamp, userId, data, list.id, id);
      this.db.prepare('INSERT INTO item_versions (list_id, id, version, modified, editor_id, data) VALUES (?, ?, ?, ?, ?, ?)').run(list.id, id, version, stamp, userId, data);
      return this.getItem(listTitle, id);
    });
  }

  public deleteItem(listTitle: string, id: number, ifMatch: string | undefined): void {
    this.transaction(() => {
      const list = this.getList(listTitle);
      this.checkEtag(this.getItem(listTitle, id), ifMatch);
      this.db.prepare('DELETE FROM items WHERE list_id = ? AND id = ?').run(list.id, id);
    });
  }

  /** The item's versions, newest first, as the version history shows them. */
  public versions(listTitle: string, id: number): Array<{ version: number; modified: string; editorId: number; values: Record<string, unknown> }> {
    const list = this.getList(listTitle);
    const rows = this.db
      .prepare('SELECT version, modified, editor_id, data FROM item_versions WHERE list_id = ? AND id = ? ORDER BY version DESC')
      .all(list.id, id) as Array<{ version: number; modified: string; editor_id: number; data: string }>;
    return rows.map((row) => ({ version: row.version, modified: row.modified, editorId: row.editor_id, values: JSON.parse(row.data) as Record<string, unknown> }));
  }

  /** All items of a list in id order (the query layer filters, sorts and pages them). */
  public allItems(listTitle: string): IStoredItem[] {
    const list = this.getList(listTitle);
    const rows = this.db.prepare('SELECT * FROM items WHERE list_id = ? ORDER BY id').all(list.id) as unknown as IItemRow[];
    return rows.map(toItem);
  }

  public itemCount(listTitle: string): number {
    const list = this.getList(listTitle);
    return (this.db.prepare('SELECT COUNT(*) AS n FROM items WHERE list_id = ?').get(list.id) as { n: number }).n;
  }
}
