/**
 * Reading an Excel workbook (.xlsx, .xlsm: a zip of XML parts) into sheets of text as
 * the person sees them: every worksheet in the workbook's order with its name and
 * whether it is hidden; shared and inline strings (rich text joined, phonetic guides
 * left out); numbers through their number format (dates, percentages, decimals, in
 * either date system); booleans, error values and formulas' cached results; rows and
 * cells without their optional `r`; merged cells' value carried down their block.
 *
 * Loaded on demand (see readSpreadsheet) so it stays out of the first download.
 *
 * XML is parsed with saxes: a streaming (SAX) parser, so memory holds what is read
 * and not a tree of the whole sheet; linear in the input; strict (a broken part is
 * reported, not half-read); small, with one dependency; maintained as jsdom's parser;
 * and it expands no entities a document declares, so an entity bomb does nothing.
 */
import { ISheet, isBlankRow } from '../model/import/sheet';
import { builtInFormat, formatCellNumber, isDateFormat } from './numberFormat';
import { IReadLimits, IWorkbookRead, SpreadsheetFileError, checkCell } from './spreadsheetFile';
import { IPartRelationship, IXmlHandlers, parseXmlPart, partRelationships, prefixedAttribute } from './ooxmlPart';
import { ZipArchive } from './zipRead';

/** OOXML writes characters XML cannot hold as _xHHHH_ (a carriage return is _x000D_; an underscore before "x" is _x005F_). */
function unescapeText(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Columns as letters ("AB") to their 0-based index; rows to 0-based. Undefined for a malformed reference. */
function cellPosition(reference: string): { row?: number; column: number } | undefined {
  let column = 0;
  let index = 0;
  for (; index < reference.length; index++) {
    const code = reference.charCodeAt(index) & ~32;
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (index === 0) return undefined;
  const digits = reference.slice(index).replace(/\$/g, '');
  const row = digits === '' ? undefined : Number(digits) - 1;
  return { column: column - 1, row: row !== undefined && Number.isInteger(row) && row >= 0 ? row : undefined };
}

/** Reads one workbook: its parts, on demand, under the limits. */
class WorkbookReader {
  private readonly zip: ZipArchive;

  public constructor(
    private readonly fileName: string,
    bytes: Uint8Array,
    private readonly limits: IReadLimits
  ) {
    this.zip = new ZipArchive(fileName, bytes, limits.maxUnzippedBytes);
  }

  public read(): IWorkbookRead {
    const workbookPath = this.relationships('').find((relationship) => relationship.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
    if (!this.zip.has(workbookPath)) throw this.noWorksheet();
    const workbookRelationships = this.relationships(workbookPath);
    const targetOf = (type: string, fallback: string): string => workbookRelationships.find((relationship) => relationship.type === type)?.target ?? fallback;
    const sharedStrings = this.sharedStrings(targetOf('sharedStrings', 'xl/sharedStrings.xml'));
    const styles = this.styleFormats(targetOf('styles', 'xl/styles.xml'));

    let date1904 = false;
    const listed: Array<{ name: string; hidden: boolean; id: string }> = [];
    this.parse(workbookPath, {
      open: (name, attributes) => {
        if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
        if (name === 'sheet') listed.push({ name: attributes.name ?? '', hidden: attributes.state === 'hidden' || attributes.state === 'veryHidden', id: prefixedAttribute(attributes, 'id') ?? '' });
      }
    });
    const sheets: ISheet[] = [];
    for (const entry of listed) {
      // Chart sheets and dialog sheets hold no cells.
      const relationship = workbookRelationships.find((candidate) => candidate.id === entry.id);
      if (!relationship || relationship.type !== 'worksheet') continue;
      if (!this.zip.has(relationship.target)) throw this.damaged(`the worksheet ${relationship.target} is missing`);
      sheets.push({ name: entry.name, hidden: entry.hidden, rows: this.worksheet(relationship.target, entry.name, sharedStrings, styles, date1904) });
    }
    if (sheets.length === 0) throw this.noWorksheet();
    if (sheets.every((sheet) => sheet.rows.every(isBlankRow))) throw new SpreadsheetFileError('empty', [this.fileName], `${this.fileName} has no values on any sheet.`);
    return { format: 'xlsx', sheets };
  }

  private noWorksheet(): SpreadsheetFileError {
    return new SpreadsheetFileError('noWorksheet', [this.fileName], `${this.fileName} is a zip archive with no Excel worksheet in it.`);
  }

  private damaged(why: string): SpreadsheetFileError {
    return new SpreadsheetFileError('damaged', [this.fileName], `${this.fileName} is damaged: ${why}.`);
  }

  /** Parses a part's XML, calling the handlers with names without prefixes. */
  private parse(path: string, handlers: IXmlHandlers): void {
    parseXmlPart(this.zip, path, handlers, (why) => this.damaged(why));
  }

  /** A part's relationships within the package (an external target, such as a link, is no part). */
  private relationships(partPath: string): IPartRelationship[] {
    return partRelationships(this.zip, partPath, (why) => this.damaged(why)).filter((relationship) => !relationship.external);
  }

  private sharedStrings(path: string): string[] {
    const strings: string[] = [];
    let text = '';
    let inText = false;
    let phonetic = 0;
    this.parse(path, {
      open: (name) => {
        if (name === 'si') text = '';
        else if (name === 'rPh') phonetic++;
        else if (name === 't') inText = phonetic === 0;
      },
      close: (name) => {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si') strings.push(unescapeText(text));
      },
      text: (chunk) => {
        if (inText) text += chunk;
      }
    });
    return strings;
  }

  /** Each cell style's number format code, by its index in cellXfs. */
  private styleFormats(path: string): string[] {
    const custom = new Map<number, string>();
    const formats: string[] = [];
    let inCellFormats = false;
    this.parse(path, {
      open: (name, attributes) => {
        if (name === 'numFmt') custom.set(Number(attributes.numFmtId), attributes.formatCode ?? 'General');
        else if (name === 'cellXfs') inCellFormats = true;
        else if (name === 'xf' && inCellFormats) formats.push(String(Number(attributes.numFmtId ?? 0)));
      },
      close: (name) => {
        if (name === 'cellXfs') inCellFormats = false;
      }
    });
    // Custom formats may be listed after use, and may redefine a built-in id.
    return formats.map((id) => custom.get(Number(id)) ?? builtInFormat(Number(id)));
  }

  private worksheet(path: string, sheetName: string, sharedStrings: readonly string[], styles: readonly string[], date1904: boolean): string[][] {
    const rows: string[][] = [];
    const merges: string[] = [];
    let row = -1;
    let column = -1;
    let type = 'n';
    let style = 0;
    let value = '';
    let inline = '';
    let inValue = false;
    let inInlineText = false;
    let phonetic = 0;

    const shown = (): string => {
      switch (type) {
        case 's':
          return sharedStrings[Number(value)] ?? '';
        case 'inlineStr':
          return unescapeText(inline);
        case 'str':
          return unescapeText(value);
        case 'b':
          return value === '' ? '' : value === '1' || value === 'true' ? 'TRUE' : 'FALSE';
        case 'e':
          return value;
        case 'd': {
          const serial = isoSerial(value, date1904);
          if (serial === undefined) return value;
          const format = styles[style] ?? 'General';
          return formatCellNumber(serial, isDateFormat(format) ? format : 'dd/mm/yyyy', date1904);
        }
        default: {
          if (value.trim() === '') return '';
          const number = Number(value);
          return Number.isFinite(number) ? formatCellNumber(number, styles[style] ?? 'General', date1904) : value;
        }
      }
    };

    this.parse(path, {
      open: (name, attributes) => {
        if (name === 'row') {
          const number = Number(attributes.r);
          row = attributes.r !== undefined && Number.isInteger(number) && number > 0 ? number - 1 : row + 1;
          column = -1;
        } else if (name === 'c') {
          const position = attributes.r === undefined ? undefined : cellPosition(attributes.r);
          column = position ? position.column : column + 1;
          if (row < 0) row = 0;
          if (position?.row !== undefined) row = position.row;
          type = attributes.t ?? 'n';
          style = Number(attributes.s ?? 0);
          value = '';
          inline = '';
        } else if (name === 'v') {
          inValue = true;
        } else if (name === 'rPh') {
          phonetic++;
        } else if (name === 't') {
          inInlineText = phonetic === 0;
        } else if (name === 'mergeCell' && attributes.ref) {
          merges.push(attributes.ref);
        }
      },
      close: (name) => {
        if (name === 'v') inValue = false;
        else if (name === 't') inInlineText = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'c') {
          const text = shown();
          if (text === '') return;
          checkCell(sheetName, row, column, text, this.limits);
          while (rows.length <= row) rows.push([]);
          const cells = rows[row];
          while (cells.length < column) cells.push('');
          cells[column] = text;
        }
      },
      text: (chunk) => {
        if (inValue) value += chunk;
        else if (inInlineText) inline += chunk;
      }
    });
    this.fillMerges(rows, merges);
    return rows;
  }

  /**
   * A merged block's value in the first column of each row it spans, so a priority
   * merged down its actions reaches every one; a title merged across stays in its
   * first cell. Blocks past the last row with a value are not extended.
   */
  private fillMerges(rows: string[][], merges: readonly string[]): void {
    // Valid merges never overlap, so each cell is filled once; the budget stops a hostile file's overlapping blocks from costing rows x merges.
    let budget = this.limits.maxRows * 16;
    for (const merge of merges) {
      const [from, to] = merge.split(':');
      const start = cellPosition(from);
      const end = to === undefined ? undefined : cellPosition(to);
      if (start?.row === undefined || end?.row === undefined) continue;
      const value = rows[start.row]?.[start.column] ?? '';
      if (value === '') continue;
      const last = Math.min(end.row, rows.length - 1);
      for (let row = start.row + 1; row <= last; row++) {
        if (--budget < 0) throw this.damaged('its merged cells overlap');
        const cells = rows[row];
        if ((cells[start.column] ?? '') !== '') continue;
        while (cells.length < start.column) cells.push('');
        cells[start.column] = value;
      }
    }
  }
}

/** An ISO 8601 date (a `t="d"` cell) as a serial day number in the workbook's date system. */
function isoSerial(text: string, date1904: boolean): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text);
  if (!match) return undefined;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0));
  const days = (time - (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / 86400000;
  // The 1900 system counts a 29 Feb 1900 that never was: dates before March 1900 sit a day earlier.
  return !date1904 && days < 61 ? days - 1 : days;
}

/**
 * Every worksheet of an .xlsx / .xlsm workbook, in the workbook's order.
 *
 * Error codes and params: notZip, damaged, noWorksheet, encrypted, empty [file
 * name]; zipBomb [file name, max MB]; unsupportedCompression [file name, method];
 * and the cell limits of `checkCell`.
 */
export function readXlsxWorkbook(fileName: string, bytes: Uint8Array, limits: IReadLimits): IWorkbookRead {
  return new WorkbookReader(fileName, bytes, limits).read();
}
