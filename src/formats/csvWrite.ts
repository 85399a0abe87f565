/**
 * Writing rows as CSV that spreadsheets open safely: a cell a spreadsheet would run
 * as a formula (starting = + - @, or a tab or carriage return) gets a leading
 * apostrophe, as OWASP advises against CSV injection; the CSV reader takes it off again.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as CSV writes it: neutralised if a spreadsheet would run it, quoted when it holds the separator, a quote, a line break or edge spaces. */
export function csvCell(value: string, separator: string = ','): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text, CRLF between rows as spreadsheets expect. */
export function formatCsv(rows: readonly (readonly string[])[], separator: string = ','): string {
  return rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join('\r\n');
}
