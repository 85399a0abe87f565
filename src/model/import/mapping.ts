/**
 * Which column holds what. Suggested from the headers councils actually write (with
 * extra words in brackets, a month after the word, the name of their status key) and
 * from the values under them (short status words, dates, refs, tag codes), edited by
 * the plan officer, and saved for the next import.
 */
import { IsoDate } from '../isoDate';
import { firmDate, parsePlanDate } from '../planDates';
import { isRef } from '../refs';
import { PRESET_SCHEMES, normaliseStatusText } from '../statusSchemes';
import { plainText } from './plainText';
import { isBlankRow } from './sheet';

export type ImportField =
  | 'ref'
  | 'action'
  | 'strategicLead'
  | 'responsibleOfficer'
  | 'deliveryPartners'
  | 'resources'
  | 'due'
  | 'revisedDue'
  | 'revisedDueReason'
  | 'start'
  | 'desiredImpact'
  | 'howWeWillKnow'
  | 'progress'
  | 'evidence'
  | 'status'
  | 'tags'
  | 'priority'
  | 'outcome'
  | 'theme';

/** What one column becomes. */
export type ColumnTarget =
  | { kind: 'field'; field: ImportField }
  /** A status column headed by a date ("Dec-19", "Status Jun 23"): status history at the end of that month. */
  | { kind: 'statusAt'; date: IsoDate }
  /** A progress column headed by a date ("Progress Nov 20"): its undated text is logged at that date. */
  | { kind: 'progressAt'; date: IsoDate }
  /** A column headed by a tag ("SEF"): a mark in it tags the action. */
  | { kind: 'tag'; tag: string }
  | { kind: 'ignore' };

export interface IColumnMapping {
  /** 0-based column index. */
  column: number;
  header: string;
  target: ColumnTarget;
}

/** A suggested mapping of one column, with what it is based on. */
export interface IColumnGuess extends IColumnMapping {
  /** How sure the suggestion is, 0 to 1: a header word alone, the values alone, or both agreeing. */
  confidence: number;
  /** A few values from the column, as the person checks the suggestion against them. */
  samples: string[];
}

/** Where the table starts and how each column is read. */
export interface ISheetAnalysis {
  /** 0-based index of the header row. */
  headerRow: number;
  columns: IColumnGuess[];
  /** Text of the rows above the header (the plan's title, its status key). */
  titleLines: string[];
}

/** Header words people use for each field, compared ignoring case, spacing, punctuation and words in brackets. */
const HEADERS: ReadonlyArray<[ImportField, string[]]> = [
  ['ref', ['ref', 'reference', 'ref no', 'action ref', 'action reference', 'no', 'number', 'action no', 'action number', 'id', 'item']],
  ['action', ['action', 'actions', 'actions designed to lead to improvement', 'what we will do', 'what will we do', 'actions activity', 'activity', 'activities', 'action description', 'key actions', 'task', 'tasks', 'actions we will take']],
  ['strategicLead', ['strategic lead', 'lead', 'lead officer', 'senior lead', 'senior responsible officer', 'sro', 'accountable lead', 'executive lead', 'lead person', 'strategic owner']],
  ['responsibleOfficer', ['responsible officer', 'responsible', 'action owner', 'owner', 'officer', 'who', 'responsible person', 'named officer', 'by whom', 'operational lead', 'action lead']],
  ['deliveryPartners', ['delivery partners', 'partners', 'delivery partner', 'key partners', 'partner agencies', 'with whom', 'supported by']],
  ['resources', ['resources', 'resource', 'resources cost and or time', 'cost', 'budget', 'funding', 'resource implications']],
  ['revisedDue', ['revised due', 'revised due date', 'revised date', 'revised by when', 'revised completion date', 'revised target date', 'new due date', 'revised timescale']],
  ['revisedDueReason', ['revised due reason', 'reason for revised date', 'reason for revision', 'reason for change', 'reason for revised due date']],
  ['due', ['by when', 'due date', 'completion date', 'due', 'deadline', 'target date', 'timescale', 'timescales', 'end date', 'target completion', 'target completion date', 'when', 'completion', 'by', 'date due', 'timeframe']],
  ['start', ['start date', 'start', 'start by', 'from', 'date started']],
  ['desiredImpact', ['desired impact', 'intended outcomes', 'intended outcome', 'impact', 'outcome sought', 'expected impact', 'expected outcome', 'expected outcomes', 'what difference will it make', 'difference it will make', 'intended impact']],
  ['howWeWillKnow', ['how will we know', 'how we will know', 'impact measures', 'success measures', 'outcome progress measures', 'measures', 'success criteria', 'measure of success', 'measures of success', 'how will we measure success', 'how we will measure success', 'how will success be measured', 'key performance indicators', 'kpis', 'kpi']],
  ['progress', ['progress update', 'progress updates', 'update', 'updates', 'commentary', 'progress to date', 'progress commentary', 'comments', 'narrative', 'latest update', 'progress notes', 'progress note', 'update on progress']],
  ['evidence', ['evidence', 'evidence links', 'evidence of impact', 'supporting evidence', 'evidence of progress', 'links', 'evidence link']],
  ['status', ['rag', 'status', 'progress', 'rag rating', 'rag status', 'progress rating', 'rating', 'brag', 'bragg', 'ragc', 'ragp', 'rag p', 'brag rating', 'brag status', 'delivery confidence', 'confidence', 'current status', 'overall status', 'current rag']],
  ['tags', ['tags', 'tag', 'links to', 'links to afi', 'links to afi sef', 'link to afi', 'afi link', 'inspection link', 'related afi', 'afi', 'afis', 'links to inspection']],
  ['priority', ['priority', 'priority area', 'area of concern', 'key concern', 'key concern workstreams', 'workstream', 'area for improvement', 'recommendation', 'area of weakness', 'improvement area']],
  ['outcome', ['outcome', 'outcomes', 'objective', 'objectives', 'aim', 'aims']],
  ['theme', ['theme', 'themes', 'sub theme']]
];

/** Fields whose values are a few words: a column of long sentences under such a header was probably shifted or misnamed. */
const SHORT_FIELDS: readonly ImportField[] = ['ref', 'status', 'due', 'start', 'revisedDue'];

/** Tags plans mark in their own columns or list in one. */
export const TAG_CODE = /^(?:SEF|DBV|WSOA|APP|AFI\s*\d*[a-z]?|AOC\s*\d*|KLOE\s*\d*|SEND\s*\d+)$/i;

/** Words a status is written in, whatever the scheme. */
const STATUS_WORDS = /\b(?:on track|off track|delayed|complete|completed|embedded|sustained|not started|not yet due|not due|at risk|some concerns|no concerns|red|amber|green|blue|grey|gray|rag|in progress|behind|achieved|overdue)\b/;

/** Header words compared as one: lowercase letters and digits, words in brackets dropped. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A month written inside a header ("Progress Jan 24", "Status Jun-23", "RAG rating Nov 20"), and the words left around it. */
function datedHeader(header: string): { date: IsoDate; words: string } | undefined {
  const text = plainText(header).replace(/\s+/g, ' ').trim();
  const whole = firmDate(parsePlanDate(text));
  if (whole && /\d/.test(text)) return { date: whole, words: '' };
  const month = /(?:^|[\s(])((?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[\s\-/']*(?:\d{4}|\d{2}))(?=$|[\s)])|(?:^|\s)(\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?=$|\s)/i.exec(text);
  if (!month) return undefined;
  const parsed = parsePlanDate(month[1] ?? month[2]);
  if ((parsed.kind !== 'date' && parsed.kind !== 'month') || !parsed.date) return undefined;
  return { date: parsed.date, words: normaliseHeader(text.replace(month[0], ' ')) };
}

/** The field a header's words name, and how closely: the whole header, its first words, or words inside it. */
function fieldByWords(words: string): { field: ImportField; score: number } | undefined {
  if (!words) return undefined;
  let best: { field: ImportField; score: number } | undefined;
  const consider = (field: ImportField, score: number): void => {
    if (!best || score > best.score) best = { field, score };
  };
  for (const [field, names] of HEADERS) {
    for (const name of names) {
      if (words === name) consider(field, 0.95);
      else if (name.length >= 3 && words.startsWith(`${name} `)) consider(field, 0.6 + Math.min(0.2, name.length / 100));
      else if (name.length >= 5 && ` ${words} `.indexOf(` ${name} `) >= 0) consider(field, 0.5 + Math.min(0.15, name.length / 100));
    }
  }
  return best;
}

/** The target a header alone suggests, with how sure it is; unknown headers are left out until the values or the officer say otherwise. */
export function targetFromHeader(header: string): { target: ColumnTarget; confidence: number } {
  const trimmed = plainText(header).trim();
  if (TAG_CODE.test(trimmed)) return { target: { kind: 'tag', tag: trimmed.toUpperCase().replace(/\s+/g, '') }, confidence: 0.8 };
  const dated = datedHeader(trimmed);
  if (dated) {
    const named = fieldByWords(dated.words);
    if (!dated.words || (named && named.field === 'status')) return { target: { kind: 'statusAt', date: dated.date }, confidence: dated.words ? 0.85 : 0.7 };
    if (named && named.field === 'progress') return { target: { kind: 'progressAt', date: dated.date }, confidence: 0.8 };
  }
  const named = fieldByWords(normaliseHeader(trimmed));
  return named ? { target: { kind: 'field', field: named.field }, confidence: named.score } : { target: { kind: 'ignore' }, confidence: 0 };
}

/** Status words of every preset scheme, for recognising a status column by its values. */
const KNOWN_STATUSES = new Set(PRESET_SCHEMES.reduce<string[]>((all, scheme) => all.concat(...scheme.labels.map((label) => [label.key, label.label, ...label.aliases])), []).map(normaliseStatusText));

/** Whether a value reads as a status: a label or alias of any preset, or a few words of a status scale. */
export function looksLikeStatus(value: string): boolean {
  const normal = normaliseStatusText(value);
  return KNOWN_STATUSES.has(normal) || (normal.length <= 40 && normal.split(' ').length <= 5 && STATUS_WORDS.test(normal));
}

function looksLikeTags(value: string): boolean {
  const parts = value.split(/[,;/\n]|\band\b/).map((part) => part.trim()).filter((part) => part !== '');
  return parts.length > 0 && parts.every((part) => TAG_CODE.test(part));
}

function looksLikeDate(value: string): boolean {
  const kind = parsePlanDate(value).kind;
  return kind === 'date' || kind === 'month' || kind === 'tbc' || kind === 'in-place' || kind === 'ongoing';
}

/** What the values under a header say about the column: the share of each kind of value. */
interface IColumnContent {
  count: number;
  refs: number;
  statuses: number;
  dates: number;
  tags: number;
  /** Average length of a value. */
  length: number;
  samples: string[];
}

/** Values read for the guess: enough to see the column's kind, few enough to stay fast on a huge sheet. */
const VALUES_READ = 200;

function readContent(rows: readonly (readonly string[])[], headerRow: number, column: number): IColumnContent {
  const content: IColumnContent = { count: 0, refs: 0, statuses: 0, dates: 0, tags: 0, length: 0, samples: [] };
  let total = 0;
  for (let index = headerRow + 1; index < rows.length && content.count < VALUES_READ; index++) {
    const value = plainText(rows[index][column] ?? '');
    if (!value) continue;
    content.count += 1;
    total += value.length;
    if (isRef(value)) content.refs += 1;
    if (looksLikeStatus(value)) content.statuses += 1;
    if (looksLikeDate(value)) content.dates += 1;
    if (looksLikeTags(value)) content.tags += 1;
    if (content.samples.length < 3 && content.samples.indexOf(value) < 0) content.samples.push(value.length > 60 ? `${value.slice(0, 59)}…` : value);
  }
  content.length = content.count > 0 ? total / content.count : 0;
  return content;
}

function share(part: number, content: IColumnContent): number {
  return content.count > 0 ? part / content.count : 0;
}

/** The header's suggestion weighed against the values under it. */
function guessColumn(header: string, content: IColumnContent): { target: ColumnTarget; confidence: number } {
  const byHeader = targetFromHeader(header);
  const { target } = byHeader;
  const statuses = share(content.statuses, content);
  if (content.count === 0) return { target, confidence: byHeader.confidence * 0.8 };
  if (target.kind === 'statusAt' || target.kind === 'progressAt') {
    // A dated column is status history when its values are status words, progress when they are sentences.
    if (statuses >= 0.6) return { target: { kind: 'statusAt', date: target.date }, confidence: Math.min(1, byHeader.confidence + 0.1) };
    if (content.length > 40 || statuses < 0.3) return { target: { kind: 'progressAt', date: target.date }, confidence: content.length > 40 ? 0.75 : 0.5 };
    return { target, confidence: byHeader.confidence * 0.7 };
  }
  if (target.kind === 'field') {
    const { field } = target;
    if ((field === 'status' || field === 'progress') && statuses >= 0.6) return { target: { kind: 'field', field: 'status' }, confidence: Math.min(1, byHeader.confidence + 0.1) };
    if ((field === 'status' || field === 'progress') && content.length > 40) return { target: { kind: 'field', field: 'progress' }, confidence: field === 'progress' ? byHeader.confidence : 0.6 };
    if ((field === 'ref' && share(content.refs, content) < 0.5) || (field === 'tags' && share(content.tags, content) < 0.5 && content.length > 40)) return byContent(content) ?? { target: { kind: 'ignore' }, confidence: 0.3 };
    const agrees =
      (field === 'ref' && share(content.refs, content) >= 0.8) ||
      ((field === 'due' || field === 'start' || field === 'revisedDue') && share(content.dates, content) >= 0.6) ||
      (field === 'tags' && share(content.tags, content) >= 0.6) ||
      (SHORT_FIELDS.indexOf(field) < 0 && content.length > 20);
    const disagrees = SHORT_FIELDS.indexOf(field) >= 0 && content.length > 80;
    return { target, confidence: Math.max(0.2, Math.min(1, byHeader.confidence + (agrees ? 0.1 : 0) - (disagrees ? 0.3 : 0))) };
  }
  if (target.kind === 'tag') return byHeader;
  return byContent(content) ?? byHeader;
}

/** With no header word to go on, the values alone suggest a field, and say so with a low confidence. */
function byContent(content: IColumnContent): { target: ColumnTarget; confidence: number } | undefined {
  if (share(content.refs, content) >= 0.9 && content.length <= 8) return { target: { kind: 'field', field: 'ref' }, confidence: 0.5 };
  if (share(content.statuses, content) >= 0.9) return { target: { kind: 'field', field: 'status' }, confidence: 0.5 };
  if (share(content.tags, content) >= 0.9) return { target: { kind: 'field', field: 'tags' }, confidence: 0.5 };
  return undefined;
}

/** Rows searched for the header: plans put a title, the status key and a few facts above it. */
const HEADER_SEARCH = 40;

/** How many distinct fields a row names, if it is a header row. */
function headerScore(cells: readonly string[]): number {
  const fields = new Set<string>();
  for (const cell of cells) {
    const { target, confidence } = targetFromHeader(cell);
    if (target.kind === 'field' && confidence >= 0.5) fields.add(target.field);
    if (target.kind === 'statusAt' || target.kind === 'progressAt') fields.add(target.kind);
  }
  return fields.size;
}

/** The index of the header row: among the first rows, the one naming most known columns (at least two). */
export function findHeaderRow(rows: readonly (readonly string[])[]): number | undefined {
  let best: { index: number; score: number } | undefined;
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH); index++) {
    const score = headerScore(rows[index]);
    if (score >= 2 && (!best || score > best.score)) best = { index, score };
  }
  return best?.index;
}

/** Whether a row repeats the header (as a table does after each page break in a document). */
export function looksLikeHeader(cells: readonly string[]): boolean {
  return headerScore(cells) >= 2;
}

/**
 * Finds the table in a sheet and suggests how each column is read, from its header
 * and the values under it. A saved mapping (from the last import) wins for the headers
 * it knows; a field goes to the column most sure of it. Undefined when no header row is found.
 */
export function analyseSheet(rows: readonly (readonly string[])[], saved: readonly IColumnMapping[] = []): ISheetAnalysis | undefined {
  const headerRow = findHeaderRow(rows);
  if (headerRow === undefined) return undefined;
  const headers = rows[headerRow].map((cell) => plainText(cell));
  const columns: IColumnGuess[] = headers.map((header, column) => {
    const content = readContent(rows, headerRow, column);
    const remembered = saved.find((entry) => normaliseHeader(entry.header) === normaliseHeader(header) && entry.header.trim() === header.trim());
    const guess = remembered ? { target: remembered.target, confidence: 1 } : guessColumn(header, content);
    return { column, header, target: guess.target, confidence: Math.round(guess.confidence * 100) / 100, samples: content.samples };
  });
  // One column per field: the surest keeps it, the others are left out for the officer to decide.
  const owner = new Map<ImportField, IColumnGuess>();
  for (const guess of columns) {
    if (guess.target.kind !== 'field') continue;
    const holder = owner.get(guess.target.field);
    if (!holder || guess.confidence > holder.confidence) {
      if (holder) holder.target = { kind: 'ignore' };
      owner.set(guess.target.field, guess);
    } else {
      guess.target = { kind: 'ignore' };
    }
  }
  const titleLines = rows
    .slice(0, headerRow)
    .filter((cells) => !isBlankRow(cells))
    .map((cells) => cells.map((cell) => plainText(cell)).filter((cell) => cell !== '').join(' '));
  return { headerRow, columns, titleLines };
}

/** "C" for column index 2, "AA" for 26: how the person finds the column in their spreadsheet. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
