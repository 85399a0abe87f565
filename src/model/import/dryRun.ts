/**
 * The import's dry run: every row with what it will create or update, and every
 * problem with its row, column and the value found. Nothing is written from here;
 * the writer takes this plan only after the person confirms it.
 */
import { IsoDate } from '../isoDate';
import { IAction, IEvidenceLink, IOutcome, IPriorityArea, assigneeName } from '../plan';
import { IPlanDate, parsePlanDate } from '../planDates';
import { isRef } from '../refs';
import { IStatusScheme, matchStatus } from '../statusSchemes';
import { IColumnMapping, ImportField, columnLetter, looksLikeHeader } from './mapping';
import { plainText } from './plainText';
import { IDatedText, splitDatedText } from './progressText';

export interface IImportContext {
  scheme: IStatusScheme;
  priorities: readonly IPriorityArea[];
  outcomes: readonly IOutcome[];
  /** The plan's actions now, matched to rows by ref. */
  actions: readonly IAction[];
}

export interface IImportProblem {
  /** 1-based, as the spreadsheet numbers rows; 0 for the file as a whole. */
  row: number;
  /** "D (By When)". */
  column?: string;
  value?: string;
  message: string;
  severity: 'error' | 'warning';
}

export type RowChange = 'create' | 'update' | 'unchanged';

export interface IImportedAction {
  row: number;
  ref: string;
  change: RowChange;
  /** The priority's number, existing or to be created. */
  priority: string;
  outcome?: string;
  text: string;
  theme?: string;
  strategicLead?: string;
  responsibleOfficer?: string;
  deliveryPartners: string[];
  resources?: string;
  due: IPlanDate;
  start: IPlanDate;
  desiredImpact?: string;
  howWeWillKnow?: string;
  tags: string[];
  evidence: IEvidenceLink[];
  /** Label key of the current status. */
  status?: string;
  /** Status history from date-headed status columns, oldest first. */
  history: Array<{ date: IsoDate; status: string }>;
  /** Progress entries from the progress column. */
  updates: IDatedText[];
}

export interface IImportPlan {
  actions: IImportedAction[];
  newPriorities: Array<{ number: string; title: string }>;
  newOutcomes: Array<{ priority: string; number: string; title: string }>;
  problems: IImportProblem[];
  /** Rows not imported because of an error. */
  rejectedRows: number[];
}

/** The index of the header row: the first row naming at least two known columns. */
export function findHeaderRow(rows: readonly (readonly string[])[]): number | undefined {
  const index = rows.findIndex((cells) => looksLikeHeader(cells.map(plainText)));
  return index >= 0 ? index : undefined;
}

const TAG_LIKE = /^(SEF|DBV|AFI\s*\d*|WSOA|APP)$/i;
const MARK_FALSE = /^(no|n|false|x?\s*)$/i;

/** Leading number of a priority or outcome name: "3", "Priority 3", "3: THE VARIATION", "3.2 Timely". */
function leadingNumber(text: string): string | undefined {
  const match = /^(?:priority|area|outcome|key concern)?\s*(\d+(?:\.\d+)*)\b/i.exec(text.trim());
  return match ? match[1] : undefined;
}

function fileProblem(message: string): IImportPlan {
  return { actions: [], newPriorities: [], newOutcomes: [], problems: [{ row: 0, message, severity: 'error' }], rejectedRows: [] };
}

/** A dry run under way: rows are checked a range at a time, then the plan is read off. */
interface IImportRun {
  process: (from: number, to: number) => void;
  result: () => IImportPlan;
}

function startImport(rows: readonly (readonly string[])[], mapping: readonly IColumnMapping[], headerRow: number, context: IImportContext): IImportRun | IImportPlan {
  if (rows.every((cells) => cells.every((cell) => cell.trim() === ''))) return fileProblem('The file is empty.');
  const fieldColumn = new Map<ImportField, IColumnMapping>();
  for (const entry of mapping) if (entry.target.kind === 'field') fieldColumn.set(entry.target.field, entry);
  if (!fieldColumn.has('ref')) return fileProblem('No column is mapped to Ref: the import matches actions by their reference, so it needs one.');
  if (!fieldColumn.has('action')) return fileProblem('No column is mapped to Action.');

  const problems: IImportProblem[] = [];
  const rejected = new Set<number>();
  const where = (entry: IColumnMapping): string => `${columnLetter(entry.column)} (${entry.header})`;
  const problem = (row: number, entry: IColumnMapping | undefined, value: string | undefined, message: string, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ row, column: entry ? where(entry) : undefined, value, message, severity });
    if (severity === 'error') rejected.add(row);
  };

  const priorities = context.priorities.map((priority) => ({ number: priority.number, title: priority.title }));
  const outcomes = context.outcomes.map((outcome) => ({ priority: context.priorities.find((p) => p.id === outcome.priorityId)?.number ?? '', number: outcome.number, title: outcome.title }));
  const newPriorities: IImportPlan['newPriorities'] = [];
  const newOutcomes: IImportPlan['newOutcomes'] = [];
  const existingByRef = new Map(context.actions.map((action) => [action.ref, action]));
  const firstRowOfRef = new Map<string, number>();
  const actions: IImportedAction[] = [];

  const resolvePriority = (name: string): string => {
    const number = leadingNumber(name);
    const found = priorities.find((priority) => (number !== undefined && priority.number === number) || priority.title.toLowerCase() === name.toLowerCase());
    if (found) return found.number;
    const next = number ?? String(priorities.reduce((max, priority) => Math.max(max, Number(priority.number) || 0), 0) + 1);
    const title = name.replace(/^(?:priority|area|key concern)?\s*\d+(?:\.\d+)*\s*[:.\-–]?\s*/i, '').trim() || name;
    priorities.push({ number: next, title });
    newPriorities.push({ number: next, title });
    return next;
  };
  const resolveOutcome = (priority: string, name: string): string => {
    const number = leadingNumber(name);
    const own = outcomes.filter((outcome) => outcome.priority === priority);
    const found = own.find((outcome) => (number !== undefined && outcome.number === number) || outcome.title.toLowerCase() === name.toLowerCase());
    if (found) return found.number;
    const next = number ?? `${priority}.${own.length + 1}`;
    const title = name.replace(/^(?:outcome)?\s*\d+(?:\.\d+)*\s*[:.\-–]?\s*/i, '').trim() || name;
    outcomes.push({ priority, number: next, title });
    newOutcomes.push({ priority, number: next, title });
    return next;
  };

  const process = (from: number, to: number): void => {
    for (let index = from; index < to; index++) {
      const cells = rows[index];
      const row = index + 1;
      if (cells.every((cell) => cell.trim() === '')) continue;
      const cell = (field: ImportField): string => {
        const entry = fieldColumn.get(field);
        return entry ? plainText(cells[entry.column] ?? '') : '';
      };
      const column = (field: ImportField): IColumnMapping | undefined => fieldColumn.get(field);

      const ref = cell('ref');
      if (!ref) {
        problem(row, column('ref'), '', 'This row has no reference, so it cannot be matched to an action.');
        continue;
      }
      if (!isRef(ref)) {
        problem(row, column('ref'), ref, `"${ref.length > 40 ? `${ref.slice(0, 40)}…` : ref}" is not a reference such as 3.1.2 or J2: cells may have shifted into the wrong columns.`);
        continue;
      }
      const earlier = firstRowOfRef.get(ref);
      if (earlier !== undefined) {
        problem(row, column('ref'), ref, `Reference ${ref} is also on row ${earlier}: each action must appear once.`);
        continue;
      }
      firstRowOfRef.set(ref, row);
      const existing = existingByRef.get(ref);

      const text = cell('action');
      if (!text && !existing) problem(row, column('action'), '', 'A new action needs its text.');

      const dateOf = (field: 'due' | 'start'): IPlanDate => {
        const written = cell(field);
        const parsed = parsePlanDate(written);
        if (parsed.kind === 'unknown') {
          const shifted = TAG_LIKE.test(written) || matchStatus(context.scheme, written).ok;
          problem(
            row,
            column(field),
            written,
            shifted ? `"${written}" is not a date; it looks like a tag or a status: cells may have shifted into the wrong columns.` : `"${written}" is kept as written, with no date derived: ${parsed.reason ?? ''}`,
            shifted ? 'error' : 'warning'
          );
        }
        return parsed;
      };
      const due = dateOf('due');
      const start = dateOf('start');

      let status: string | undefined;
      const writtenStatus = cell('status');
      if (writtenStatus) {
        const matched = matchStatus(context.scheme, writtenStatus);
        if (matched.ok) status = matched.label.key;
        else if (writtenStatus.split(/\s+/).length >= 4) problem(row, column('status'), writtenStatus, 'A sentence in the status column: cells may have shifted into the wrong columns.');
        else problem(row, column('status'), writtenStatus, matched.error);
      }

      const history: IImportedAction['history'] = [];
      const tags = cell('tags')
        .split(/[;,\n]/)
        .map((tag) => tag.replace(/^-\s*/, '').trim())
        .filter((tag) => tag.length > 0);
      for (const entry of mapping) {
        const value = plainText(cells[entry.column] ?? '');
        if (entry.target.kind === 'statusAt' && value) {
          const matched = matchStatus(context.scheme, value);
          if (matched.ok) history.push({ date: entry.target.date, status: matched.label.key });
          else problem(row, entry, value, matched.error);
        }
        if (entry.target.kind === 'tag' && value && !MARK_FALSE.test(value) && tags.indexOf(entry.target.tag) < 0) tags.push(entry.target.tag);
      }
      history.sort((a, b) => (a.date < b.date ? -1 : 1));

      let priority: string | undefined;
      const priorityName = cell('priority');
      if (priorityName) priority = resolvePriority(priorityName);
      else priority = context.priorities.find((candidate) => ref.split('.')[0] === candidate.number)?.number ?? (existing ? context.priorities.find((candidate) => candidate.id === existing.priorityId)?.number : undefined);
      if (!priority) {
        problem(row, column('priority'), priorityName, `No priority area for ${ref}: map a Priority column, or use references that start with a priority's number.`);
        continue;
      }
      const outcomeName = cell('outcome');
      const outcome = outcomeName ? resolveOutcome(priority, outcomeName) : outcomes.find((candidate) => candidate.priority === priority && ref.startsWith(`${candidate.number}.`))?.number;

      const evidence = (cell('evidence').match(/https?:\/\/[^\s<>"]+/g) ?? []).map((url) => ({ url, description: url }));
      const imported: IImportedAction = {
        row,
        ref,
        change: 'create',
        priority,
        outcome,
        text: text || existing?.text || '',
        theme: cell('theme') || undefined,
        strategicLead: cell('strategicLead') || undefined,
        responsibleOfficer: cell('responsibleOfficer') || undefined,
        deliveryPartners: cell('deliveryPartners')
          .split(/[;\n]/)
          .map((partner) => partner.replace(/^-\s*/, '').trim())
          .filter((partner) => partner.length > 0),
        resources: cell('resources') || undefined,
        due,
        start,
        desiredImpact: cell('desiredImpact') || undefined,
        howWeWillKnow: cell('howWeWillKnow') || undefined,
        tags,
        evidence,
        status: status ?? history[history.length - 1]?.status,
        history,
        updates: cell('progress') ? splitDatedText(cell('progress')) : []
      };
      if (existing) imported.change = differs(existing, imported) ? 'update' : 'unchanged';
      if (!rejected.has(row)) actions.push(imported);
    }
  };
  return { process, result: () => ({ actions, newPriorities, newOutcomes, problems, rejectedRows: Array.from(rejected).sort((a, b) => a - b) }) };
}

/**
 * Reads every data row under the header with the mapping, checks it, and says what
 * would change. Statuses are matched to the plan's scheme and its aliases, never
 * guessed; dates are kept as written and derived by the model's rules; priorities and
 * outcomes named but missing are created with the plan's numbering.
 */
export function planImport(rows: readonly (readonly string[])[], mapping: readonly IColumnMapping[], headerRow: number, context: IImportContext): IImportPlan {
  const run = startImport(rows, mapping, headerRow, context);
  if (!('process' in run)) return run;
  run.process(headerRow + 1, rows.length);
  return run.result();
}

/** Rows checked between pauses: a few tens of milliseconds of work on a slow laptop. */
const SLICE = 1000;

/**
 * The same dry run in slices, pausing between them so a page stays responsive with a
 * sheet of tens of thousands of rows, and saying how far it has got.
 */
export async function planImportInSlices(
  rows: readonly (readonly string[])[],
  mapping: readonly IColumnMapping[],
  headerRow: number,
  context: IImportContext,
  onProgress: (checked: number, total: number) => void,
  pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0))
): Promise<IImportPlan> {
  const run = startImport(rows, mapping, headerRow, context);
  if (!('process' in run)) return run;
  const total = rows.length - headerRow - 1;
  for (let from = headerRow + 1; from < rows.length; from += SLICE) {
    run.process(from, Math.min(rows.length, from + SLICE));
    onProgress(Math.min(rows.length, from + SLICE) - headerRow - 1, total);
    await pause();
  }
  return run.result();
}

/** Whether the row would change the action's own fields (its log entries are matched by key when written). */
function differs(existing: IAction, imported: IImportedAction): boolean {
  return (
    existing.text !== imported.text ||
    existing.due.text !== imported.due.text ||
    (imported.status !== undefined && existing.status !== imported.status) ||
    (imported.responsibleOfficer !== undefined && assigneeName(existing.responsibleOfficer) !== imported.responsibleOfficer)
  );
}
