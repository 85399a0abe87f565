/**
 * Reading CSV as spreadsheets save it (RFC 4180): quoted cells with commas, quotes
 * and line breaks inside, CRLF or LF, a byte-order mark, and a semicolon or tab
 * separator where the machine's locale chose one.
 */

export class CsvError extends Error {
  public constructor(
    message: string,
    /** The 1-based line the problem starts on. */
    public readonly line: number
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/** The separator the header line uses most: comma, semicolon or tab. */
export function detectSeparator(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((separator) => ({ separator, count: firstLine.split(separator).length - 1 }));
  return counts.reduce((best, candidate) => (candidate.count > best.count ? candidate : best)).separator;
}

/**
 * The rows of a CSV file as arrays of cells. Blank lines are kept as empty rows so
 * row numbers match what the person sees in their spreadsheet.
 *
 * @throws CsvError for a quote that is never closed
 */
export function parseCsv(text: string, separator: string = detectSeparator(text)): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteStartLine = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (quoted) {
      if (char === '"') {
        if (source[index + 1] === '"') {
          cell += '"';
          index++;
        } else {
          quoted = false;
        }
      } else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
      quoteStartLine = line;
    } else if (char === separator) {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      line++;
    } else {
      cell += char;
    }
  }
  if (quoted) throw new CsvError(`A quoted cell that starts on line ${quoteStartLine} is never closed.`, quoteStartLine);
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A cell as CSV writes it: quoted when it holds the separator, a quote or a line break. */
export function csvCell(value: string, separator: string = ','): string {
  return value.includes(separator) || /["\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV text, CRLF between rows as spreadsheets expect. */
export function formatCsv(rows: readonly (readonly string[])[], separator: string = ','): string {
  return rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join('\r\n');
}
