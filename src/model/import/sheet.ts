/**
 * A worksheet as the import reads it, whatever file it came from: each cell as the
 * person sees it in their spreadsheet (dates and percentages as displayed, merged cells
 * filled down), rows in sheet order with row 1 at index 0 so row numbers in every
 * message match the file.
 */
export interface ISheet {
  /** The sheet's name in the workbook; the file's name for a CSV. */
  name: string;
  /** Hidden in the workbook: not chosen by default. */
  hidden: boolean;
  rows: string[][];
}

/** Whether a row holds nothing but blanks. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
