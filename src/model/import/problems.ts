/**
 * What the import found wrong, as codes with parameters: the model never builds a
 * sentence. Components and the command line render each code through the loc strings
 * (`ImportProblem_<code>`), filling `{0}`, `{1}`... with `params`.
 */

/** Where and how bad: 1-based row as the spreadsheet numbers it (0 for the file as a whole). */
export interface IImportProblem<Code extends string = string> {
  row: number;
  /** The column letter ("D"), when the problem is in one cell. */
  column?: string;
  /** The column's heading in the file. */
  header?: string;
  /** The value found, as written. */
  value?: string;
  code: Code;
  params: Array<string | number>;
  /** An error rejects the row (or the file, on row 0); a warning imports it and asks for a check. */
  severity: 'error' | 'warning';
}
