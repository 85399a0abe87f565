/**
 * The local page's files as a CDN keeps them: each read once (again when it changes on
 * disk), with its gzip encoding and an ETag from its content.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

export interface IStaticFile {
  content: Buffer;
  gzipped: Buffer;
  etag: string;
}

export class StaticFiles {
  private readonly files = new Map<string, { modifiedMs: number; file: IStaticFile }>();

  /** The file at `path`, rejecting as `readFile` does when it is missing. */
  public async read(path: string): Promise<IStaticFile> {
    const { mtimeMs } = await stat(path);
    const kept = this.files.get(path);
    if (kept && kept.modifiedMs === mtimeMs) return kept.file;
    const content = await readFile(path);
    const file: IStaticFile = { content, gzipped: gzipSync(content), etag: `"${createHash('sha256').update(content).digest('hex').slice(0, 16)}"` };
    this.files.set(path, { modifiedMs: mtimeMs, file });
    return file;
  }
}
