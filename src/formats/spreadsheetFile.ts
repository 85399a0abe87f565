/**
 * What every reader of a spreadsheet file shares: the limits that refuse a runaway or
 * hostile file, the shape of what was read, and the one error a reader throws. Kept
 * apart from the readers so the light CSV path and the lazily loaded .xlsx reader
 * both use it without loading each other.
 */
import { columnLetter } from '../model/import/mapping';
import { ISheet } from '../model/import/sheet';

/** Limits that refuse a file before it exhausts memory or time. */
export interface IReadLimits {
  /** The file as uploaded. */
  maxFileBytes: number;
  /** All parts of an .xlsx unzipped, counted as they inflate. */
  maxUnzippedBytes: number;
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
}

/**
 * 50 MB is far above any plan (a 20,000-row plan is a few MB); 32,767 characters is
 * Excel's own limit for a cell; 1,000 columns is well above any plan yet far below
 * Excel's 16,384, which a hostile file could otherwise fill.
 */
export const DEFAULT_READ_LIMITS: IReadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxRows: 250000,
  maxColumns: 1000,
  maxCellChars: 32767
};

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A file as read: every sheet in workbook order (a CSV has one). */
export interface IWorkbookRead {
  format: 'csv' | 'xlsx';
  /** How a CSV's bytes were decoded. */
  encoding?: TextEncodingName;
  /** The separator a CSV uses. */
  separator?: ',' | ';' | '\t';
  sheets: ISheet[];
}

export type SpreadsheetErrorCode =
  | 'unknownType'
  | 'legacyExcel'
  | 'encrypted'
  | 'tooLarge'
  | 'notZip'
  | 'damaged'
  | 'unsupportedCompression'
  | 'zipBomb'
  | 'noWorksheet'
  | 'tooManyRows'
  | 'tooManyColumns'
  | 'cellTooLong'
  | 'unclosedQuote'
  | 'binary'
  | 'empty';

/** Where in a sheet a problem is, when it is in one place. */
export interface ISpreadsheetErrorPlace {
  sheet?: string;
  /** 1-based, as the spreadsheet numbers rows (a CSV's line for an unclosed quote). */
  row?: number;
  /** The column's letter ("C"). */
  column?: string;
}

/**
 * A file that cannot be read, as a code with parameters for the person's language
 * (see each reader for the parameters of each code). The message is English for
 * developers only.
 */
export class SpreadsheetFileError extends Error {
  public readonly code: SpreadsheetErrorCode;
  public readonly params: Array<string | number>;
  public readonly row?: number;
  public readonly column?: string;
  public readonly sheet?: string;

  public constructor(code: SpreadsheetErrorCode, params: Array<string | number>, message: string, place: ISpreadsheetErrorPlace = {}) {
    super(message);
    this.name = 'SpreadsheetFileError';
    this.code = code;
    this.params = params;
    this.row = place.row;
    this.column = place.column;
    this.sheet = place.sheet;
  }
}

/** The limits asked for, the defaults for any not given. */
export function readLimits(limits: Partial<IReadLimits> = {}): IReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...limits };
}

/**
 * Refuses a cell past the row or column limit, or longer than a cell may be, naming
 * the cell. `row` and `column` are 0-based; messages and params are 1-based and lettered.
 *
 * Params: tooManyRows [sheet, row number, max rows]; tooManyColumns [sheet, column
 * letter, max columns]; cellTooLong [cell ("C14"), sheet, length, max length].
 */
export function checkCell(sheet: string, row: number, column: number, value: string, limits: IReadLimits): void {
  if (row >= limits.maxRows) {
    throw new SpreadsheetFileError('tooManyRows', [sheet, row + 1, limits.maxRows], `Sheet "${sheet}" goes on to row ${row + 1}; at most ${limits.maxRows} rows are read.`, { sheet, row: row + 1 });
  }
  if (column >= limits.maxColumns) {
    const letter = columnLetter(column);
    throw new SpreadsheetFileError('tooManyColumns', [sheet, letter, limits.maxColumns], `Sheet "${sheet}" has a value in column ${letter}; at most ${limits.maxColumns} columns are read.`, {
      sheet,
      row: row + 1,
      column: letter
    });
  }
  if (value.length > limits.maxCellChars) {
    const letter = columnLetter(column);
    const cell = `${letter}${row + 1}`;
    throw new SpreadsheetFileError('cellTooLong', [cell, sheet, value.length, limits.maxCellChars], `Cell ${cell} on sheet "${sheet}" holds ${value.length} characters; at most ${limits.maxCellChars}.`, {
      sheet,
      row: row + 1,
      column: letter
    });
  }
}
