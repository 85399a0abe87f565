/**
 * Reading the first worksheet of an .xlsx file into rows of text, with no library:
 * an .xlsx is a zip of XML parts. Cells come back as the person sees them: shared and
 * inline strings, numbers, booleans, and dates (stored as day numbers with a date
 * format) written as dd/mm/yyyy so the plan-date rules read them.
 */

export class XlsxError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'XlsxError';
  }
}

interface IZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** The zip's central directory: every part's name, compression and where its data is. */
function zipEntries(bytes: Uint8Array): IZipEntry[] {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65557); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new XlsxError('This is not an .xlsx file (it is not a zip archive).');
  const count = u16(bytes, end + 10);
  const entries: IZipEntry[] = [];
  let at = u32(bytes, end + 16);
  const decoder = new TextDecoder();
  for (let index = 0; index < count; index++) {
    if (u32(bytes, at) !== 0x02014b50) throw new XlsxError('The .xlsx file is damaged (its zip directory could not be read).');
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    entries.push({ method: u16(bytes, at + 10), compressedSize: u32(bytes, at + 20), localOffset: u32(bytes, at + 42), name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function readEntry(bytes: Uint8Array, entry: IZipEntry): Promise<string> {
  const local = entry.localOffset;
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const data = bytes.slice(start, start + entry.compressedSize);
  if (entry.method === 0) return new TextDecoder().decode(data);
  if (entry.method !== 8) throw new XlsxError(`The .xlsx file uses a compression this reader does not know (${entry.method}).`);
  const inflated = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new TextDecoder().decode(await new Response(inflated).arrayBuffer());
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, name: string) =>
    name[0] === '#' ? String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)) : XML_ENTITIES[name.toLowerCase()]
  );
}

/** The text of every <t> in a string item (rich text has several runs). */
function stringItem(xml: string): string {
  const parts: string[] = [];
  const text = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  for (let match = text.exec(xml); match !== null; match = text.exec(xml)) parts.push(xmlText(match[1]));
  return parts.join('');
}

/** Built-in number formats that are dates (14-22), and custom ones that spell days, months or years. */
function dateStyles(stylesXml: string | undefined): Set<number> {
  const dates = new Set<number>();
  if (!stylesXml) return dates;
  const customDates = new Set<number>();
  const format = /<numFmt\s[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g;
  for (let match = format.exec(stylesXml); match !== null; match = format.exec(stylesXml)) {
    if (/[dmy]/i.test(match[2].replace(/\[[^\]]*\]|"[^"]*"/g, ''))) customDates.add(Number(match[1]));
  }
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const xf = /<xf\s[^>]*?numFmtId="(\d+)"/g;
  let index = 0;
  for (let match = xf.exec(cellXfs); match !== null; match = xf.exec(cellXfs), index++) {
    const id = Number(match[1]);
    if ((id >= 14 && id <= 22) || customDates.has(id)) dates.add(index);
  }
  return dates;
}

/** An Excel day number (1900 system) as dd/mm/yyyy. */
function excelDate(serial: number): string {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

function columnIndex(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference)?.[0] ?? 'A';
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/**
 * The first worksheet's rows as text. Empty rows are kept (row numbers match the
 * sheet), and each row is as long as its last filled cell.
 *
 * @throws XlsxError for a file that is not an .xlsx workbook
 */
export async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const entries = zipEntries(bytes);
  const part = async (name: string): Promise<string | undefined> => {
    const entry = entries.find((candidate) => candidate.name === name);
    return entry ? readEntry(bytes, entry) : undefined;
  };
  const sheets = entries.map((entry) => entry.name).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
  if (sheets.length === 0) throw new XlsxError('This file has no worksheet, so it is not an Excel workbook.');
  const shared: string[] = [];
  const sharedXml = await part('xl/sharedStrings.xml');
  if (sharedXml) {
    const item = /<si>([\s\S]*?)<\/si>/g;
    for (let match = item.exec(sharedXml); match !== null; match = item.exec(sharedXml)) shared.push(stringItem(match[1]));
  }
  const dates = dateStyles(await part('xl/styles.xml'));
  const sheet = (await part(sheets[0])) as string;

  const rows: string[][] = [];
  const row = /<row\s[^>]*?r="(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g;
  for (let rowMatch = row.exec(sheet); rowMatch !== null; rowMatch = row.exec(sheet)) {
    const cells: string[] = [];
    const cell = /<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    const body = rowMatch[2] ?? '';
    for (let cellMatch = cell.exec(body); cellMatch !== null; cellMatch = cell.exec(body)) {
      const attributes = cellMatch[1];
      const content = cellMatch[2] ?? '';
      const reference = /\br="([A-Z]+\d+)"/.exec(attributes)?.[1];
      const type = /\bt="([a-zA-Z]+)"/.exec(attributes)?.[1] ?? 'n';
      const style = Number(/\bs="(\d+)"/.exec(attributes)?.[1] ?? -1);
      const value = /<v>([\s\S]*?)<\/v>/.exec(content)?.[1];
      let text = '';
      if (type === 's' && value !== undefined) text = shared[Number(value)] ?? '';
      else if (type === 'inlineStr') text = stringItem(content);
      else if (type === 'b' && value !== undefined) text = value === '1' ? 'TRUE' : 'FALSE';
      else if (value !== undefined) text = type === 'n' && dates.has(style) ? excelDate(Number(value)) : xmlText(value);
      const index = reference ? columnIndex(reference) : cells.length;
      while (cells.length < index) cells.push('');
      cells[index] = text;
    }
    const number = Number(rowMatch[1]);
    while (rows.length < number - 1) rows.push([]);
    rows[number - 1] = cells;
  }
  return rows;
}
