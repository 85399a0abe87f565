/** Helpers for tests of the file readers. */
import { SpreadsheetFileError } from '../../src/formats/readSpreadsheet';

/** The error a read throws, for asserting its code and params; fails the test when the read succeeds. */
export async function readFailure(promise: Promise<unknown>): Promise<SpreadsheetFileError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SpreadsheetFileError) return error;
    throw error;
  }
  throw new Error('expected the read to fail');
}
