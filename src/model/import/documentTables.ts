/**
 * A plan written as a document (Word) stitched into the sheets the import reads: a
 * document holds a table per priority or area with a heading paragraph above each, the
 * same columns in every table (its header repeated after a page break or on each new
 * table), a status key printed above the first table, and tables that are not the plan
 * (a glossary of roles, the key itself). No file format here: the reader hands over the
 * body's paragraphs and tables as text.
 *
 * - Tables with the same header (compared as the mapping compares headers) become one
 *   sheet under that header, in document order; a table with no header of its own and as
 *   many columns as the table before it goes on from it. A row repeating the header is dropped.
 * - The heading above a table gives its rows their priority (or outcome) the way a
 *   spreadsheet's own headings do: a heading that names a priority or an outcome by its
 *   word or number ("Priority 3: ND pathways", "3.1 Referrals") becomes a heading row
 *   above the table's rows; any other heading (a styled "ND pathways and waiting times")
 *   fills a priority column, "Priority (heading above the table)", on each of its rows. A
 *   heading stays in force for the tables after it until the next.
 * - The document's opening paragraphs stand above the header as a spreadsheet's title
 *   rows do (the plan's name and area); so does the status key wherever it is printed.
 * - A status key table and a glossary (two columns: "Abbreviation | Role") are left out.
 * - Every sheet row keeps the table and row it came from, for problems by table and row.
 */
import { headingKind, namesPriorityOrOutcome } from './headings';
import { looksLikeHeader, normaliseHeader, targetFromHeader } from './mapping';
import { IPrintedStatus, readStatusKey, statusKeyEntries } from './schemeInference';
import { ISheet, isBlankRow } from './sheet';

/** A top-level paragraph or table of a document's body, in document order. */
export type DocumentBlock = { kind: 'paragraph'; text: string; heading: boolean } | { kind: 'table'; rows: string[][] };

/** Where a sheet row came from: the table's number in the document (1-based) and its row in that table (1-based; 0 for the heading above it). */
export interface ITableRowPlace {
  table: number;
  row: number;
}

/** A sheet stitched from a document's tables. */
export interface IDocumentSheet extends ISheet {
  /** Each row's table and row, by sheet row index: row 0 for a heading above the table; undefined for a title row. */
  places: Array<ITableRowPlace | undefined>;
}

/** A table of abbreviations or roles and what they stand for. */
export interface IDocumentGlossary {
  table: number;
  entries: Array<{ term: string; meaning: string }>;
}

export interface IStitchedDocument {
  sheets: IDocumentSheet[];
  /** The status key the document prints, in its order; empty when it prints none. */
  statusKey: IPrintedStatus[];
  glossaries: IDocumentGlossary[];
  /** Tables left out of the sheets, by number: the status key's table and glossaries. */
  leftOut: Array<{ table: number; kind: 'statusKey' | 'glossary' }>;
}

/** The header of the column a heading that names no priority by word or number fills. */
export const HEADING_COLUMN = 'Priority (heading above the table)';

/** Opening paragraphs kept as title rows: enough for a title, the area and a key, and well inside the rows searched for a header. */
const TITLE_ROWS = 12;
/** Title rows are short; a long paragraph is the introduction's prose. */
const TITLE_LENGTH = 300;
/** Headings are short; a long paragraph is prose, not a heading. */
const HEADING_LENGTH = 250;

interface IPlanTable {
  number: number;
  /** Index of the header row; undefined when the table goes on from the one before. */
  headerRow?: number;
  rows: string[][];
  /** Headings in force for the table's rows: the paragraphs above it, then lone-cell rows above its header. */
  headings: string[];
  /** Whether the headings were written just above this table (not carried from an earlier one). */
  ownHeadings: boolean;
}

interface IGroup {
  signature: string;
  header?: string[];
  width: number;
  tables: IPlanTable[];
}

function filledCells(cells: readonly string[]): string[] {
  return cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
}

function signatureOf(cells: readonly string[]): string {
  return cells.map((cell) => normaliseHeader(cell)).join('|');
}

/** The header row among a table's first rows: a row naming known columns with only lone-cell rows (a title) above it. */
function headerRowOf(rows: readonly string[][]): number | undefined {
  for (let index = 0; index < Math.min(rows.length, 3); index++) {
    if (looksLikeHeader(rows[index])) return index;
    if (filledCells(rows[index]).length > 1) return undefined;
  }
  return undefined;
}

/** Whether a paragraph heads the table after it: a heading style, or a priority or outcome named by its word or number. */
function isHeading(paragraph: { text: string; heading: boolean }): boolean {
  const text = paragraph.text.trim();
  if (text === '' || text.length > HEADING_LENGTH || statusKeyEntries(text) !== undefined) return false;
  return paragraph.heading || namesPriorityOrOutcome(text) || headingKind(text) !== 'theme';
}

/**
 * The headings above a table that head its rows: from the last one naming a priority by
 * its word or number (with the outcomes after it), else the last one; a document's title
 * above the first priority's heading is not a heading of its rows.
 */
function headingsInForce(headings: readonly string[]): string[] {
  for (let index = headings.length - 1; index >= 0; index--) if (headingKind(headings[index]) === 'priority') return headings.slice(index);
  return headings.slice(-1);
}

/** A table's rows as key lines ("Red - Delayed"), the key read from them when every row but a header is one. */
function keyOfTable(rows: readonly string[][]): IPrintedStatus[] {
  const lines = rows.map((cells) => filledCells(cells).join(' - ')).filter((line) => line !== '');
  const keyLines = lines.filter((line) => statusKeyEntries(line) !== undefined).length;
  return keyLines >= 2 && keyLines >= lines.length - 1 ? readStatusKey(lines) : [];
}

const GLOSSARY_HEADER = /\b(?:abbreviations?|acronyms?|terms?|glossary|roles?|titles?|posts?|meaning|definitions?|stands for|full (?:name|title)|description|name|post holder|key)\b/i;
/** An abbreviation as plans write them: "DCS", "SENCo", "PCF", "DoP", "CAMHS", "ICB/CCG". */
const ABBREVIATION = /^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z&/]{1,11}$/;

/** The entries of a glossary table: two columns of a term and what it stands for, headed so or with abbreviations down the first. */
function glossaryOf(rows: readonly string[][]): Array<{ term: string; meaning: string }> | undefined {
  const pairs = rows.map(filledCells).filter((cells) => cells.length > 0);
  if (pairs.length < 3 || pairs.some((cells) => cells.length > 2) || looksLikeHeader(rows[0])) return undefined;
  const headed = pairs[0].length === 2 && pairs[0].every((cell) => GLOSSARY_HEADER.test(cell));
  const body = headed ? pairs.slice(1) : pairs;
  const abbreviations = body.filter((cells) => cells.length === 2 && ABBREVIATION.test(cells[0])).length;
  if (!headed && abbreviations < body.length * 0.6) return undefined;
  return body.filter((cells) => cells.length === 2).map(([term, meaning]) => ({ term, meaning }));
}

function groupName(tables: readonly IPlanTable[]): string {
  const numbers = tables.map((table) => table.number);
  if (numbers.length === 1) return `Table ${numbers[0]}`;
  const consecutive = numbers.every((number, index) => index === 0 || number === numbers[index - 1] + 1);
  return consecutive ? `Tables ${numbers[0]}-${numbers[numbers.length - 1]}` : `Tables ${numbers.join(', ')}`;
}

function padded(cells: readonly string[], width: number): string[] {
  return cells.length >= width ? cells.slice() : cells.concat(new Array<string>(width - cells.length).fill(''));
}

/** A group's rows: title rows, its header, then each table's heading rows (or heading column) and rows. */
function sheetOf(group: IGroup, titles: readonly string[]): IDocumentSheet {
  const headerCells = group.header ?? [];
  // Headings go in as heading rows when the import reads each as a priority or outcome; else they fill a column of their own.
  const headings = group.tables.reduce<string[]>((all, table) => all.concat(table.headings), []);
  const hasPriorityColumn = headerCells.some((cell) => {
    const { target } = targetFromHeader(cell);
    return target.kind === 'field' && target.field === 'priority';
  });
  const asColumn = group.header !== undefined && !hasPriorityColumn && headings.some((heading) => headingKind(heading) === 'theme' && !namesPriorityOrOutcome(heading));
  const width = group.width + (asColumn ? 1 : 0);
  const rows: string[][] = [];
  const places: Array<ITableRowPlace | undefined> = [];
  const add = (cells: readonly string[], place: ITableRowPlace | undefined): void => {
    rows.push(padded(cells, width));
    places.push(place);
  };
  for (const title of titles) add([title], undefined);
  const first = group.tables[0];
  if (group.header) add(asColumn ? [...padded(headerCells, group.width), HEADING_COLUMN] : headerCells, { table: first.number, row: (first.headerRow ?? 0) + 1 });
  const signature = group.header ? signatureOf(group.header) : undefined;
  let heading = '';
  for (const table of group.tables) {
    if (table.headings.length > 0) heading = table.headings[table.headings.length - 1];
    if (!asColumn && table.ownHeadings) for (const text of table.headings) add([text], { table: table.number, row: 0 });
    table.rows.forEach((cells, index) => {
      if (table.headerRow !== undefined && index <= table.headerRow) return;
      if (isBlankRow(cells) || (signature !== undefined && signatureOf(cells) === signature)) return;
      const place = { table: table.number, row: index + 1 };
      // A lone cell is a heading row of the table's own ("Outcome 3.1 ..."): it keeps its place, with no priority beside it.
      if (asColumn && filledCells(cells).length > 1) add([...padded(cells, group.width), heading], place);
      else add(cells, place);
    });
  }
  return { name: groupName(group.tables), hidden: false, rows, places };
}

/**
 * The sheets a document's tables make, its printed status key and its glossaries (see
 * the module's comment for how tables are stitched and headings read).
 */
export function stitchDocument(blocks: readonly DocumentBlock[]): IStitchedDocument {
  const paragraphs = blocks.filter((block): block is Extract<DocumentBlock, { kind: 'paragraph' }> => block.kind === 'paragraph');
  let statusKey = readStatusKey(paragraphs.map((paragraph) => paragraph.text));
  const glossaries: IDocumentGlossary[] = [];
  const leftOut: IStitchedDocument['leftOut'] = [];
  const groups: IGroup[] = [];
  let opening: string[] = [];
  const title = paragraphs.find((paragraph) => paragraph.text.trim() !== '');
  let tableNumber = 0;
  let above: Array<{ text: string; heading: boolean }> = [];
  let headings: string[] = [];
  let previous: { group: IGroup; width: number } | undefined;

  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      if (tableNumber === 0 && block.text.trim() !== '' && block.text.length <= TITLE_LENGTH && opening.length < TITLE_ROWS) opening.push(block.text.trim());
      above.push(block);
      continue;
    }
    tableNumber += 1;
    // The document's first paragraph is its title, whatever its style, not the heading of the first table.
    const written = above.filter((paragraph) => paragraph !== title && isHeading(paragraph)).map((paragraph) => paragraph.text.trim());
    above = [];
    const rows = block.rows;
    const key = keyOfTable(rows);
    if (key.length > 0) {
      if (statusKey.length === 0) statusKey = key;
      leftOut.push({ table: tableNumber, kind: 'statusKey' });
      continue;
    }
    const glossary = glossaryOf(rows);
    if (glossary) {
      glossaries.push({ table: tableNumber, entries: glossary });
      leftOut.push({ table: tableNumber, kind: 'glossary' });
      continue;
    }
    const headerRow = headerRowOf(rows);
    const titleRows = headerRow === undefined ? [] : rows.slice(0, headerRow).map((cells) => filledCells(cells).join(' ')).filter((text) => text !== '');
    const own = headingsInForce(written.concat(titleRows));
    // The first plan table's heading heads its rows, not the plan: it is not a title row.
    if (groups.length === 0) opening = opening.filter((line) => own.indexOf(line) < 0);
    if (own.length > 0) headings = own;
    const width = rows.reduce((most, cells) => Math.max(most, cells.length), 0);
    const table: IPlanTable = { number: tableNumber, headerRow, rows, headings, ownHeadings: own.length > 0 };
    if (headerRow === undefined && previous && previous.width === width) {
      // No header of its own and the columns of the table before it: it goes on from that table.
      previous.group.tables.push(table);
      continue;
    }
    const signature = headerRow === undefined ? `#${tableNumber}` : signatureOf(rows[headerRow]);
    let group = groups.find((candidate) => candidate.signature === signature);
    if (!group) {
      group = { signature, header: headerRow === undefined ? undefined : rows[headerRow], width, tables: [] };
      groups.push(group);
    }
    group.width = Math.max(group.width, width);
    group.tables.push(table);
    previous = group.header ? { group, width } : undefined;
  }

  // The key stands among the title rows wherever the document prints it, as a spreadsheet's key stands above its table.
  const titles = opening.slice();
  if (statusKey.length > 0 && readStatusKey(titles).length === 0) titles.push(...statusKey.map((entry) => `${entry.label} - ${entry.description}`));
  const sheets = groups.map((group) => sheetOf(group, group.header ? titles : []));
  return { sheets, statusKey, glossaries, leftOut };
}

/** The table and row a sheet row (1-based, as problems number rows) came from, when the sheet was stitched from a document. */
export function tableRowPlace(sheet: ISheet, row: number): ITableRowPlace | undefined {
  const places = (sheet as Partial<IDocumentSheet>).places;
  return places ? places[row - 1] : undefined;
}
