/**
 * Document libraries: the files in a library's root folder, kept beside the lists in the
 * store's database. A library is a list created with BaseTemplate 101; its files are
 * added with `Files/AddUsingPath`, read with `Files('name')/$value` and listed with
 * `Files`, as SharePoint answers them. Text files only: the emulator's request bodies
 * are text.
 */
import { randomUUID } from 'node:crypto';
import { IListInfo, SharePointError, SharePointStore } from './store';

/** A file as stored. */
export interface IStoredFile {
  name: string;
  content: string;
  uniqueId: string;
  created: string;
  modified: string;
  authorId: number;
  editorId: number;
  /** Major version: 1 when added, one more each time it is saved over. */
  version: number;
}

interface IFileRow {
  name: string;
  content: string;
  unique_id: string;
  created: string;
  modified: string;
  author_id: number;
  editor_id: number;
  version: number;
}

function toFile(row: IFileRow): IStoredFile {
  return { name: row.name, content: row.content, uniqueId: row.unique_id, created: row.created, modified: row.modified, authorId: row.author_id, editorId: row.editor_id, version: row.version };
}

/** SharePoint's answer to a file added without Overwrite where one is (recorded in pnp/cli-microsoft365's `spo app add` tests). */
function alreadyExists(path: string): SharePointError {
  return new SharePointError(400, '-2130575257, Microsoft.SharePoint.SPException', `A file with the name ${path} already exists.`);
}

/** SharePoint's answer for a file that is not there. */
export function fileNotFound(): SharePointError {
  return new SharePointError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
}

/** Characters SharePoint does not allow in a file name (learn.microsoft.com: invalid file names in OneDrive and SharePoint). */
const INVALID_NAME = /["*:<>?/\\|]|^\s|\s$|^$/;

/** The libraries of one site and their files. */
export class LibraryFiles {
  public constructor(private readonly store: SharePointStore) {
    store.database.exec(`
      CREATE TABLE IF NOT EXISTS libraries (list_id INTEGER PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS files (
        list_id INTEGER NOT NULL, name TEXT NOT NULL COLLATE NOCASE, content TEXT NOT NULL, unique_id TEXT NOT NULL,
        created TEXT NOT NULL, modified TEXT NOT NULL, author_id INTEGER NOT NULL, editor_id INTEGER NOT NULL,
        version INTEGER NOT NULL, PRIMARY KEY (list_id, name));
    `);
  }

  /** Makes a new list a document library. */
  public markLibrary(list: IListInfo): void {
    this.store.database.prepare('INSERT OR IGNORE INTO libraries (list_id) VALUES (?)').run(list.id);
  }

  public isLibrary(list: IListInfo): boolean {
    return this.store.database.prepare('SELECT 1 FROM libraries WHERE list_id = ?').get(list.id) !== undefined;
  }

  /** The library's files in the order they were added. */
  public files(list: IListInfo): IStoredFile[] {
    return (this.store.database.prepare('SELECT * FROM files WHERE list_id = ? ORDER BY rowid').all(list.id) as unknown as IFileRow[]).map(toFile);
  }

  /** How many files the library holds (its ItemCount). */
  public count(list: IListInfo): number {
    return (this.store.database.prepare('SELECT COUNT(*) AS count FROM files WHERE list_id = ?').get(list.id) as { count: number }).count;
  }

  public find(list: IListInfo, name: string): IStoredFile | undefined {
    const row = this.store.database.prepare('SELECT * FROM files WHERE list_id = ? AND name = ?').get(list.id, name) as IFileRow | undefined;
    return row ? toFile(row) : undefined;
  }

  public get(list: IListInfo, name: string): IStoredFile {
    const found = this.find(list, name);
    if (!found) throw fileNotFound();
    return found;
  }

  /**
   * Adds a file; with `overwrite`, saves over one of the same name as a new version.
   *
   * @throws SharePointError 400 when the name is taken and `overwrite` is false, or the name is not allowed
   */
  public add(list: IListInfo, name: string, content: string, overwrite: boolean, userId: number): IStoredFile {
    if (INVALID_NAME.test(name)) {
      throw new SharePointError(400, '-2130575245, System.ArgumentException', `The file name ${name} is not valid.`);
    }
    const existing = this.find(list, name);
    if (existing) {
      if (!overwrite) throw alreadyExists(`${list.title}/${name}`);
      return this.replace(list, name, content, userId);
    }
    const now = this.store.now().toISOString();
    this.store.database.prepare('INSERT INTO files (list_id, name, content, unique_id, created, modified, author_id, editor_id, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)').run(list.id, name, content, randomUUID(), now, now, userId, userId);
    return this.get(list, name);
  }

  /** Saves over a file's content: a new major version, as a versioned library keeps it. */
  public replace(list: IListInfo, name: string, content: string, userId: number): IStoredFile {
    const file = this.get(list, name);
    this.store.database.prepare('UPDATE files SET content = ?, modified = ?, editor_id = ?, version = ? WHERE list_id = ? AND name = ?').run(content, this.store.now().toISOString(), userId, file.version + 1, list.id, file.name);
    return this.get(list, name);
  }
}
