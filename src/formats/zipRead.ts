/**
 * The parts of a zip archive (an .xlsx is one), inflated with fflate under a running
 * count of the bytes they unzip to.
 *
 * The archive's index is its central directory, read here: fflate's `unzipSync`
 * allocates each part at the size its header declares (a bomb declares gigabytes, or
 * a small size and inflates to more), and its streaming `Unzip` finds the end of a part
 * saved with a data descriptor by searching for a signature, which compressed bytes
 * can hold by chance. Only the bytes that really inflate are counted, and inflating
 * stops as soon as the total passes the limit.
 */
import { Inflate } from 'fflate';
import { SpreadsheetFileError } from './spreadsheetFile';

interface IZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** Compressed bytes handed to the inflater at a time: deflate expands at most about 1,032 times, so one step can never overshoot the limit by more than ~4 MB. */
const INFLATE_STEP = 4 * 1024;

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** A zip archive whose parts are inflated on demand, all of them together held to `maxUnzippedBytes`. */
export class ZipArchive {
  private readonly entries: Map<string, IZipEntry>;
  private unzippedBytes: number = 0;

  /**
   * @throws SpreadsheetFileError 'notZip' [file name] when there is no zip directory;
   * 'damaged' [file name] when it cannot be read
   */
  public constructor(
    private readonly fileName: string,
    private readonly bytes: Uint8Array,
    private readonly maxUnzippedBytes: number
  ) {
    this.entries = this.readDirectory();
  }

  /** Whether the archive has the part (names compared ignoring case, as OPC part names are). */
  public has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /**
   * A part's bytes as it inflates, chunk by chunk, or undefined when there is no such part.
   *
   * @throws SpreadsheetFileError 'zipBomb' [file name, max MB]; 'encrypted' [file
   * name]; 'unsupportedCompression' [file name, method]; 'damaged' [file name]
   */
  public part(name: string): Uint8Array[] | undefined {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return undefined;
    // Bit 0 marks an encrypted part; method 99 is WinZip's AES.
    if (entry.flags & 1 || entry.method === 99) throw new SpreadsheetFileError('encrypted', [this.fileName], `${this.fileName} is encrypted.`);
    const local = entry.localOffset;
    if (local + 30 > this.bytes.length || u32(this.bytes, local) !== LOCAL_HEADER) throw this.damaged();
    const start = local + 30 + u16(this.bytes, local + 26) + u16(this.bytes, local + 28);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw this.damaged();
    const data = this.bytes.subarray(start, end);
    if (entry.method === 0) {
      this.count(data.length);
      return [data];
    }
    if (entry.method !== 8) {
      throw new SpreadsheetFileError('unsupportedCompression', [this.fileName, entry.method], `${this.fileName} uses a zip compression method (${entry.method}) that cannot be read.`);
    }
    const chunks: Uint8Array[] = [];
    let finished = false;
    const inflater = new Inflate((chunk, final) => {
      this.count(chunk.length);
      chunks.push(chunk);
      finished = final;
    });
    try {
      for (let at = 0; at < data.length; at += INFLATE_STEP) inflater.push(data.subarray(at, Math.min(at + INFLATE_STEP, data.length)), at + INFLATE_STEP >= data.length);
    } catch (error) {
      if (error instanceof SpreadsheetFileError) throw error;
      throw this.damaged();
    }
    if (!finished) throw this.damaged();
    return chunks;
  }

  private count(length: number): void {
    this.unzippedBytes += length;
    if (this.unzippedBytes > this.maxUnzippedBytes) {
      const megabytes = Math.round(this.maxUnzippedBytes / (1024 * 1024));
      throw new SpreadsheetFileError('zipBomb', [this.fileName, megabytes], `${this.fileName} unzips to more than ${megabytes} MB, so it was not read.`);
    }
  }

  private damaged(): SpreadsheetFileError {
    return new SpreadsheetFileError('damaged', [this.fileName], `${this.fileName} is damaged: its zip structure could not be read.`);
  }

  private readDirectory(): Map<string, IZipEntry> {
    const bytes = this.bytes;
    let end = -1;
    // The end record sits in the last 22 bytes, or before a comment of up to 65,535.
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
      if (u32(bytes, at) === END_OF_DIRECTORY) {
        end = at;
        break;
      }
    }
    if (end < 0) throw new SpreadsheetFileError('notZip', [this.fileName], `${this.fileName} is not a zip archive, so not an .xlsx workbook.`);
    const entries = new Map<string, IZipEntry>();
    const utf8 = new TextDecoder();
    // Entries are read until the directory's signature stops, not trusting its count.
    let at = u32(bytes, end + 16);
    while (at + 46 <= bytes.length && u32(bytes, at) === DIRECTORY_ENTRY) {
      const nameLength = u16(bytes, at + 28);
      const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
      if (next > bytes.length) throw this.damaged();
      const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replace(/\\/g, '/').replace(/^\//, '');
      entries.set(name.toLowerCase(), { name, flags: u16(bytes, at + 8), method: u16(bytes, at + 10), compressedSize: u32(bytes, at + 20), localOffset: u32(bytes, at + 42) });
      at = next;
    }
    if (entries.size === 0 && u16(bytes, end + 10) > 0) throw this.damaged();
    return entries;
  }
}
