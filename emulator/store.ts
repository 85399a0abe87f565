/**
 * The emulator's storage: SharePoint lists, their fields and items, in an embedded
 * SQLite database (Node 22's node:sqlite). It keeps what SharePoint keeps and refuses
 * what SharePoint refuses: item ids are never reused, every update bumps the item's
 * version (its ETag) and keeps the old version, and a stale If-Match is a 412.
 */
import { randomUUID } from 'node:crypto';
import { DatabaseSync, StatementSync } from 'node:sqlite';
import { DEFAULT_TIME_ZONE, SITE_TIME_ZONES } from './timeZone';

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
  /** The target list's title, for a lookup. */
  lookupList?: string;
  /** Column formatting JSON (CustomFormatter). */
  formatter?: string;
  description?: string;
  /**
   * A DateTime column shown as a date only (SP.FieldDateTime DisplayFormat 0, DateOnly): its
   * values are kept as the site's local midnight. SharePoint's default is DateTime (1).
   */
  dateOnly?: boolean;
}

export interface IListInfo {
  id: number;
  guid: string;
  title: string;
  created: string;
  description: string;
  enableVersioning: boolean;
}

/** A list's view: its name, the columns it shows and its CAML query. */
export interface IViewDefinition {
  guid: string;
  title: string;
  defaultView: boolean;
  viewQuery: string;
  rowLimit: number;
  fields: string[];
}

/** SharePoint's default permission levels, as the emulator grants them. */
export type PermissionLevel = 'none' | 'read' | 'contribute' | 'edit' | 'full';

/** A site user, as _api/web/siteusers lists them. */
export interface ISiteUser {
  id: number;
  loginName: string;
  title: string;
  email: string;
  /** The user's permission level on the site (lists inherit it unless set on the list). */
  level: PermissionLevel;
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

/** SP.ChangeType values the store records: an item added, updated or deleted (learn.microsoft.com ee554890). */
export const ITEM_CHANGE = { add: 1, update: 2, deleteObject: 3 } as const;
export type ItemChangeType = (typeof ITEM_CHANGE)[keyof typeof ITEM_CHANGE];

/** One entry of the site's change log: numbered in order across every list, as a content database numbers them. */
export interface IStoredChange {
  number: number;
  itemId: number;
  changeType: ItemChangeType;
  time: string;
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

function missingColumn(name: string): SharePointError {
  return new SharePointError(400, '-2147024809, System.ArgumentException', `Column '${name}' does not exist. It may have been deleted by another user.`);
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

/** Columns the server keeps itself: read-only to clients. */
export const SYSTEM_FIELD_NAMES: readonly string[] = BUILT_IN_FIELDS.map((field) => field.internalName).filter((name) => name !== 'Title');

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

interface IUserRow {
  id: number;
  login_name: string;
  title: string;
  email: string;
  level: PermissionLevel;
}

function toUser(row: IUserRow): ISiteUser {
  return { id: row.id, loginName: row.login_name, title: row.title, email: row.email, level: row.level };
}

export class SharePointStore {
  private readonly db: DatabaseSync;
  /** Prepared statements by their SQL, prepared once: every request reads lists, fields and users. */
  private readonly statements = new Map<string, StatementSync>();
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
      CREATE TABLE IF NOT EXISTS list_settings (
        list_id INTEGER PRIMARY KEY, description TEXT NOT NULL DEFAULT '', enable_versioning INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS views (
        list_id INTEGER NOT NULL, guid TEXT NOT NULL, title TEXT NOT NULL COLLATE NOCASE, definition TEXT NOT NULL,
        PRIMARY KEY (list_id, title));
      CREATE TABLE IF NOT EXISTS users (
        id INTEGER PRIMARY KEY, login_name TEXT NOT NULL UNIQUE COLLATE NOCASE, title TEXT NOT NULL,
        email TEXT NOT NULL, level TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS list_permissions (
        list_id INTEGER NOT NULL, user_id INTEGER NOT NULL, level TEXT NOT NULL, PRIMARY KEY (list_id, user_id));
      CREATE TABLE IF NOT EXISTS site_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS change_log (
        number INTEGER PRIMARY KEY AUTOINCREMENT, list_id INTEGER NOT NULL, item_id INTEGER NOT NULL,
        change_type INTEGER NOT NULL, time TEXT NOT NULL);
    `);
  }

  /**
   * The site's time zone (its regional settings), as an IANA name: Europe/London unless set.
   * Date-only columns keep their dates as local midnight in it.
   */
  public get timeZone(): string {
    const row = this.sql("SELECT value FROM site_settings WHERE name = 'timeZone'").get() as { value: string } | undefined;
    return row?.value ?? DEFAULT_TIME_ZONE;
  }

  /** @throws Error for a zone the emulator cannot answer RegionalSettings/TimeZone for */
  public set timeZone(ianaName: string) {
    if (!SITE_TIME_ZONES[ianaName]) {
      throw new Error(`The emulator has no SharePoint time zone for "${ianaName}": use one of ${Object.keys(SITE_TIME_ZONES).join(', ')}.`);
    }
    this.sql("INSERT INTO site_settings (name, value) VALUES ('timeZone', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value").run(ianaName);
  }

  /** The database, for the parts of the site kept beside the lists (library files). */
  public get database(): DatabaseSync {
    return this.db;
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

  public createList(title: string, settings: { description?: string; enableVersioning?: boolean } = {}): IListInfo {
    if (this.findList(title)) {
      throw new SharePointError(500, '-2130575342, Microsoft.SharePoint.SPException', `A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.`);
    }
    if (!title.trim()) {
      throw new SharePointError(400, '-2147024809, System.ArgumentException', 'The list title cannot be empty.');
    }
    const created = this.now().toISOString();
    const guid = randomUUID();
    this.transaction(() => {
      const { lastInsertRowid } = this.sql('INSERT INTO lists (guid, title, created) VALUES (?, ?, ?)').run(guid, title, created);
      this.sql('INSERT INTO list_settings (list_id, description, enable_versioning) VALUES (?, ?, ?)').run(lastInsertRowid, settings.description ?? '', settings.enableVersioning ? 1 : 0);
      const allItems: IViewDefinition = { guid: randomUUID(), title: 'All Items', defaultView: true, viewQuery: '<OrderBy><FieldRef Name="ID" /></OrderBy>', rowLimit: 30, fields: ['LinkTitle'] };
      this.sql('INSERT INTO views (list_id, guid, title, definition) VALUES (?, ?, ?, ?)').run(lastInsertRowid, allItems.guid, allItems.title, JSON.stringify(allItems));
    });
    return this.getList(title);
  }

  public lists(): IListInfo[] {
    const rows = this.sql('SELECT title FROM lists ORDER BY id').all() as Array<{ title: string }>;
    return rows.map((row) => this.getList(row.title));
  }

  public findList(title: string): IListInfo | undefined {
    const row = this.db
      .prepare('SELECT l.id, l.guid, l.title, l.created, s.description, s.enable_versioning FROM lists l JOIN list_settings s ON s.list_id = l.id WHERE l.title = ? OR l.guid = ?')
      .get(title, title.toLowerCase()) as { id: number; guid: string; title: string; created: string; description: string; enable_versioning: number } | undefined;
    return row ? { id: row.id, guid: row.guid, title: row.title, created: row.created, description: row.description, enableVersioning: row.enable_versioning === 1 } : undefined;
  }

  /** Changes a list's settings, as a MERGE of the list does. */
  public updateList(title: string, changes: { title?: string; description?: string; enableVersioning?: boolean }): IListInfo {
    const list = this.getList(title);
    this.transaction(() => {
      if (changes.title !== undefined && changes.title !== list.title) {
        if (this.findList(changes.title)) {
          throw new SharePointError(500, '-2130575342, Microsoft.SharePoint.SPException', `A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.`);
        }
        this.sql('UPDATE lists SET title = ? WHERE id = ?').run(changes.title, list.id);
      }
      if (changes.description !== undefined) this.sql('UPDATE list_settings SET description = ? WHERE list_id = ?').run(changes.description, list.id);
      if (changes.enableVersioning !== undefined) this.sql('UPDATE list_settings SET enable_versioning = ? WHERE list_id = ?').run(changes.enableVersioning ? 1 : 0, list.id);
    });
    return this.getList(changes.title ?? list.title);
  }

  public views(listTitle: string): IViewDefinition[] {
    const list = this.getList(listTitle);
    const rows = this.sql('SELECT definition FROM views WHERE list_id = ? ORDER BY rowid').all(list.id) as Array<{ definition: string }>;
    return rows.map((row) => JSON.parse(row.definition) as IViewDefinition);
  }

  /** @throws SharePointError 404 for a view the list does not have */
  public getView(listTitle: string, viewTitle: string): IViewDefinition {
    const view = this.views(listTitle).find((candidate) => candidate.title.toLowerCase() === viewTitle.toLowerCase() || candidate.guid === viewTitle.toLowerCase());
    if (!view) {
      throw new SharePointError(404, '-2147024809, System.ArgumentException', 'The specified view is invalid.');
    }
    return view;
  }

  /** Adds a view, or (when `definition.guid` names one) replaces it. */
  public saveView(listTitle: string, definition: Omit<IViewDefinition, 'guid'> & { guid?: string }): IViewDefinition {
    const list = this.getList(listTitle);
    for (const field of definition.fields) {
      if (field !== 'LinkTitle' && !this.findField(listTitle, field)) throw missingColumn(field);
    }
    const existing = definition.guid ? this.views(listTitle).find((view) => view.guid === definition.guid) : undefined;
    const view: IViewDefinition = { ...definition, guid: existing?.guid ?? randomUUID() };
    this.transaction(() => {
      if (existing) {
        this.sql('DELETE FROM views WHERE list_id = ? AND guid = ?').run(list.id, existing.guid);
      } else if (this.views(listTitle).some((other) => other.title.toLowerCase() === view.title.toLowerCase())) {
        throw new SharePointError(500, '-2130575342, Microsoft.SharePoint.SPException', `A view named "${view.title}" already exists in this list.`);
      }
      if (view.defaultView) {
        for (const other of this.views(listTitle).filter((candidate) => candidate.defaultView)) {
          this.sql('UPDATE views SET definition = ? WHERE list_id = ? AND guid = ?').run(JSON.stringify({ ...other, defaultView: false }), list.id, other.guid);
        }
      }
      this.sql('INSERT INTO views (list_id, guid, title, definition) VALUES (?, ?, ?, ?)').run(list.id, view.guid, view.title, JSON.stringify(view));
    });
    return view;
  }

  /** Adds a user to the site (or changes their level), as granting a permission level does. */
  public saveUser(user: Omit<ISiteUser, 'id'>): ISiteUser {
    const existing = this.findUser(user.loginName);
    if (existing) {
      this.sql('UPDATE users SET title = ?, email = ?, level = ? WHERE id = ?').run(user.title, user.email, user.level, existing.id);
    } else {
      this.sql('INSERT INTO users (login_name, title, email, level) VALUES (?, ?, ?, ?)').run(user.loginName, user.title, user.email, user.level);
    }
    return this.findUser(user.loginName) as ISiteUser;
  }

  private sql(text: string): StatementSync {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  public users(): ISiteUser[] {
    const rows = this.sql('SELECT id, login_name, title, email, level FROM users ORDER BY id').all() as unknown as IUserRow[];
    return rows.map(toUser);
  }

  /** Finds a user by id, login name (claims or plain) or e-mail. */
  public findUser(key: number | string): ISiteUser | undefined {
    if (typeof key === 'number') {
      const row = this.sql('SELECT id, login_name, title, email, level FROM users WHERE id = ?').get(key) as IUserRow | undefined;
      return row ? toUser(row) : undefined;
    }
    const wanted = key.toLowerCase();
    return this.users().find((user) => user.loginName.toLowerCase() === wanted || user.email.toLowerCase() === wanted || user.loginName.toLowerCase().endsWith(`|${wanted}`));
  }

  /** Gives a user their own level on one list (as breaking inheritance and granting does). */
  public setListPermission(listTitle: string, userId: number, level: PermissionLevel): void {
    const list = this.getList(listTitle);
    this.sql('INSERT INTO list_permissions (list_id, user_id, level) VALUES (?, ?, ?) ON CONFLICT (list_id, user_id) DO UPDATE SET level = excluded.level').run(list.id, userId, level);
  }

  /** The user's effective level on the site, or on a list when one is named. */
  public permissionLevel(userId: number, listTitle?: string): PermissionLevel {
    const user = this.findUser(userId);
    if (!user) return 'none';
    if (listTitle !== undefined) {
      const list = this.getList(listTitle);
      const own = this.sql('SELECT level FROM list_permissions WHERE list_id = ? AND user_id = ?').get(list.id, userId) as { level: PermissionLevel } | undefined;
      if (own) return own.level;
    }
    return user.level;
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
    const rows = this.sql('SELECT definition FROM fields WHERE list_id = ? ORDER BY rowid').all(list.id) as Array<{ definition: string }>;
    const stored = rows.map((row) => JSON.parse(row.definition) as IFieldDefinition);
    // A built-in column's stored row holds only its changed settings (heading, index).
    const builtIns = BUILT_IN_FIELDS.map((field) => stored.find((row) => row.internalName === field.internalName) ?? field);
    return [...builtIns, ...stored.filter((row) => !BUILT_IN_FIELDS.some((field) => field.internalName === row.internalName))];
  }

  public findField(listTitle: string, internalName: string): IFieldDefinition | undefined {
    const wanted = internalName.toLowerCase();
    return this.fields(listTitle).find((field) => field.internalName.toLowerCase() === wanted);
  }

  /**
   * A column by internal name or heading, as fields/getByInternalNameOrTitle finds it.
   *
   * @throws SharePointError 400 with SharePoint's wording when the list has none
   */
  public fieldByNameOrTitle(listTitle: string, name: string): IFieldDefinition {
    const wanted = name.toLowerCase();
    const field = this.fields(listTitle).find((candidate) => candidate.internalName.toLowerCase() === wanted || candidate.title.toLowerCase() === wanted);
    if (!field) throw missingColumn(name);
    return field;
  }

  public addField(listTitle: string, definition: IFieldDefinition): IFieldDefinition {
    const list = this.getList(listTitle);
    if (definition.kind === 'Lookup' && (!definition.lookupList || !this.findList(definition.lookupList))) {
      throw new SharePointError(400, '-2147024809, System.ArgumentException', 'The lookup list does not exist. Choose an existing list for LookupListId.');
    }
    if (this.findField(listTitle, definition.internalName)) {
      throw new SharePointError(500, '-2130575340, Microsoft.SharePoint.SPException', `A duplicate field name "${definition.internalName}" was found.`);
    }
    this.sql('INSERT INTO fields (list_id, internal_name, definition) VALUES (?, ?, ?)').run(list.id, definition.internalName, JSON.stringify(definition));
    return definition;
  }

  /** Changes a field's settings (for example Indexed), as a PATCH of the field does. */
  public updateField(listTitle: string, internalName: string, changes: Partial<Pick<IFieldDefinition, 'indexed' | 'required' | 'title' | 'choices' | 'formatter' | 'description'>>): IFieldDefinition {
    const list = this.getList(listTitle);
    const current = this.findField(listTitle, internalName);
    if (!current) throw missingColumn(internalName);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const updated = { ...current, ...defined };
    this.db
      .prepare('INSERT INTO fields (list_id, internal_name, definition) VALUES (?, ?, ?) ON CONFLICT (list_id, internal_name) DO UPDATE SET definition = excluded.definition')
      .run(list.id, current.internalName, JSON.stringify(updated));
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
      const { next_item_id: id } = this.sql('SELECT next_item_id FROM lists WHERE id = ?').get(list.id) as { next_item_id: number };
      this.sql('UPDATE lists SET next_item_id = ? WHERE id = ?').run(id + 1, list.id);
      const stamp = this.now().toISOString();
      const data = JSON.stringify(values);
      this.sql('INSERT INTO items (list_id, id, version, created, modified, author_id, editor_id, data) VALUES (?, ?, 1, ?, ?, ?, ?, ?)').run(list.id, id, stamp, stamp, userId, userId, data);
      this.sql('INSERT INTO item_versions (list_id, id, version, modified, editor_id, data) VALUES (?, ?, 1, ?, ?, ?)').run(list.id, id, stamp, userId, data);
      this.recordChange(list.id, id, ITEM_CHANGE.add, stamp);
      return this.getItem(listTitle, id);
    });
  }

  /** @throws SharePointError 404 with SharePoint's wording for a missing item */
  public getItem(listTitle: string, id: number): IStoredItem {
    const list = this.getList(listTitle);
    const row = this.sql('SELECT * FROM items WHERE list_id = ? AND id = ?').get(list.id, id) as IItemRow | undefined;
    if (!row) {
      throw new SharePointError(404, '-2130575338, Microsoft.SharePoint.SPException', 'Item does not exist. It may have been deleted by another user.');
    }
    return toItem(row);
  }

  private checkEtag(item: IStoredItem, ifMatch: string | undefined): void {
    if (ifMatch === undefined || ifMatch === '*') {
      return;
    }
    // Items carry `"n"`, and sometimes `"{guid},n"` (pnp/sp-dev-fx-controls-react#1509) or, as a recorded
    // $batch item add's ETAG header has it, `"guid,n"`: each names version n.
    const guid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
    const version = new RegExp(`^"(?:\\{${guid}\\},|${guid},)?(\\d+)"$`, 'i').exec(ifMatch)?.[1];
    if (version !== String(item.version)) {
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
   * @param ifMatch - the caller's ETag (`"n"` or `"{guid},n"`); '*' overwrites whatever is there, as does
   *   undefined (a write made on the server's side, such as a test's); a REST MERGE without If-Match sends ''
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
      this.sql('UPDATE items SET version = ?, modified = ?, editor_id = ?, data = ? WHERE list_id = ? AND id = ?').run(version, stamp, userId, data, list.id, id);
      this.sql('INSERT INTO item_versions (list_id, id, version, modified, editor_id, data) VALUES (?, ?, ?, ?, ?, ?)').run(list.id, id, version, stamp, userId, data);
      this.recordChange(list.id, id, ITEM_CHANGE.update, stamp);
      return this.getItem(listTitle, id);
    });
  }

  public deleteItem(listTitle: string, id: number, ifMatch: string | undefined): void {
    this.transaction(() => {
      const list = this.getList(listTitle);
      this.checkEtag(this.getItem(listTitle, id), ifMatch);
      this.sql('DELETE FROM items WHERE list_id = ? AND id = ?').run(list.id, id);
      this.recordChange(list.id, id, ITEM_CHANGE.deleteObject, this.now().toISOString());
    });
  }

  /** Notes an item's change in the site's change log, inside the write's transaction. */
  private recordChange(listId: number, itemId: number, changeType: ItemChangeType, time: string): void {
    this.sql('INSERT INTO change_log (list_id, item_id, change_type, time) VALUES (?, ?, ?, ?)').run(listId, itemId, changeType, time);
  }

  /** The number of the site's latest change (0 before any): a list's current change token names it. */
  public lastChangeNumber(): number {
    return (this.sql('SELECT COALESCE(MAX(number), 0) AS n FROM change_log').get() as { n: number }).n;
  }

  /** At most `count` changes to a list's items numbered after `afterNumber`, oldest first. */
  public changesAfter(listTitle: string, afterNumber: number, count: number): IStoredChange[] {
    const list = this.getList(listTitle);
    const rows = this.sql('SELECT number, item_id, change_type, time FROM change_log WHERE list_id = ? AND number > ? ORDER BY number LIMIT ?').all(list.id, afterNumber, count) as Array<{ number: number; item_id: number; change_type: ItemChangeType; time: string }>;
    return rows.map((row) => ({ number: row.number, itemId: row.item_id, changeType: row.change_type, time: row.time }));
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
    const rows = this.sql('SELECT * FROM items WHERE list_id = ? ORDER BY id').all(list.id) as unknown as IItemRow[];
    return rows.map(toItem);
  }

  /** At most `count` items with ids above `afterId`, in id order: an unfiltered page read through the id index. */
  public itemsAfter(listTitle: string, afterId: number, count: number): IStoredItem[] {
    const list = this.getList(listTitle);
    const rows = this.sql('SELECT * FROM items WHERE list_id = ? AND id > ? ORDER BY id LIMIT ?').all(list.id, afterId, count) as unknown as IItemRow[];
    return rows.map(toItem);
  }

  /** The items with the highest ids, highest first. */
  public lastItems(listTitle: string, count: number): IStoredItem[] {
    const list = this.getList(listTitle);
    const rows = this.sql('SELECT * FROM items WHERE list_id = ? ORDER BY id DESC LIMIT ?').all(list.id, count) as unknown as IItemRow[];
    return rows.map(toItem);
  }

  /** The lowest item id of a list; undefined when the list is empty or does not exist. */
  public firstItemId(listTitle: string): number | undefined {
    const list = this.findList(listTitle);
    const row = list ? (this.sql('SELECT MIN(id) AS id FROM items WHERE list_id = ?').get(list.id) as { id: number | null }) : undefined;
    return row?.id ?? undefined;
  }

  public itemCount(listTitle: string): number {
    const list = this.getList(listTitle);
    return (this.sql('SELECT COUNT(*) AS n FROM items WHERE list_id = ?').get(list.id) as { n: number }).n;
  }
}
