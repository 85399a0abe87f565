/**
 * Turning a text file's bytes into text as the program that saved it meant: UTF-8
 * (with or without a byte-order mark), UTF-16 with its mark, or Windows-1252, which
 * Excel's "CSV (Comma delimited)" writes on a UK Windows machine.
 */
import { SpreadsheetFileError, TextEncodingName } from './spreadsheetFile';

/**
 * What Windows-1252 holds at 0x80-0x9F (£ ’ “ – and the rest sit here), where
 * ISO-8859-1 has control codes. Node's TextDecoder decodes 'windows-1252' as
 * ISO-8859-1, so these are mapped here rather than trusted to it; the five unused
 * bytes stay as their control codes, as the WHATWG encoding standard says.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]);
}

export interface IDecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * The text of a file, without its byte-order mark, and the encoding it was read in.
 *
 * @throws SpreadsheetFileError 'binary' (params [file name]) for bytes that are not
 * text: NUL bytes outside UTF-16
 */
export function decodeText(fileName: string, bytes: Uint8Array): IDecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.indexOf(0) >= 0) throw new SpreadsheetFileError('binary', [fileName], `${fileName} holds bytes that are not text, so it is not a CSV file.`);
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: a file saved as "CSV (Comma delimited)" by Excel on Windows.
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}
