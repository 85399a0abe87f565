/**
 * Reading a CSV file as spreadsheets save it, with papaparse: quoted cells holding
 * separators, quotes and line breaks; CRLF, LF or CR line ends; a comma, semicolon or
 * tab separator (a locale's choice). Blank lines stay as empty rows so every row
 * number matches the spreadsheet.
 */
import { ParseResult, parse } from 'papaparse';
import { ISheet } from '../model/import/sheet';
import { decodeText } from './textDecode';
import { IReadLimits, IWorkbookRead, SpreadsheetFileError, checkCell } from './spreadsheetFile';

type CsvSeparator = ',' | ';' | '\t';
const SEPARATORS: readonly CsvSeparator[] = [',', ';', '\t'];
/** Rows looked at to choose the separator: past any title rows, into the table. */
const SEPARATOR_SAMPLE_ROWS = 50;

function parseRows(text: string, separator: CsvSeparator, preview?: number): ParseResult<string[]> {
  return parse<string[]>(text, { delimiter: separator, quoteChar: '"', escapeChar: '"', skipEmptyLines: false, header: false, preview });
}

/**
 * The separator most rows near the top agree on: each candidate splits the first rows,
 * and the one giving the most rows with the same number (above one) of cells wins. A
 * separator's count is the same on every row of a table, while commas in prose vary.
 */
export function detectSeparator(text: string): CsvSeparator {
  let best: { separator: CsvSeparator; rows: number; cells: number } = { separator: ',', rows: 0, cells: 0 };
  for (const separator of SEPARATORS) {
    const counts = new Map<number, number>();
    for (const row of parseRows(text, separator, SEPARATOR_SAMPLE_ROWS).data) {
      if (row.length > 1) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    }
    counts.forEach((rows, cells) => {
      if (rows > best.rows || (rows === best.rows && cells > best.cells)) best = { separator, rows, cells };
    });
  }
  return best.separator;
}

/** Our own export puts an apostrophe before a cell a spreadsheet would run as a formula; it is not part of the text. */
const NEUTRALISED = /^'[=+\-@\t\r]/;

/** The 1-based line a character is on. */
function lineOf(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/**
 * A CSV file as one sheet named after the file.
 *
 * @throws SpreadsheetFileError 'binary' [file name]; 'empty' [file name];
 * 'unclosedQuote' [file name, line] for a quoted cell never closed; and the cell
 * limits of `checkCell` with the file name as the sheet
 */
export function readCsv(fileName: string, bytes: Uint8Array, limits: IReadLimits): IWorkbookRead {
  const { text, encoding } = decodeText(fileName, bytes);
  if (text.trim() === '') throw new SpreadsheetFileError('empty', [fileName], `${fileName} is empty.`);
  const separator = detectSeparator(text);
  const result = parseRows(text, separator);
  const unclosed = result.errors.find((error) => error.code === 'MissingQuotes');
  if (unclosed) {
    const line = lineOf(text, unclosed.index ?? 0);
    throw new SpreadsheetFileError('unclosedQuote', [fileName, line], `A quoted cell that starts on line ${line} of ${fileName} is never closed.`, { sheet: fileName, row: line });
  }
  const rows = result.data;
  // The line break that ends the last row is not a row of its own.
  if (rows.length > 0 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  rows.forEach((row, rowIndex) => {
    row.forEach((cell, column) => {
      checkCell(fileName, rowIndex, column, cell, limits);
      if (NEUTRALISED.test(cell)) row[column] = cell.slice(1);
    });
  });
  const sheet: ISheet = { name: fileName, hidden: false, rows };
  return { format: 'csv', encoding, separator, sheets: [sheet] };
}

