/**
 * Evidence files: the product's own limits on a file uploaded with an update, the names
 * SharePoint refuses, the folder each plan's files go in, and the title a link is shown by.
 * Problems leave as codes with parameters; the web part words them.
 */
import { IEvidenceLink, isWebAddress } from './plan';

/**
 * The largest evidence file the product uploads: 100 MB. SharePoint Online takes files of up
 * to 250 GB (support.microsoft.com, "Restrictions and limitations in OneDrive and SharePoint",
 * File upload size), but evidence is minutes, reports and screenshots: a file this large is
 * almost always a mistake (a video, a whole drive export), takes minutes over a council's
 * network, and is opened by board members on a phone.
 */
export const MAX_EVIDENCE_FILE_BYTES = 100 * 1024 * 1024;

/**
 * Files larger than this are sent in chunks of this size (PnPjs's default chunk): one
 * request each, so a slow connection loses one chunk rather than the whole file, and no
 * request nears SharePoint's 262,144,000-byte limit on a single message.
 */
export const UPLOAD_CHUNK_BYTES = 10 * 1024 * 1024;

/**
 * The longest path SharePoint Online allows for a file, in characters of the decoded
 * server-relative path (site, library, folders and name): 400 ("Restrictions and limitations
 * in OneDrive and SharePoint", File name and path lengths).
 */
export const MAX_PATH_CHARACTERS = 400;

/** Why a file cannot be uploaded as evidence. */
export type EvidenceFileProblem =
  | { code: 'empty' }
  | { code: 'tooLarge'; maxBytes: number }
  /** `characters`: the refused characters the name holds, each once, in order. */
  | { code: 'badCharacters'; characters: string }
  | { code: 'badEnds' }
  | { code: 'reservedName' }
  | { code: 'pathTooLong'; maxCharacters: number };

/**
 * Characters SharePoint Online refuses in a file name: `" * : < > ? / \ |`, and `#` and `%`,
 * which some tenants still refuse ("Restrictions and limitations in OneDrive and SharePoint",
 * Invalid characters: "Some organizations don't yet support # and % in names"), so the strict
 * reading refuses them everywhere. Control characters are refused as well.
 */
// eslint-disable-next-line no-control-regex
const REFUSED_CHARACTERS = /["*:<>?/\\|#%\u0000-\u001f]/g;

/**
 * Names SharePoint Online refuses whatever their extension (same page, Invalid file or folder
 * names): .lock, CON, PRN, AUX, NUL, COM0-COM9, LPT0-LPT9, desktop.ini, a name starting with
 * ~$, and _vti_ anywhere in it.
 */
const RESERVED_NAME = /^(?:\.lock|(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?|desktop\.ini|~\$.*|.*_vti_.*)$/i;

/** The folder a plan's evidence goes in, under the library's root: one per plan. */
export function evidenceFolderName(planId: number): string {
  return `plan-${planId}`;
}

/**
 * Whether a file may be uploaded as evidence, and if not, the first reason.
 *
 * @param file - the file's name and size in bytes, as the browser gives them
 * @param folderPath - the decoded server-relative path of the folder it goes in ("/sites/send/SEND Evidence/plan-3"); the path's length is checked only when it is known
 */
export function evidenceFileProblem(file: { name: string; size: number }, folderPath?: string): EvidenceFileProblem | undefined {
  if (file.size === 0) return { code: 'empty' };
  if (file.size > MAX_EVIDENCE_FILE_BYTES) return { code: 'tooLarge', maxBytes: MAX_EVIDENCE_FILE_BYTES };
  const refused = file.name.match(REFUSED_CHARACTERS);
  if (refused) return { code: 'badCharacters', characters: refused.filter((char, index) => refused.indexOf(char) === index).join(' ') };
  // Leading or trailing spaces are refused; so is a name starting or ending with a dot.
  if (file.name.trim() !== file.name || file.name === '' || /^\.|\.$/.test(file.name)) return { code: 'badEnds' };
  if (RESERVED_NAME.test(file.name)) return { code: 'reservedName' };
  if (folderPath !== undefined && `${folderPath}/${file.name}`.length > MAX_PATH_CHARACTERS) return { code: 'pathTooLong', maxCharacters: MAX_PATH_CHARACTERS };
  return undefined;
}

/**
 * A name no file in the folder has, so a second file of the same name keeps both:
 * "minutes.pdf", then "minutes (2).pdf", "minutes (3).pdf". Names compare without case, as
 * SharePoint's do.
 */
export function uniqueFileName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((existing) => existing.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  for (let copy = 2; ; copy++) {
    const candidate = `${stem} (${copy})${extension}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** `%`-decoding that keeps the text as it was where it does not decode. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The title a link is shown by: its description, unless that is only the address again (as
 * pasted links were saved), in which case a readable one made from the address: its host and
 * the last segment of its path, decoded ("intranet.example.gov.uk › SEND board minutes.pdf").
 * A link that is not a web address is titled by its description.
 */
export function evidenceLinkTitle(link: IEvidenceLink): string {
  const description = link.description.trim();
  if (description && description !== link.url.trim()) return description;
  if (!isWebAddress(link.url)) return description || link.url;
  const address = new URL(link.url.trim());
  const segment = address.pathname.split('/').filter(Boolean).pop();
  return segment ? `${address.host} › ${decoded(segment)}` : address.host;
}
