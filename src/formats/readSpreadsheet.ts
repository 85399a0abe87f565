/**
 * The one door for a plan's file, whatever software saved it: CSV (and .tsv, .txt) in
 * any encoding a spreadsheet writes, Excel workbooks (.xlsx, .xlsm) and Word documents
 * (.docx, whose tables are stitched into sheets). The file's content decides, its name
 * only breaks a tie, so a workbook renamed .csv still reads. The .xlsx and .docx
 * readers and their libraries are loaded only when such a file arrives, keeping them
 * out of the web part's first download.
 */
import { readCsv } from './csvRead';
import type { IDocumentRead } from './docxRead';
import { IReadLimits, IWorkbookRead, SpreadsheetFileError, readLimits } from './spreadsheetFile';

export { DEFAULT_READ_LIMITS, SpreadsheetFileError } from './spreadsheetFile';
export type { IReadLimits, IWorkbookRead, SpreadsheetErrorCode, TextEncodingName } from './spreadsheetFile';
export type { IDocumentRead } from './docxRead';

/** A file as read: a spreadsheet's sheets, or a document's tables stitched into sheets. */
export type IFileRead = IWorkbookRead | IDocumentRead;

const TEXT_EXTENSIONS = ['csv', 'tsv', 'txt', 'tab', ''];
const WORKBOOK_EXTENSIONS = ['xlsx', 'xlsm', 'xltx', 'xltm'];
const DOCUMENT_EXTENSIONS = ['docx', 'docm', 'dotx', 'dotm'];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** A compound (OLE) file's directory names its streams in UTF-16; an encrypted workbook has one called EncryptedPackage. */
function hasStream(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let index = 0; index < name.length; index++) pattern[index * 2] = name.charCodeAt(index);
  for (let at = bytes.indexOf(pattern[0]); at >= 0 && at + pattern.length <= bytes.length; at = bytes.indexOf(pattern[0], at + 1)) {
    let matched = true;
    for (let index = 1; index < pattern.length && matched; index++) matched = bytes[at + index] === pattern[index];
    if (matched) return true;
  }
  return false;
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 || dot < fileName.lastIndexOf('/') ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * Every sheet of a .csv / .tsv / .txt (CSV) or .xlsx / .xlsm file, as the person sees it;
 * a .docx's tables as sheets (`readDocx`).
 *
 * Error codes and their params: unknownType [file name, extension]; legacyExcel
 * [file name]; encrypted [file name]; tooLarge [file name, size in MB, max MB];
 * empty [file name]; damaged [file name] for a file named .docx that is not a zip;
 * and those of the CSV, .xlsx and .docx readers (`readCsv`, `readXlsxWorkbook`, `readDocx`).
 *
 * @throws SpreadsheetFileError for any file that cannot be read, never another error
 */
export async function readSpreadsheet(fileName: string, bytes: Uint8Array, limits?: Partial<IReadLimits>): Promise<IFileRead> {
  const limitsInForce = readLimits(limits);
  if (bytes.length > limitsInForce.maxFileBytes) {
    const megabytes = (size: number): number => Math.ceil((size / (1024 * 1024)) * 10) / 10;
    throw new SpreadsheetFileError('tooLarge', [fileName, megabytes(bytes.length), megabytes(limitsInForce.maxFileBytes)], `${fileName} is ${bytes.length} bytes; at most ${limitsInForce.maxFileBytes} are read.`);
  }
  if (bytes.length === 0) throw new SpreadsheetFileError('empty', [fileName], `${fileName} is empty.`);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (hasStream(bytes, 'EncryptedPackage')) throw new SpreadsheetFileError('encrypted', [fileName], `${fileName} is a password-protected workbook.`);
    throw new SpreadsheetFileError('legacyExcel', [fileName], `${fileName} is an Excel 97-2003 workbook (.xls).`);
  }
  const extension = extensionOf(fileName);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const [{ ZipArchive }, docx] = await Promise.all([import(/* webpackChunkName: 'spreadsheet-reader' */ './zipRead'), import(/* webpackChunkName: 'spreadsheet-reader' */ './docxRead')]);
    if (docx.isWordDocument(new ZipArchive(fileName, bytes, limitsInForce.maxUnzippedBytes))) return docx.readDocx(fileName, bytes, limitsInForce);
    const { readXlsxWorkbook } = await import(/* webpackChunkName: 'spreadsheet-reader' */ './xlsxReader');
    return readXlsxWorkbook(fileName, bytes, limitsInForce);
  }
  if (DOCUMENT_EXTENSIONS.indexOf(extension) >= 0) throw new SpreadsheetFileError('damaged', [fileName], `${fileName} is named as a Word document but is not one (it is not a zip archive).`);
  if (WORKBOOK_EXTENSIONS.indexOf(extension) >= 0) throw new SpreadsheetFileError('notZip', [fileName], `${fileName} is named as a workbook but is not one (it is not a zip archive).`);
  if (extension === 'xls') throw new SpreadsheetFileError('legacyExcel', [fileName], `${fileName} is named as an Excel 97-2003 workbook (.xls).`);
  if (TEXT_EXTENSIONS.indexOf(extension) < 0) throw new SpreadsheetFileError('unknownType', [fileName, extension], `${fileName} is not a CSV or Excel file.`);
  return readCsv(fileName, bytes, limitsInForce);
}
