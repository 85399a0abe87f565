/**
 * A KPI scorecard sheet as councils write it: a KPI per row, with its unit, baseline,
 * milestone targets (by date, "Milestone 3 – Mar 24", or by months from the plan's
 * start, "6 months") and actuals by date ("Actual Mar 24"), read into the plan's KPIs,
 * milestones and measurements. Values are read as the person sees them ("60%",
 * "12 weeks", "1.17% (projected end of year)"); what cannot be read is reported by row
 * and column, never guessed.
 */
import { IsoDate, addMonths, endOfMonth } from '../isoDate';
import { IKpi, IMeasurement, IMilestone, KpiDirection, MilestoneDue } from '../kpi';
import { firmDate, parsePlanDate } from '../planDates';
import { columnLetter, normaliseHeader } from './mapping';
import { IImportProblem } from './problems';

/**
 * What the KPI import reports, each rendered through the loc string `ImportProblem_<code>`:
 * - kpiNoName (error): the row has values but no KPI name. Params: none.
 * - kpiTextTooLong (error): a name, ref, unit or action refs cell is longer than SharePoint's single line of text. Params: [the limit].
 * - kpiDuplicate (error): the same KPI (ref and name) as an earlier row; this row is not imported. Params: [earlier row].
 * - kpiDuplicateRef (warning): the same ref as an earlier row with another name; both are imported, matched on re-import by name. Params: [ref, earlier row].
 * - kpiRefChanged (warning): the KPI was matched to the plan's by name, and its ref will change. Params: [ref in the plan, ref in the file].
 * - kpiValueNotNumber (warning): an actual that is not a number; nothing is recorded for that date. Params: [value].
 * - kpiActualNoDate (warning): an actual in a column with no date and no date in brackets; not recorded. Params: [value].
 * - kpiMilestoneNoDate (warning): a target in a column with no date or months and no date beside it; not saved as a milestone. Params: [value].
 * - kpiMeasurementDuplicate (warning): a second actual for the same month; the first (in column {1}) is kept. Params: [date, column of the kept one].
 * - kpiUnitMismatch (warning): a value's unit differs from the KPI's. Params: [KPI's unit, value's unit].
 * - kpiDirectionUnreadable (warning): the "better is" cell is neither higher nor lower. Params: [value].
 * - kpiDirectionAssumedLower (warning): no direction given; lower is better, from a word in the name. Params: [the word].
 * - kpiDirectionAssumedHigher (warning): no direction given; higher is assumed. Params: none.
 * - kpiBaselineDateUnreadable (warning): the baseline date cell is not a date. Params: [value].
 * - kpiNoteDateUnreadable (warning): the progress note's date cell is not a date; the note is dated by its heading's date, else the import's. Params: [value].
 * - kpiHeadingSkipped (warning): a row with text in one cell only, read as a heading and not as a KPI. Params: [text].
 */
export type KpiProblemCode =
  | 'kpiNoName'
  | 'kpiTextTooLong'
  | 'kpiDuplicate'
  | 'kpiDuplicateRef'
  | 'kpiRefChanged'
  | 'kpiValueNotNumber'
  | 'kpiActualNoDate'
  | 'kpiMilestoneNoDate'
  | 'kpiMeasurementDuplicate'
  | 'kpiUnitMismatch'
  | 'kpiDirectionUnreadable'
  | 'kpiDirectionAssumedLower'
  | 'kpiDirectionAssumedHigher'
  | 'kpiBaselineDateUnreadable'
  | 'kpiNoteDateUnreadable'
  | 'kpiHeadingSkipped';

/** What a column of a scorecard holds. */
export type KpiColumnKind =
  | 'ref'
  | 'name'
  | 'unit'
  | 'direction'
  | 'baseline'
  | 'baselineDate'
  | 'milestone'
  | 'targetDate'
  | 'actual'
  | 'note'
  | 'noteDate'
  | 'actionRefs'
  | 'ignore';

export interface IKpiColumn {
  /** 0-based column index. */
  column: number;
  /** The heading as written (two header rows are joined: "Milestone 1 – Sep 23 Actual"). */
  header: string;
  readAs: KpiColumnKind;
  /** The month end or day the header names, for baseline, milestone, actual and note columns. */
  date?: IsoDate;
  /** For milestone columns headed "6 months": months from the plan's start. */
  monthsFromStart?: number;
}

export interface IKpiSheetAnalysis {
  /** 0-based index of the (last) header row; data starts on the next row. */
  headerRow: number;
  columns: IKpiColumn[];
}

export interface IImportedMilestone {
  /** The column's heading: "Milestone 3 – Mar 24", "6 months". */
  label: string;
  /** The target as written. */
  text: string;
  /** When it falls: from the header, a date beside the value, or months from the plan's start. */
  date?: IsoDate;
  monthsFromStart?: number;
  /** Numeric target, when the cell is a number ("75%"); text targets are checkpoints. */
  target?: number;
}

export interface IImportedMeasurement {
  /** Period end: the month end the column names. */
  date: IsoDate;
  value: number;
  /** The cell as written. */
  text: string;
  /** Words in brackets after the value ("projected end of year"). */
  note?: string;
}

export interface IImportedKpi {
  /** 1-based row, as the spreadsheet numbers it. */
  row: number;
  ref: string;
  name: string;
  unit: string;
  direction: KpiDirection;
  /** The baseline as written, its number when it is one, and its date when known. */
  baseline: { text: string; value?: number; date?: IsoDate };
  milestones: IImportedMilestone[];
  measurements: IImportedMeasurement[];
  /** The progress note or commentary, when the sheet has one. */
  progressNote?: string;
  /** The day the sheet says the note was written: its date column, else the note column's heading. */
  progressNoteDate?: IsoDate;
  /** The actions the KPI measures, as written ("5.1.1 to 5.1.4"). */
  actionRefs?: string;
  change: 'create' | 'update' | 'unchanged';
}

/** SharePoint's single line of text: the KPI's title, ref, unit and action refs. */
export const KPI_TEXT_MAX = 255;

/** How many rows from the top a header row is looked for (title rows, a key, notes). */
const HEADER_SEARCH_ROWS = 50;

const REF_HEADERS = ['ref', 'reference', 'ref no', 'kpi ref', 'kpi reference', 'kpi no', 'kpi number', 'kpi id', 'measure ref', 'indicator ref', 'no', 'number', 'id'];
const NAME_HEADERS = [
  'kpi',
  'kpis',
  'kpi name',
  'kpi description',
  'kpi title',
  'measure',
  'measures',
  'measure description',
  'indicator',
  'indicators',
  'performance measure',
  'performance measures',
  'performance indicator',
  'performance indicators',
  'key performance indicator',
  'key performance indicators',
  'metric',
  'description',
  'what we will measure',
  'kpi measure'
];
const UNIT_HEADERS = ['unit', 'units', 'unit of measure', 'measure unit', 'format'];
const DIRECTION_HEADERS = ['better is', 'direction', 'polarity', 'good is', 'higher or lower is better', 'is higher better', 'desired direction', 'aim'];
const NOTE_HEADERS = ['progress', 'progress note', 'progress update', 'commentary', 'comments', 'comment', 'notes', 'note', 'narrative', 'update', 'latest update'];
const NOTE_DATE_HEADERS = [
  'note date',
  'progress note date',
  'progress date',
  'update date',
  'progress update date',
  'date of update',
  'date updated',
  'last updated',
  'commentary date',
  'comment date',
  'date of note',
  'date of commentary'
];
const ACTION_REF_HEADERS = ['actions', 'action', 'action refs', 'action ref', 'linked actions', 'related actions', 'plan actions', 'link to actions'];
const TARGET_DATE_HEADERS = ['target date', 'target due', 'date for target', 'by when', 'due date'];
/** Columns a scorecard computes or that the import does not read. */
const IGNORED_HEADERS = ['rag', 'status', 'rag status', 'direction of travel', 'dot', 'trend'];

const ACTUAL_WORDS = /\b(?:actuals?|outturn|achieved|performance|position|current|latest)\b/;
const MILESTONE_WORDS = /\b(?:milestones?|targets?|trajector(?:y|ies)|ambition|goal)\b/;
/** Words around a date in a heading that add nothing to it. */
const HEADING_FILLER = /\b(?:milestones?|targets?|trajector(?:y|ies)|ambition|goal|actuals?|outturn|achieved|performance|position|current|latest|baseline|as at|at|by|end of|data|figure|value)\b/g;
const MONTHS_AFTER = /(\d{1,2})\s*-?\s*months?\b/;
const MONTH_NUMBER = /\bmonth\s*(\d{1,2})\b/;
const LEADING_INDEX = /^\d{1,2}(?:\s*[-:.)]\s*|\s+)/;

/** Header text with its spacing, dashes and brackets tidied, lower case. */
function tidyHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[–—]/g, '-')
    .replace(/[()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Trims the separators a heading leaves around a date ("- Sep 23:"). */
function trimSeparators(text: string): string {
  return text.replace(/^[\s\-:,.]+|[\s\-:,]+$/g, '');
}

/** A quarter of a financial year, as public bodies report: "Q4 2022/23" is January to March 2023. */
const FINANCIAL_QUARTER = /^q([1-4])\s*(?:of\s+)?(?:fy\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/i;

/** A date (month end for a month or a financial quarter) from text that is exactly one date. */
function exactDate(text: string): IsoDate | undefined {
  const quarter = FINANCIAL_QUARTER.exec(text.trim());
  if (quarter) {
    const [year, month] = [Number(quarter[2]), 3 + 3 * Number(quarter[1])];
    return month > 12 ? endOfMonth(year + 1, month - 12) : endOfMonth(year, month);
  }
  const firm = firmDate(parsePlanDate(text));
  return firm && /\d/.test(text) ? firm : undefined;
}

/** The date a heading names once its keywords are removed; a milestone's number ("Milestone 1 – Sep 23") is not a day. */
function headingDate(tidy: string): IsoDate | undefined {
  const rest = trimSeparators(tidy.replace(HEADING_FILLER, ' ').replace(/\s+/g, ' '));
  if (!rest) return undefined;
  const numbered = /\bmilestones?\b/.test(tidy);
  const withoutIndex = trimSeparators(rest.replace(LEADING_INDEX, ''));
  return numbered && withoutIndex ? exactDate(withoutIndex) ?? exactDate(rest) : exactDate(rest) ?? (withoutIndex ? exactDate(withoutIndex) : undefined);
}

/** The day a note heading names after its words: "Progress update – Feb 24", "Commentary (as at 12 March 2024)". */
function noteHeadingDate(tidy: string): IsoDate | undefined {
  for (const words of NOTE_HEADERS) {
    const rest = tidy.slice(words.length);
    const date = tidy.startsWith(words) && /^[^a-z]/.test(rest) ? headingDate(rest) : undefined;
    if (date) return date;
  }
  return undefined;
}

function monthsInHeading(tidy: string): number | undefined {
  const match = MONTHS_AFTER.exec(tidy) ?? MONTH_NUMBER.exec(tidy);
  return match ? Number(match[1]) : undefined;
}

/** What a heading says its column holds. */
export function classifyKpiHeader(header: string): Omit<IKpiColumn, 'column' | 'header'> {
  const tidy = tidyHeader(header);
  const words = normaliseHeader(header);
  if (!words) return { readAs: 'ignore' };
  if (REF_HEADERS.indexOf(words) >= 0 || tidy === '#') return { readAs: 'ref' };
  if (IGNORED_HEADERS.indexOf(words) >= 0) return { readAs: 'ignore' };
  if (/^baseline\b/.test(words)) {
    const date = headingDate(tidy);
    if (date) return { readAs: 'baseline', date };
    return { readAs: /^baseline (?:date|as at|period)$/.test(words) ? 'baselineDate' : 'baseline' };
  }
  if (DIRECTION_HEADERS.indexOf(words) >= 0 || /\bbetter\b/.test(words)) return { readAs: 'direction' };
  if (UNIT_HEADERS.indexOf(words) >= 0) return { readAs: 'unit' };
  // Before the plain note headings, which ignore words in brackets: "Commentary (as at 12 March 2024)".
  const noteDate = noteHeadingDate(tidy);
  if (noteDate) return { readAs: 'note', date: noteDate };
  if (NOTE_HEADERS.indexOf(words) >= 0) return { readAs: 'note' };
  if (NOTE_DATE_HEADERS.indexOf(words) >= 0) return { readAs: 'noteDate' };
  if (ACTION_REF_HEADERS.indexOf(words) >= 0) return { readAs: 'actionRefs' };
  if (TARGET_DATE_HEADERS.indexOf(words) >= 0) return { readAs: 'targetDate' };
  if (NAME_HEADERS.indexOf(words) >= 0) return { readAs: 'name' };
  if (ACTUAL_WORDS.test(words) && !/^(?:performance|key performance) (?:measures?|indicators?)$/.test(words)) {
    const date = headingDate(tidy);
    return date ? { readAs: 'actual', date } : { readAs: 'actual' };
  }
  const months = monthsInHeading(tidy);
  if (MILESTONE_WORDS.test(words) || months !== undefined) {
    const date = headingDate(tidy.replace(MONTHS_AFTER, ' ').replace(MONTH_NUMBER, ' '));
    if (date) return { readAs: 'milestone', date };
    return months !== undefined ? { readAs: 'milestone', monthsFromStart: months } : { readAs: 'milestone' };
  }
  // A bare month heading ("Mar-24") in a scorecard is that month's actual.
  const date = exactDate(tidy);
  return date ? { readAs: 'actual', date } : { readAs: 'ignore' };
}

const SUB_HEADING = /^(?:targets?|actuals?|milestones?|trajectory|outturn)$/i;

/** The headings of a header row, joined with a second row of "Target" / "Actual" under grouped headings. */
function joinedHeaders(top: readonly string[], below: readonly string[] | undefined): { headers: string[]; rows: number } {
  const subHeadings = (below ?? []).filter((cell) => SUB_HEADING.test(cell.trim())).length;
  if (!below || subHeadings < 2) return { headers: top.map((cell) => cell.trim()), rows: 1 };
  const headers: string[] = [];
  let group = '';
  const width = Math.max(top.length, below.length);
  for (let column = 0; column < width; column++) {
    const upper = (top[column] ?? '').trim();
    const lower = (below[column] ?? '').trim();
    // A merged group heading spans the cells to its right that are blank in the top row.
    if (upper) group = upper;
    const above = upper || (lower ? group : '');
    headers.push([above, lower].filter(Boolean).join(' '));
  }
  return { headers, rows: 2 };
}

/** Reads baseline date columns by their content: a column of dates gives the baseline's date, otherwise it is the baseline. */
function settleBaselineColumns(columns: IKpiColumn[], rows: readonly (readonly string[])[], from: number): void {
  for (const column of columns) {
    if (column.readAs !== 'baselineDate') continue;
    const values = rows.slice(from).map((cells) => (cells[column.column] ?? '').trim()).filter(Boolean);
    if (values.length > 0 && values.some((value) => !exactDate(value))) column.readAs = 'baseline';
  }
}

/**
 * Finds a KPI table in a sheet (title rows above allowed): the first row, within the
 * first 50, that heads a KPI name column and a baseline, milestone or actual column.
 * Undefined when the sheet is not a scorecard.
 */
export function analyseKpiSheet(rows: readonly (readonly string[])[]): IKpiSheetAnalysis | undefined {
  const last = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < last; index++) {
    const { headers, rows: headerRows } = joinedHeaders(rows[index], rows[index + 1]);
    const columns = headers.map((header, column) => ({ column, header, ...classifyKpiHeader(header) }));
    const has = (kind: KpiColumnKind): boolean => columns.some((column) => column.readAs === kind);
    if (has('name') && (has('baseline') || has('milestone') || has('actual') || has('baselineDate'))) {
      const headerRow = index + headerRows - 1;
      // Each kind of single-valued column is read from its first column; later ones are shown as not read.
      const seen = new Set<KpiColumnKind>();
      for (const column of columns) {
        if (['ref', 'name', 'unit', 'direction', 'baselineDate', 'targetDate', 'note', 'noteDate', 'actionRefs'].indexOf(column.readAs) < 0) continue;
        if (seen.has(column.readAs)) column.readAs = 'ignore';
        else seen.add(column.readAs);
      }
      settleBaselineColumns(columns, rows, headerRow + 1);
      return { headerRow, columns };
    }
  }
  return undefined;
}

/** A value as the person wrote it: its number, unit, the words in brackets after it, and a date among them. */
export interface IKpiValue {
  value?: number;
  unit?: string;
  note?: string;
  date?: IsoDate;
  /** The words in brackets as written, date or not. */
  aside?: string;
  /** Written with "<", "over", "at least"...: fine for a target, not an exact actual. */
  bound?: boolean;
}

const NUMBER_WITH_UNIT = /^(?:(<=|>=|≤|≥|<|>|at least|at most|over|under|below|above|more than|less than|no more than|no less than)\s*)?([+\-−]?)\s*[£$€]?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*(%|per ?cent|working (?:days|weeks)|[a-z]+)?\.?$/i;
const IN_BRACKETS = /^(.*?)\s*\(([^()]*)\)\s*$/;

function unitOf(written: string | undefined): string | undefined {
  if (!written) return undefined;
  return /^(?:%|per ?cent)$/i.test(written) ? '%' : written;
}

/** Reads a cell: "60%", "12 weeks", "60% (Mar 23)", "1.17% (projected end of year)", "≥ 95%". */
export function readKpiValue(text: string): IKpiValue {
  const written = text.replace(/\s+/g, ' ').trim();
  const bracketed = IN_BRACKETS.exec(written);
  const main = bracketed ? bracketed[1] : written;
  const aside = bracketed ? bracketed[2].trim() : undefined;
  const match = NUMBER_WITH_UNIT.exec(main);
  if (!match) return {};
  const negative = match[2] === '-' || match[2] === '−';
  const value = Number(`${negative ? '-' : ''}${match[3].replace(/,/g, '')}`);
  const date = aside ? exactDate(aside) : undefined;
  const read: IKpiValue = { value };
  if (aside) read.aside = aside;
  const unit = unitOf(match[4]);
  if (unit) read.unit = unit;
  if (date) read.date = date;
  else if (aside) read.note = aside;
  if (match[1]) read.bound = true;
  return read;
}

/** Words that make a measure one where lower is better; "within 20 weeks" is a timeliness rate, where higher is. */
const LOWER_IS_BETTER = /\b(wait(?:s|ing)?|weeks|days|exclusions?|excluded|suspensions?|backlogs?|delays?|overdue|complaints?|tribunals?|appeals?|absences?|absent|neet)\b/i;

/** The word in a KPI's name that says lower is better, if any. */
export function lowerIsBetterWord(name: string): string | undefined {
  const match = LOWER_IS_BETTER.exec(name.replace(/\bwithin\s+\d+\s+(?:working\s+)?(?:weeks|days)\b/gi, ''));
  return match ? match[1] : undefined;
}

function readDirection(text: string): KpiDirection | undefined {
  const words = normaliseHeader(text);
  if (/^(?:higher|high|up|increase|increasing|more|bigger|maximise|maximize)(?: is better)?$/.test(words) || /^[↑▲]$/.test(text.trim())) return 'higher';
  if (/^(?:lower|low|down|decrease|decreasing|less|fewer|smaller|minimise|minimize)(?: is better)?$/.test(words) || /^[↓▼]$/.test(text.trim())) return 'lower';
  return undefined;
}

/** Whether a value's unit is the KPI's: "weeks" and "week", "%" and "% of pupils with an EHC plan". */
function sameUnit(kpiUnit: string, valueUnit: string): boolean {
  const plain = (unit: string): string => unit.toLowerCase().replace(/s$/, '');
  return plain(kpiUnit) === plain(valueUnit) || kpiUnit.toLowerCase().startsWith(`${valueUnit.toLowerCase()} `);
}

/** A name as matched: case and spacing ignored. */
function nameKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Groups items by a key, keeping their order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * The plan's KPI each imported one updates: by ref (preferring the same name when refs
 * repeat), else by name; each of the plan's KPIs is matched once. Undefined: a new KPI.
 */
export function matchKpis(imported: ReadonlyArray<{ ref: string; name: string }>, existing: readonly IKpi[]): Array<IKpi | undefined> {
  const used = new Set<IKpi>();
  const withRef = groupBy(existing, (kpi) => kpi.ref);
  const withName = groupBy(existing, (kpi) => nameKey(kpi.title));
  const unused = (candidates: readonly IKpi[] | undefined): IKpi[] => (candidates ?? []).filter((candidate) => !used.has(candidate));
  const byRef = imported.map((kpi) => {
    if (!kpi.ref) return undefined;
    const candidates = unused(withRef.get(kpi.ref));
    const found = candidates.find((candidate) => nameKey(candidate.title) === nameKey(kpi.name)) ?? candidates[0];
    if (found) used.add(found);
    return found;
  });
  return byRef.map((found, index) => {
    if (found) return found;
    const [byName] = unused(withName.get(nameKey(imported[index].name)));
    if (byName) used.add(byName);
    return byName;
  });
}

function milestoneDue(milestone: IImportedMilestone): MilestoneDue | undefined {
  if (milestone.monthsFromStart !== undefined) return { monthsFromStart: milestone.monthsFromStart };
  return milestone.date ? { date: milestone.date } : undefined;
}

/** The same due date: equal, or (with the plan's start) in the same month, whether by date or by months from the start. */
function sameDue(a: MilestoneDue, b: MilestoneDue, planStart: IsoDate | undefined): boolean {
  if ('date' in a && 'date' in b) return a.date === b.date;
  if ('monthsFromStart' in a && 'monthsFromStart' in b) return a.monthsFromStart === b.monthsFromStart;
  return planStart !== undefined && dueOrder(a, planStart).slice(0, 7) === dueOrder(b, planStart).slice(0, 7);
}

function dueOrder(due: MilestoneDue, planStart: IsoDate | undefined): string {
  if ('date' in due) return due.date;
  return planStart ? addMonths(planStart, due.monthsFromStart) : `~${String(due.monthsFromStart).padStart(4, '0')}`;
}

/**
 * The KPI's milestones after the import: each imported one replaces the plan's milestone
 * due at the same time (keeping whether it was marked met), the plan's others stay, in
 * order of date. Milestones without a date are not kept (they were reported).
 */
export function mergeMilestones(existing: readonly IMilestone[], imported: readonly IImportedMilestone[], planStart?: IsoDate): IMilestone[] {
  const merged = [...existing];
  for (const milestone of imported) {
    const due = milestoneDue(milestone);
    if (!due) continue;
    const at = merged.findIndex((candidate) => sameDue(candidate.due, due, planStart));
    const kept = at >= 0 ? { met: merged[at].met, metDate: merged[at].metDate, metNote: merged[at].metNote } : {};
    const next: IMilestone = { ...kept, label: milestone.label, due, text: milestone.text, target: milestone.target };
    if (at >= 0) merged[at] = next;
    else merged.push(next);
  }
  return merged
    .map((milestone, index) => ({ milestone, index, order: dueOrder(milestone.due, planStart) }))
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.index - b.index))
    .map(({ milestone }) => milestone);
}

/** The KPI's own fields as the import leaves them (what the writer writes), given the plan's KPI it updates. */
export type IKpiFields = Pick<IKpi, 'ref' | 'title' | 'unit' | 'direction' | 'baselineValue' | 'baselineDate' | 'baselineText' | 'milestones' | 'progressNote' | 'progressNoteDate' | 'actionRefs'>;

/**
 * The note the KPI keeps and its date: the plan's (with its date) when the file has none;
 * else the file's, dated as the file says (never after the import: a month-only date
 * means the month's end), else the day of the import. The plan's own words keep the
 * earliest date known for them, so a re-run of the same sheet writes nothing.
 */
function importedNote(kpi: IImportedKpi, existing: IKpi | undefined, importDate: IsoDate | undefined): Pick<IKpi, 'progressNote' | 'progressNoteDate'> {
  if (kpi.progressNote === undefined) return { progressNote: existing?.progressNote, progressNoteDate: existing?.progressNoteDate };
  const fileDate = importDate !== undefined && kpi.progressNoteDate !== undefined && kpi.progressNoteDate > importDate ? importDate : kpi.progressNoteDate;
  if (existing?.progressNote !== kpi.progressNote) return { progressNote: kpi.progressNote, progressNoteDate: fileDate ?? importDate };
  const known = [fileDate, existing.progressNoteDate].filter((date): date is IsoDate => date !== undefined).sort();
  return { progressNote: kpi.progressNote, progressNoteDate: known[0] };
}

/**
 * What the KPI will hold after the import: the file's values, and the plan's where the file left a cell blank.
 *
 * @param importDate - the day of the import, the date of a new or changed note the file does not date
 */
export function importedKpiFields(kpi: IImportedKpi, existing: IKpi | undefined, planStart?: IsoDate, importDate?: IsoDate): IKpiFields {
  const hasBaseline = kpi.baseline.text !== '';
  return {
    ref: kpi.ref || existing?.ref || '',
    title: kpi.name,
    unit: kpi.unit || existing?.unit || '',
    direction: kpi.direction,
    baselineValue: hasBaseline ? kpi.baseline.value : existing?.baselineValue,
    baselineDate: kpi.baseline.date ?? existing?.baselineDate,
    baselineText: hasBaseline ? kpi.baseline.text : existing?.baselineText,
    milestones: mergeMilestones(existing?.milestones ?? [], kpi.milestones, planStart),
    ...importedNote(kpi, existing, importDate),
    actionRefs: kpi.actionRefs ?? existing?.actionRefs
  };
}

/** Whether the import changes any of the KPI's own fields. */
export function kpiFieldsDiffer(fields: IKpiFields, existing: IKpi): boolean {
  const milestone = (m: IMilestone): string => JSON.stringify([m.label, m.due, m.text, m.target, m.met, m.metDate, m.metNote]);
  return (
    fields.ref !== existing.ref ||
    fields.title !== existing.title ||
    fields.unit !== existing.unit ||
    fields.direction !== existing.direction ||
    fields.baselineValue !== existing.baselineValue ||
    fields.baselineDate !== existing.baselineDate ||
    (fields.baselineText ?? '') !== (existing.baselineText ?? '') ||
    (fields.progressNote ?? '') !== (existing.progressNote ?? '') ||
    fields.progressNoteDate !== existing.progressNoteDate ||
    (fields.actionRefs ?? '') !== (existing.actionRefs ?? '') ||
    fields.milestones.map(milestone).join('\n') !== existing.milestones.map(milestone).join('\n')
  );
}

/**
 * The measurements to write: new periods to add, and the plan's measurements whose
 * value (or note, when the file gives one) the file changes. Periods the file does not
 * mention stay as they are.
 */
export function measurementChanges(
  imported: readonly IImportedMeasurement[],
  existing: readonly IMeasurement[]
): { add: IMeasurement[]; update: Array<{ current: IMeasurement; next: IMeasurement }> } {
  const byPeriod = new Map(existing.map((measurement) => [measurement.periodEnd, measurement]));
  const add: IMeasurement[] = [];
  const update: Array<{ current: IMeasurement; next: IMeasurement }> = [];
  for (const measurement of imported) {
    const current = byPeriod.get(measurement.date);
    const note = measurement.note ?? current?.note;
    if (!current) add.push({ periodEnd: measurement.date, value: measurement.value, note });
    else if (current.value !== measurement.value || (current.note ?? '') !== (note ?? '')) update.push({ current, next: { ...current, value: measurement.value, note } });
  }
  return { add, update };
}

type Problem = IImportProblem<KpiProblemCode>;

/** The row's cells of one kind, with their columns. */
function cellsOf(cells: readonly string[], columns: readonly IKpiColumn[], kind: KpiColumnKind): Array<{ column: IKpiColumn; text: string }> {
  return columns.filter((column) => column.readAs === kind).map((column) => ({ column, text: (cells[column.column] ?? '').replace(/\s+/g, ' ').trim() }));
}

function singleCell(cells: readonly string[], columns: readonly IKpiColumn[], kind: KpiColumnKind): { column?: IKpiColumn; text: string } {
  return cellsOf(cells, columns, kind)[0] ?? { text: '' };
}

const HEADING_WORDS = /^(?:priority|area|key concern|workstream|outcome|section|theme|domain)\b|:$/i;

/**
 * Reads every KPI row, compares it with the plan's KPIs (matched by ref, else by name)
 * and reports problems by row and column. Rows with an error are left out and listed
 * in `rejectedRows`; warnings import the row and ask for a check.
 *
 * @param planStart - the plan's start, to date "6 months" milestones
 */
export function planKpiImport(
  rows: readonly (readonly string[])[],
  analysis: IKpiSheetAnalysis,
  existing: readonly IKpi[],
  planStart?: IsoDate
): { kpis: IImportedKpi[]; problems: Problem[]; rejectedRows: number[] } {
  const problems: Problem[] = [];
  const rejected = new Set<number>();
  const { columns } = analysis;
  const report = (row: number, column: IKpiColumn | undefined, value: string | undefined, code: KpiProblemCode, params: Array<string | number>, severity: 'error' | 'warning' = 'warning'): void => {
    problems.push({ row, column: column ? columnLetter(column.column) : undefined, header: column?.header, value, code, params, severity });
    if (severity === 'error') rejected.add(row);
  };
  const headerCells = columns.map((column) => normaliseHeader(column.header));
  const nameColumn = columns.find((column) => column.readAs === 'name');
  const firstColumn = columns.find((column) => column.readAs !== 'ignore');
  const read: IImportedKpi[] = [];
  /** Whether each KPI read had a readable "better is" cell. */
  const directionGiven: boolean[] = [];
  const firstRowOfRef = new Map<string, number>();
  const readByName = new Map<string, IImportedKpi[]>();

  for (let index = analysis.headerRow + 1; index < rows.length; index++) {
    const cells = rows[index];
    const row = index + 1;
    const filled = columns.filter((column) => column.readAs !== 'ignore' && (cells[column.column] ?? '').trim() !== '');
    if (filled.length === 0) continue;
    // A header repeated on each printed page.
    if (columns.every((column, at) => normaliseHeader(cells[column.column] ?? '') === headerCells[at])) continue;
    const name = singleCell(cells, columns, 'name').text;
    if (filled.length === 1) {
      const only = filled[0];
      const text = (cells[only.column] ?? '').trim();
      // Text alone in the table's first column ("Priority 5: Quality of EHC plans"), or a heading's words alone in the name column.
      const heading = only === nameColumn ? HEADING_WORDS.test(text) : (only === firstColumn || only.readAs === 'ref') && /[a-z]\s+\S/i.test(text);
      if (heading) {
        report(row, only, text, 'kpiHeadingSkipped', [text]);
        continue;
      }
    }
    if (!name) {
      report(row, nameColumn, undefined, 'kpiNoName', [], 'error');
      continue;
    }
    const ref = singleCell(cells, columns, 'ref').text;
    for (const kind of ['name', 'ref', 'unit', 'actionRefs'] as KpiColumnKind[]) {
      const cell = singleCell(cells, columns, kind);
      if (cell.text.length > KPI_TEXT_MAX) report(row, cell.column, cell.text, 'kpiTextTooLong', [KPI_TEXT_MAX], 'error');
    }
    if (rejected.has(row)) continue;
    // The same name is the same KPI unless both rows give it different refs.
    const sameKpi = (readByName.get(nameKey(name)) ?? []).find((kpi) => kpi.ref === ref || !ref || !kpi.ref);
    if (sameKpi) {
      report(row, nameColumn, name, 'kpiDuplicate', [sameKpi.row], 'error');
      continue;
    }
    const earlierWithRef = ref ? firstRowOfRef.get(ref) : undefined;
    if (earlierWithRef !== undefined) report(row, singleCell(cells, columns, 'ref').column, ref, 'kpiDuplicateRef', [ref, earlierWithRef]);
    else if (ref) firstRowOfRef.set(ref, row);

    const units: Array<{ unit: string; column: IKpiColumn; text: string }> = [];
    const noteUnit = (value: IKpiValue, column: IKpiColumn, text: string): void => {
      if (value.unit) units.push({ unit: value.unit, column, text });
    };

    // Baseline: its value and unit, a date beside it, in its heading or in a date column.
    const baselineCell = singleCell(cells, columns, 'baseline');
    const baselineValue = readKpiValue(baselineCell.text);
    if (baselineCell.column) noteUnit(baselineValue, baselineCell.column, baselineCell.text);
    const baselineDateCell = singleCell(cells, columns, 'baselineDate');
    let baselineDate = baselineValue.date ?? baselineCell.column?.date;
    if (baselineDateCell.text) {
      const date = exactDate(baselineDateCell.text);
      if (date) baselineDate = date;
      else report(row, baselineDateCell.column, baselineDateCell.text, 'kpiBaselineDateUnreadable', [baselineDateCell.text]);
    }
    const baseline: IImportedKpi['baseline'] = { text: baselineCell.text };
    if (baselineValue.value !== undefined) baseline.value = baselineValue.value;
    if (baselineDate) baseline.date = baselineDate;

    // Milestones: dated by their heading, by a date beside the value, by the row's target date, or by months from the start.
    const targetDate = exactDate(singleCell(cells, columns, 'targetDate').text);
    const milestones: IImportedMilestone[] = [];
    for (const { column, text } of cellsOf(cells, columns, 'milestone')) {
      if (!text) continue;
      const value = readKpiValue(text);
      noteUnit(value, column, text);
      const milestone: IImportedMilestone = { label: column.header, text };
      const date = column.date ?? value.date ?? (column.monthsFromStart === undefined ? targetDate : undefined);
      if (column.monthsFromStart !== undefined) {
        milestone.monthsFromStart = column.monthsFromStart;
        if (planStart) milestone.date = addMonths(planStart, column.monthsFromStart);
      } else if (date) {
        milestone.date = date;
      } else {
        report(row, column, text, 'kpiMilestoneNoDate', [text]);
        continue;
      }
      if (value.value !== undefined) milestone.target = value.value;
      milestones.push(milestone);
    }

    // Actuals: a number for the month its column names (or the date beside it); anything else is reported.
    const measurements: IImportedMeasurement[] = [];
    const measuredIn = new Map<IsoDate, IKpiColumn>();
    for (const { column, text } of cellsOf(cells, columns, 'actual')) {
      if (!text || /^[-–—]$/.test(text)) continue;
      const value = readKpiValue(text);
      if (value.value === undefined || value.bound) {
        report(row, column, text, 'kpiValueNotNumber', [text]);
        continue;
      }
      noteUnit(value, column, text);
      const date = column.date ?? value.date;
      if (!date) {
        report(row, column, text, 'kpiActualNoDate', [text]);
        continue;
      }
      const keptIn = measuredIn.get(date);
      if (keptIn) {
        report(row, column, text, 'kpiMeasurementDuplicate', [date, columnLetter(keptIn.column)]);
        continue;
      }
      measuredIn.set(date, column);
      // In a dated column, whatever is in brackets (a date too) is the value's note.
      const note = column.date ? value.aside : value.note;
      const measurement: IImportedMeasurement = { date, value: value.value, text };
      if (note) measurement.note = note;
      measurements.push(measurement);
    }
    measurements.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

    // Unit: the Unit column's, else the values' own; a value in another unit is reported.
    const unitCell = singleCell(cells, columns, 'unit');
    const unit = unitOf(unitCell.text) ?? units[0]?.unit ?? '';
    const reportedUnits = new Set<string>();
    for (const found of units) {
      if (unit && !sameUnit(unit, found.unit) && !reportedUnits.has(found.unit)) {
        reportedUnits.add(found.unit);
        report(row, found.column, found.text, 'kpiUnitMismatch', [unit, found.unit]);
      }
    }

    const kpi: IImportedKpi = { row, ref, name, unit, direction: 'higher', baseline, milestones, measurements, change: 'create' };
    const noteCell = singleCell(cells, columns, 'note');
    if (noteCell.text) {
      kpi.progressNote = noteCell.text;
      const noteDateCell = singleCell(cells, columns, 'noteDate');
      const writtenOn = noteDateCell.text ? exactDate(noteDateCell.text) : undefined;
      if (noteDateCell.text && !writtenOn) report(row, noteDateCell.column, noteDateCell.text, 'kpiNoteDateUnreadable', [noteDateCell.text]);
      const noteDate = writtenOn ?? noteCell.column?.date;
      if (noteDate) kpi.progressNoteDate = noteDate;
    }
    const actionRefs = singleCell(cells, columns, 'actionRefs').text;
    if (actionRefs) kpi.actionRefs = actionRefs;
    const directionCell = singleCell(cells, columns, 'direction');
    const direction = directionCell.text ? readDirection(directionCell.text) : undefined;
    if (direction) kpi.direction = direction;
    else if (directionCell.text) report(row, directionCell.column, directionCell.text, 'kpiDirectionUnreadable', [directionCell.text]);
    read.push(kpi);
    const sameName = readByName.get(nameKey(name));
    if (sameName) sameName.push(kpi);
    else readByName.set(nameKey(name), [kpi]);
    directionGiven.push(direction !== undefined);
  }

  // Compare with the plan: the direction the plan already holds wins over a guess from the name.
  const matches = matchKpis(read, existing);
  read.forEach((kpi, at) => {
    const current = matches[at];
    if (!directionGiven[at]) {
      const cell = singleCell(rows[kpi.row - 1], columns, 'direction');
      if (current) {
        kpi.direction = current.direction;
      } else {
        const word = lowerIsBetterWord(kpi.name);
        kpi.direction = word ? 'lower' : 'higher';
        if (word) report(kpi.row, cell.column ?? nameColumn, kpi.name, 'kpiDirectionAssumedLower', [word]);
        else report(kpi.row, cell.column ?? nameColumn, kpi.name, 'kpiDirectionAssumedHigher', []);
      }
    }
    if (!current) return;
    if (kpi.ref && current.ref && current.ref !== kpi.ref) report(kpi.row, columns.find((column) => column.readAs === 'ref'), kpi.ref, 'kpiRefChanged', [current.ref, kpi.ref]);
    const fields = importedKpiFields(kpi, current, planStart);
    const measured = measurementChanges(kpi.measurements, current.measurements);
    kpi.change = kpiFieldsDiffer(fields, current) || measured.add.length > 0 || measured.update.length > 0 ? 'update' : 'unchanged';
  });

  // By row, then column as the spreadsheet orders them (Z before AA).
  const columnOrder = (problem: Problem): string => (problem.column ?? '').padStart(3, ' ');
  problems.sort((a, b) => a.row - b.row || (columnOrder(a) < columnOrder(b) ? -1 : columnOrder(a) > columnOrder(b) ? 1 : 0));
  return { kpis: read, problems, rejectedRows: [...rejected].sort((a, b) => a - b) };
}

/** The KPI as the command line's `--json` prints it (dates ISO or null). */
export interface IKpiJson {
  row: number;
  ref: string;
  name: string;
  unit: string;
  direction: KpiDirection;
  change: IImportedKpi['change'];
  // eslint-disable-next-line @rushstack/no-new-null -- JSON for scripts: a missing value is null.
  baseline: { text: string; value: number | null; date: IsoDate | null };
  // eslint-disable-next-line @rushstack/no-new-null -- JSON for scripts: a missing value is null.
  milestones: Array<{ label: string; text: string; date: IsoDate | null; monthsFromStart: number | null; target: number | null }>;
  measurements: Array<{ date: IsoDate; value: number; text: string }>;
}

/** The `--json` shape of an imported KPI. */
export function kpiJson(kpi: IImportedKpi): IKpiJson {
  /* eslint-disable @rushstack/no-new-null -- JSON for scripts: a missing value is null. */
  return {
    row: kpi.row,
    ref: kpi.ref,
    name: kpi.name,
    unit: kpi.unit,
    direction: kpi.direction,
    change: kpi.change,
    baseline: { text: kpi.baseline.text, value: kpi.baseline.value ?? null, date: kpi.baseline.date ?? null },
    milestones: kpi.milestones.map((milestone) => ({
      label: milestone.label,
      text: milestone.text,
      date: milestone.date ?? null,
      monthsFromStart: milestone.monthsFromStart ?? null,
      target: milestone.target ?? null
    })),
    measurements: kpi.measurements.map((measurement) => ({ date: measurement.date, value: measurement.value, text: measurement.text }))
  };
  /* eslint-enable @rushstack/no-new-null */
}
