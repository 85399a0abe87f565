/**
 * Reading a Word document (.docx: a zip of XML parts) as the import needs it: the
 * paragraphs and tables of its body in document order, each table a grid of the text
 * a person sees in each cell.
 *
 * - A cell's paragraphs and list items are its lines (list items as plain lines, as the
 *   import reads a list pasted from Word into a spreadsheet); a line break is a line.
 * - Vertical merges (`w:vMerge`) carry the first cell's text down the cells they cover;
 *   horizontal merges (`w:gridSpan`) keep the text in their first column and leave the
 *   columns they span blank, so every row has the table's columns.
 * - A table nested in a cell becomes text of that cell: a line per row, its cells
 *   joined with " | ".
 * - Tracked changes are read as accepted: insertions and moves kept where they land,
 *   deletions and moved-away text dropped, deleted rows dropped, a paragraph whose mark
 *   was deleted joined to the next, and the properties as they were before a change ignored.
 * - A hyperlink to a web address is "text (address)", as the import reads evidence links.
 *
 * Text boxes, headers, footers, footnotes and comments are not read: plans keep their
 * actions in the body's tables. Loaded on demand with the spreadsheet readers.
 */
import { DocumentBlock, IStitchedDocument, stitchDocument } from '../model/import/documentTables';
import { ISheet } from '../model/import/sheet';
import { IPartRelationship, XmlAttributes, parseXmlPart, partRelationships, prefixedAttribute } from './ooxmlPart';
import { IReadLimits, IWorkbookRead, SpreadsheetFileError, checkCell } from './spreadsheetFile';
import { ZipArchive } from './zipRead';

const MAIN_PART = 'word/document.xml';

/** Elements whose content is not what an accepted document shows: deleted or moved-away text, earlier properties, text boxes and their fallbacks. */
const SKIPPED = new Set(['del', 'moveFrom', 'pPrChange', 'rPrChange', 'tblPrChange', 'tblPrExChange', 'trPrChange', 'tcPrChange', 'sectPrChange', 'numberingChange', 'txbxContent', 'Fallback']);

/** A Word document read: its body, and its tables stitched into the sheets the import reads (a document has no encoding or separator). */
export interface IDocumentRead extends Omit<IWorkbookRead, 'format' | 'sheets'>, IStitchedDocument {
  format: 'docx';
  /** The body's top-level paragraphs and tables in document order. */
  blocks: DocumentBlock[];
}

interface ICellBuild {
  lines: string[];
  span: number;
  /** 'restart' starts a vertical merge, 'continue' is covered by the one above. */
  vMerge?: 'restart' | 'continue';
}

interface IRowBuild {
  cells: string[];
  deleted: boolean;
  /** Grid columns left empty before the first cell. */
  gridBefore: number;
}

interface ITableBuild {
  rows: string[][];
  /** Grid columns from w:tblGrid. */
  gridColumns: number;
  row?: IRowBuild;
  cell?: ICellBuild;
}

interface IParagraphBuild {
  lines: string[];
  style?: string;
  outlined: boolean;
  markDeleted: boolean;
}

/** Whether the zip holds a Word document's main part (a .docx, .docm or .dotx). */
export function isWordDocument(zip: ZipArchive): boolean {
  return zip.has(MAIN_PART);
}

class DocumentReader {
  private readonly zip: ZipArchive;
  private readonly blocks: DocumentBlock[] = [];
  private topTables: number = 0;

  public constructor(
    private readonly fileName: string,
    bytes: Uint8Array,
    private readonly limits: IReadLimits
  ) {
    this.zip = new ZipArchive(fileName, bytes, limits.maxUnzippedBytes);
  }

  public read(): DocumentBlock[] {
    const mainPath = partRelationships(this.zip, '', this.malformed).find((relationship) => relationship.type === 'officeDocument')?.target ?? MAIN_PART;
    if (!this.zip.has(mainPath)) throw new SpreadsheetFileError('noWorksheet', [this.fileName], `${this.fileName} is a zip archive with no Word document or Excel worksheet in it.`);
    const relationships = partRelationships(this.zip, mainPath, this.malformed);
    const headingStyles = this.headingStyles(relationships.find((relationship) => relationship.type === 'styles')?.target ?? 'word/styles.xml');
    this.body(mainPath, relationships, headingStyles);
    return this.blocks;
  }

  private readonly malformed = (why: string): SpreadsheetFileError => new SpreadsheetFileError('damaged', [this.fileName], `${this.fileName} is damaged: ${why}.`);

  /** The ids of paragraph styles that are headings: named "heading N" or "Title" (names are English whatever the language), or with an outline level. */
  private headingStyles(path: string): Set<string> {
    const headings = new Set<string>();
    let id: string | undefined;
    this.parse(path, {
      open: (name, attributes) => {
        if (name === 'style') id = attributes.type === 'paragraph' || attributes.type === undefined ? prefixedAttribute(attributes, 'styleId') : undefined;
        else if (id !== undefined && ((name === 'name' && /^(?:heading\s*\d|title)$/i.test(prefixedAttribute(attributes, 'val') ?? '')) || name === 'outlineLvl')) headings.add(id);
      },
      close: (name) => {
        if (name === 'style') id = undefined;
      }
    });
    return headings;
  }

  private parse(path: string, handlers: Parameters<typeof parseXmlPart>[2]): void {
    parseXmlPart(this.zip, path, handlers, this.malformed);
  }

  private body(path: string, relationships: readonly IPartRelationship[], headingStyles: ReadonlySet<string>): void {
    const links = new Map(relationships.filter((relationship) => relationship.type === 'hyperlink').map((relationship) => [relationship.id, relationship.target]));
    const tables: ITableBuild[] = [];
    let paragraph: IParagraphBuild | undefined;
    // Text of a paragraph whose mark was deleted: it runs on into the next paragraph.
    let carried = '';
    let skipping = 0;
    let inText = false;
    let inRun = 0;
    let inParagraphProperties = false;
    let inRunProperties = false;
    let link: { url?: string; text: string } | undefined;

    const append = (text: string): void => {
      if (!paragraph) return;
      if (paragraph.lines.length === 0) paragraph.lines.push('');
      paragraph.lines[paragraph.lines.length - 1] += text;
      if (link) link.text += text;
    };
    const currentTable = (): ITableBuild | undefined => tables[tables.length - 1];

    const endParagraph = (): void => {
      if (!paragraph) return;
      const text = `${carried}${paragraph.lines.map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== '').join('\n')}`;
      const built = paragraph;
      paragraph = undefined;
      if (built.markDeleted) {
        carried = text === '' ? carried : `${text} `;
        return;
      }
      carried = '';
      const cell = currentTable()?.cell;
      if (cell) {
        if (text !== '') cell.lines.push(text);
        return;
      }
      if (tables.length > 0) return;
      const heading = built.outlined || (built.style !== undefined && headingStyles.has(built.style));
      checkCell('document', this.blocks.length, 0, text, this.limits);
      this.blocks.push({ kind: 'paragraph', text, heading });
    };

    const endCell = (table: ITableBuild): void => {
      const { cell, row } = table;
      table.cell = undefined;
      if (!cell || !row) return;
      const column = row.cells.length;
      const rowIndex = table.rows.length;
      let text = cell.lines.join('\n');
      // A covered cell shows the text of the cell that starts the merge, in the row above.
      if (cell.vMerge === 'continue') text = table.rows[rowIndex - 1]?.[column] ?? '';
      // A merge's last column is held to the column limit too, so a hostile span cannot pad rows without end.
      checkCell(this.tableName(tables), rowIndex, column + cell.span - 1, text, this.limits);
      row.cells.push(text);
      for (let spanned = 1; spanned < cell.span; spanned++) row.cells.push('');
    };

    const endTable = (): void => {
      const table = tables.pop();
      if (!table) return;
      const width = table.rows.reduce((most, cells) => Math.max(most, cells.length), table.gridColumns);
      const rows = table.rows.map((cells) => cells.concat(new Array<string>(width - cells.length).fill('')));
      const parentCell = currentTable()?.cell;
      if (parentCell) {
        // A nested table is text of its cell: a line per row.
        for (const cells of rows) {
          const line = cells.filter((cell) => cell !== '').join(' | ').replace(/\n/g, ' ');
          if (line !== '') parentCell.lines.push(line);
        }
        return;
      }
      if (tables.length === 0) this.blocks.push({ kind: 'table', rows });
    };

    const open = (name: string, attributes: XmlAttributes): void => {
      if (skipping > 0 || SKIPPED.has(name)) {
        skipping += 1;
        return;
      }
      const table = currentTable();
      const value = prefixedAttribute(attributes, 'val');
      switch (name) {
        case 'p':
          endParagraph();
          paragraph = { lines: [], outlined: false, markDeleted: false };
          break;
        case 'pPr':
          inParagraphProperties = true;
          break;
        case 'rPr':
          inRunProperties = true;
          break;
        case 'pStyle':
          if (paragraph && inParagraphProperties) paragraph.style = value;
          break;
        case 'outlineLvl':
          if (paragraph && inParagraphProperties && Number(value) < 9) paragraph.outlined = true;
          break;
        case 'r':
          inRun += 1;
          break;
        case 't':
          inText = inRun > 0;
          break;
        case 'tab':
          if (inRun > 0 && !inRunProperties) append(' ');
          break;
        case 'br':
        case 'cr':
          if (inRun > 0 && paragraph) paragraph.lines.push('');
          break;
        case 'noBreakHyphen':
          if (inRun > 0) append('-');
          break;
        case 'hyperlink': {
          const id = prefixedAttribute(attributes, 'id');
          link = { url: id === undefined ? undefined : links.get(id), text: '' };
          break;
        }
        case 'tbl':
          endParagraph();
          if (tables.length === 0) this.topTables += 1;
          tables.push({ rows: [], gridColumns: 0 });
          break;
        case 'gridCol':
          if (table && !table.row) table.gridColumns += 1;
          break;
        case 'tr':
          if (table) table.row = { cells: [], deleted: false, gridBefore: 0 };
          break;
        case 'gridBefore':
          if (table?.row && !table.cell) table.row.gridBefore = Math.max(0, Math.min(Number(value) || 0, this.limits.maxColumns));
          break;
        case 'tc':
          if (table?.row) {
            if (table.row.cells.length === 0) for (let column = 0; column < table.row.gridBefore; column++) table.row.cells.push('');
            table.cell = { lines: [], span: 1 };
          }
          break;
        case 'gridSpan':
          if (table?.cell && !paragraph) table.cell.span = Math.max(1, Math.min(Number(value) || 1, this.limits.maxColumns));
          break;
        case 'vMerge':
          if (table?.cell && !paragraph) table.cell.vMerge = value === 'restart' ? 'restart' : 'continue';
          break;
        default:
          break;
      }
    };

    const close = (name: string): void => {
      if (skipping > 0) {
        skipping -= 1;
        // An empty <w:del/> in a row's or a paragraph mark's properties marks them deleted.
        if (skipping === 0 && name === 'del') {
          const table = currentTable();
          if (inRunProperties && inParagraphProperties && paragraph) paragraph.markDeleted = true;
          else if (table?.row && !table.cell) table.row.deleted = true;
        }
        return;
      }
      const table = currentTable();
      switch (name) {
        case 'p':
          endParagraph();
          break;
        case 'pPr':
          inParagraphProperties = false;
          break;
        case 'rPr':
          inRunProperties = false;
          break;
        case 'r':
          inRun -= 1;
          break;
        case 't':
          inText = false;
          break;
        case 'hyperlink':
          if (link?.url && /^https?:\/\//i.test(link.url) && link.text.trim() !== link.url) append(link.text.trim() === '' ? link.url : ` (${link.url})`);
          link = undefined;
          break;
        case 'tc':
          endParagraph();
          if (table) endCell(table);
          break;
        case 'tr':
          if (table?.row) {
            if (!table.row.deleted) table.rows.push(table.row.cells);
            table.row = undefined;
          }
          break;
        case 'tbl':
          endTable();
          break;
        default:
          break;
      }
    };

    this.parse(path, {
      open,
      close,
      text: (text) => {
        if (inText && skipping === 0) append(text);
      }
    });
    endParagraph();
  }

  /** How limits name a table: its number among the body's tables. */
  private tableName(open: readonly ITableBuild[]): string {
    return open.length > 1 ? `Table ${this.topTables} (nested)` : `Table ${this.topTables}`;
  }
}

/**
 * The paragraphs and tables of a .docx body in document order, as read (see the module's
 * comment for merges, lists, tracked changes and links).
 *
 * Error codes and params: notZip, damaged, noWorksheet, encrypted [file name];
 * zipBomb [file name, max MB]; unsupportedCompression [file name, method]; and the
 * cell limits of `checkCell`, with a table named "Table N".
 */
export function readDocxBlocks(fileName: string, bytes: Uint8Array, limits: IReadLimits): DocumentBlock[] {
  return new DocumentReader(fileName, bytes, limits).read();
}

/**
 * A .docx as the import reads it: its tables stitched into sheets (tables with the same
 * columns as one, the heading above each giving its rows their priority), its printed
 * status key and its glossary tables (see `stitchDocument`).
 *
 * Error codes: those of `readDocxBlocks`, and empty [file name] for a document with no
 * table holding a value.
 */
export function readDocx(fileName: string, bytes: Uint8Array, limits: IReadLimits): IDocumentRead {
  const blocks = readDocxBlocks(fileName, bytes, limits);
  const stitched = stitchDocument(blocks);
  const hasValues = (sheet: ISheet): boolean => sheet.rows.some((cells) => cells.some((cell) => cell.trim() !== ''));
  if (!stitched.sheets.some(hasValues)) throw new SpreadsheetFileError('empty', [fileName], `${fileName} has no table with a value in it.`);
  return { format: 'docx', blocks, ...stitched };
}
