/**
 * Document libraries: folders and files, kept beside the lists in the store's database. A
 * library is a list created with BaseTemplate 101. Files are added with `Files/AddUsingPath`
 * (whole) or an upload session (`StartUpload`, `ContinueUpload`, `FinishUpload`, as PnPjs's
 * addChunked sends them), read with `$value`, and kept as bytes, so a PDF or an image reads
 * back exactly as sent. Each file has a list item in the library (its ListItemAllFields),
 * which carries the library's own columns and an ETag, as on SharePoint.
 *
 * A file's path is relative to the library's root: `pack.html`, or `plan-3/minutes.pdf` in a
 * folder. Folders are not list items here (on SharePoint they are; nothing the product reads
 * lists a library's items).
 */
import { randomUUID } from 'node:crypto';
import { IListInfo, SharePointError, SharePointStore } from './store';

/** A file as stored. */
export interface IStoredFile {
  /** The file's name (its leaf). */
  name: string;
  /** Its path from the library's root: the folder path, a slash and the name; the name alone at the root. */
  path: string;
  /** Its length in bytes (its content is read with `content`). */
  size: number;
  uniqueId: string;
  created: string;
  modified: string;
  authorId: number;
  editorId: number;
  /** Major version: 1 when added, one more each time it is saved over. */
  version: number;
  /** The file's list item in the library. */
  itemId: number;
}

/** A folder as stored: its path from the library's root. */
export interface IStoredFolder {
  path: string;
  name: string;
  uniqueId: string;
  created: string;
}

interface IFileRow {
  name: string;
  size: number;
  unique_id: string;
  created: string;
  modified: string;
  author_id: number;
  editor_id: number;
  version: number;
  item_id: number | null;
}

/** Content stored before files were kept as bytes is text; it reads as its UTF-8 bytes. */
function bytesOf(content: string | Uint8Array): Buffer {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
}

/** What a file's listing reads: everything but its content (a library of large files is listed without reading them). */
const FILE_COLUMNS = 'name, length(CAST(content AS BLOB)) AS size, unique_id, created, modified, author_id, editor_id, version, item_id';

function toFile(row: IFileRow): IStoredFile {
  return {
    name: leafOf(row.name),
    path: row.name,
    size: row.size,
    uniqueId: row.unique_id,
    created: row.created,
    modified: row.modified,
    authorId: row.author_id,
    editorId: row.editor_id,
    version: row.version,
    itemId: row.item_id ?? 0
  };
}

function leafOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function folderOf(path: string): string {
  return path.lastIndexOf('/') < 0 ? '' : path.slice(0, path.lastIndexOf('/'));
}

/** A path inside a folder ('' is the library's root). */
export function joinPath(folder: string, name: string): string {
  return folder ? `${folder}/${name}` : name;
}

/** SharePoint's answer to a file added without Overwrite where one is (recorded in pnp/cli-microsoft365's `spo app add` tests). */
function alreadyExists(path: string): SharePointError {
  return new SharePointError(400, '-2130575257, Microsoft.SharePoint.SPException', `A file with the name ${path} already exists.`);
}

/**
 * SharePoint's answer for a file or folder that is not there: 404 `-2147024894,
 * System.IO.FileNotFoundException` "File Not Found.", for a missing folder too
 * (pnp/pnpcore#1722, #1725: SharePoint uses ERROR_FILE_NOT_FOUND for both).
 */
export function fileNotFound(): SharePointError {
  return new SharePointError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
}

/**
 * Characters SharePoint refuses in a file or folder name: `" * : < > ? / \ |`, and leading or
 * trailing spaces (support.microsoft.com, "Restrictions and limitations in OneDrive and
 * SharePoint", Invalid characters). `#` and `%` are allowed: SharePoint Online accepts them
 * through the *UsingPath methods (the page's note is about tenants that have not turned them
 * on); the product refuses them itself, for every tenant.
 */
const INVALID_NAME = /["*:<>?/\\|]|^\s|\s$|^$/;

/**
 * The longest decoded server-relative path SharePoint Online allows: 400 characters (same
 * page, File name and path lengths). Past it, SharePoint answers 400 with
 * `-2147024690, System.IO.PathTooLongException` (the strict reading: the limit is enforced
 * on upload, not only by the sync client).
 */
export const MAX_PATH_CHARACTERS = 400;

/** An upload session between StartUpload and FinishUpload: the bytes so far. */
interface IUploadSession {
  listId: number;
  path: string;
  chunks: Buffer[];
  length: number;
}

/** The libraries of one site, their folders and files. */
export class LibraryFiles {
  /** Upload sessions by upload id; like SharePoint's, they end with the server (it keeps them a while). */
  private readonly sessions = new Map<string, IUploadSession>();

  /** @param sitePath - the site's server-relative path ("/sites/send"), which every file's URL starts with */
  public constructor(
    private readonly store: SharePointStore,
    private readonly sitePath: string
  ) {
    store.database.exec(`
      CREATE TABLE IF NOT EXISTS libraries (list_id INTEGER PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS files (
        list_id INTEGER NOT NULL, name TEXT NOT NULL COLLATE NOCASE, content BLOB NOT NULL, unique_id TEXT NOT NULL,
        created TEXT NOT NULL, modified TEXT NOT NULL, author_id INTEGER NOT NULL, editor_id INTEGER NOT NULL,
        version INTEGER NOT NULL, item_id INTEGER, PRIMARY KEY (list_id, name));
      CREATE TABLE IF NOT EXISTS folders (
        list_id INTEGER NOT NULL, path TEXT NOT NULL COLLATE NOCASE, unique_id TEXT NOT NULL, created TEXT NOT NULL,
        PRIMARY KEY (list_id, path));
    `);
    // A database made before files had list items gets the column; their items are made when first asked for.
    const columns = store.database.prepare('PRAGMA table_info(files)').all() as Array<{ name: string }>;
    if (!columns.some((column) => column.name === 'item_id')) store.database.exec('ALTER TABLE files ADD COLUMN item_id INTEGER');
  }

  /** Makes a new list a document library. */
  public markLibrary(list: IListInfo): void {
    this.store.database.prepare('INSERT OR IGNORE INTO libraries (list_id) VALUES (?)').run(list.id);
  }

  public isLibrary(list: IListInfo): boolean {
    return this.store.database.prepare('SELECT 1 FROM libraries WHERE list_id = ?').get(list.id) !== undefined;
  }

  /** The library's root folder's server-relative URL ("/sites/send/SEND Evidence"). */
  public rootUrl(list: IListInfo): string {
    return `${this.sitePath}/${list.title}`;
  }

  /** A file's or folder's server-relative URL. */
  public serverRelativeUrl(list: IListInfo, path: string): string {
    return joinPath(this.rootUrl(list), path);
  }

  /** The files directly in a folder ('' is the root), in the order they were added. */
  public files(list: IListInfo, folder = ''): IStoredFile[] {
    return this.rows(list).filter((file) => folderOf(file.path).toLowerCase() === folder.toLowerCase());
  }

  /** How many files the library holds, in every folder (its ItemCount). */
  public count(list: IListInfo): number {
    return (this.store.database.prepare('SELECT COUNT(*) AS count FROM files WHERE list_id = ?').get(list.id) as { count: number }).count;
  }

  public find(list: IListInfo, path: string): IStoredFile | undefined {
    const row = this.store.database.prepare(`SELECT ${FILE_COLUMNS} FROM files WHERE list_id = ? AND name = ?`).get(list.id, path) as IFileRow | undefined;
    return row ? toFile(row) : undefined;
  }

  /** A file's bytes, exactly as stored. */
  public content(list: IListInfo, path: string): Buffer {
    const row = this.store.database.prepare('SELECT content FROM files WHERE list_id = ? AND name = ?').get(list.id, path) as { content: string | Uint8Array } | undefined;
    if (!row) throw fileNotFound();
    return bytesOf(row.content);
  }

  public get(list: IListInfo, path: string): IStoredFile {
    const found = this.find(list, path);
    if (!found) throw fileNotFound();
    return found;
  }

  /** The folder at a path from the root; '' is the root itself. */
  public findFolder(list: IListInfo, path: string): IStoredFolder | undefined {
    if (path === '') return { path: '', name: list.title, uniqueId: list.guid, created: list.created };
    const row = this.store.database.prepare('SELECT path, unique_id, created FROM folders WHERE list_id = ? AND path = ?').get(list.id, path) as { path: string; unique_id: string; created: string } | undefined;
    return row ? { path: row.path, name: leafOf(row.path), uniqueId: row.unique_id, created: row.created } : undefined;
  }

  public getFolder(list: IListInfo, path: string): IStoredFolder {
    const found = this.findFolder(list, path);
    if (!found) throw fileNotFound();
    return found;
  }

  /** The folders directly in a folder. */
  public folders(list: IListInfo, parent = ''): IStoredFolder[] {
    const rows = this.store.database.prepare('SELECT path FROM folders WHERE list_id = ? ORDER BY rowid').all(list.id) as Array<{ path: string }>;
    return rows.filter((row) => folderOf(row.path).toLowerCase() === parent.toLowerCase()).map((row) => this.getFolder(list, row.path));
  }

  /**
   * Adds a folder in an existing one. One that is there already is answered as it is unless
   * `overwrite` is false, when SharePoint refuses it as it refuses a file.
   */
  public addFolder(list: IListInfo, path: string, overwrite: boolean): IStoredFolder {
    this.checkName(list, path);
    this.getFolder(list, folderOf(path));
    const existing = this.findFolder(list, path);
    if (existing) {
      if (!overwrite) throw alreadyExists(this.serverRelativeUrl(list, path));
      return existing;
    }
    this.store.database.prepare('INSERT INTO folders (list_id, path, unique_id, created) VALUES (?, ?, ?, ?)').run(list.id, path, randomUUID(), this.store.now().toISOString());
    return this.getFolder(list, path);
  }

  /**
   * Adds a file in an existing folder; with `overwrite`, saves over one of the same name as a new version.
   *
   * @throws SharePointError 400 when the name is taken and `overwrite` is false, or the name or path is not allowed; 404 when the folder is not there
   */
  public add(list: IListInfo, path: string, content: Buffer, overwrite: boolean, userId: number): IStoredFile {
    this.checkName(list, path);
    this.getFolder(list, folderOf(path));
    const existing = this.find(list, path);
    if (existing) {
      if (!overwrite) throw alreadyExists(this.serverRelativeUrl(list, path));
      return this.replace(list, path, content, userId);
    }
    const now = this.store.now().toISOString();
    const item = this.store.addItem(list.title, {}, userId);
    this.store.database
      .prepare('INSERT INTO files (list_id, name, content, unique_id, created, modified, author_id, editor_id, version, item_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)')
      .run(list.id, path, content, randomUUID(), now, now, userId, userId, item.id);
    return this.get(list, path);
  }

  /** Saves over a file's content: a new major version, as a versioned library keeps it. */
  public replace(list: IListInfo, path: string, content: Buffer, userId: number): IStoredFile {
    const file = this.get(list, path);
    this.store.database.prepare('UPDATE files SET content = ?, modified = ?, editor_id = ?, version = ? WHERE list_id = ? AND name = ?').run(content, this.store.now().toISOString(), userId, file.version + 1, list.id, file.path);
    return this.get(list, path);
  }

  /** Deletes a file and its list item (PnPjs deletes the stub an upload left when a chunk fails). */
  public delete(list: IListInfo, path: string): void {
    const file = this.get(list, path);
    this.store.database.prepare('DELETE FROM files WHERE list_id = ? AND name = ?').run(list.id, file.path);
    if (file.itemId > 0) this.store.deleteItem(list.title, file.itemId, undefined);
  }

  /** StartUpload: opens a session on an existing file with its first chunk; answers the offset reached. */
  public startUpload(list: IListInfo, path: string, uploadId: string, chunk: Buffer): number {
    this.get(list, path);
    if (this.sessions.has(uploadId)) throw new SharePointError(400, '-2147024809, System.ArgumentException', `The upload session ${uploadId} has already started.`);
    this.sessions.set(uploadId, { listId: list.id, path, chunks: [chunk], length: chunk.length });
    return chunk.length;
  }

  /** ContinueUpload: the next chunk, which must start where the session stands. */
  public continueUpload(list: IListInfo, path: string, uploadId: string, offset: number, chunk: Buffer): number {
    const session = this.session(list, path, uploadId, offset);
    session.chunks.push(chunk);
    session.length += chunk.length;
    return session.length;
  }

  /** FinishUpload: the last chunk; the file's content becomes the whole, as a new version. */
  public finishUpload(list: IListInfo, path: string, uploadId: string, offset: number, chunk: Buffer, userId: number): IStoredFile {
    const session = this.session(list, path, uploadId, offset);
    this.sessions.delete(uploadId);
    return this.replace(list, path, Buffer.concat([...session.chunks, chunk]), userId);
  }

  /** CancelUpload: the session's bytes are dropped; the file keeps what it had. */
  public cancelUpload(list: IListInfo, path: string, uploadId: string): void {
    const session = this.sessions.get(uploadId);
    if (session && session.listId === list.id && session.path.toLowerCase() === path.toLowerCase()) this.sessions.delete(uploadId);
  }

  /** The file's list item id, made now for a file stored before files had items. */
  public itemIdOf(list: IListInfo, file: IStoredFile): number {
    if (file.itemId > 0) return file.itemId;
    const item = this.store.addItem(list.title, {}, file.authorId);
    this.store.database.prepare('UPDATE files SET item_id = ? WHERE list_id = ? AND name = ?').run(item.id, list.id, file.path);
    return item.id;
  }

  private session(list: IListInfo, path: string, uploadId: string, offset: number): IUploadSession {
    const session = this.sessions.get(uploadId);
    if (!session || session.listId !== list.id || session.path.toLowerCase() !== path.toLowerCase()) {
      throw new SharePointError(404, '-2147024894, System.IO.FileNotFoundException', `The upload session ${uploadId} was not found.`);
    }
    if (offset !== session.length) {
      throw new SharePointError(400, '-2147024809, System.ArgumentException', `The file offset ${offset} is not where the upload session stands (${session.length}).`);
    }
    return session;
  }

  private checkName(list: IListInfo, path: string): void {
    if (INVALID_NAME.test(leafOf(path))) {
      throw new SharePointError(400, '-2130575245, System.ArgumentException', `The file name ${leafOf(path)} is not valid.`);
    }
    const url = this.serverRelativeUrl(list, path);
    if (url.length > MAX_PATH_CHARACTERS) {
      throw new SharePointError(400, '-2147024690, System.IO.PathTooLongException', `The specified file or folder name is too long. The URL path for all files and folders must be ${MAX_PATH_CHARACTERS} characters or less (decoded).`);
    }
  }

  private rows(list: IListInfo): IStoredFile[] {
    return (this.store.database.prepare(`SELECT ${FILE_COLUMNS} FROM files WHERE list_id = ? ORDER BY rowid`).all(list.id) as unknown as IFileRow[]).map(toFile);
  }
}
