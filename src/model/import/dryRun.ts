/**
 * The import's dry run: every row with what it will create or update, and every
 * problem with its row, column and the value found. It applies every rule the write
 * will meet (lengths, required fields, types), so a dry run that passes writes every
 * accepted row. Nothing is written from here; the writer takes this plan only after
 * the person confirms it.
 */
import { IsoDate } from '../isoDate';
import { IAction, IEvidenceLink, IOutcome, IPriorityArea, assigneeName, splitTags } from '../plan';
import { IPlanDate, parsePlanDate } from '../planDates';
import { isRef } from '../refs';
import { IStatusScheme, matchStatus } from '../statusSchemes';
import { IColumnMapping, ImportField, TAG_CODE, columnLetter, looksLikeHeader, looksLikeStatus } from './mapping';
import { headingKind, namesPriorityOrOutcome, outcomeBase, splitName } from './headings';
import { plainText } from './plainText';
import { IImportProblem } from './problems';
import { IDatedText, splitDatedText } from './progressText';
import { isBlankRow } from './sheet';

/** Where the rows go: a plan made for them, or one already on the site. */
export type ImportTarget = { kind: 'new'; name: string; localArea: string } | { kind: 'existing'; planId: number; name: string };

export interface IImportContext {
  target: ImportTarget;
  scheme: IStatusScheme;
  priorities: readonly IPriorityArea[];
  outcomes: readonly IOutcome[];
  /** The plan's actions now, matched to rows by ref, or by their text when the sheet has no refs. */
  actions: readonly IAction[];
}

/**
 * What the dry run reports. Each code's parameters, in order, fill `{0}`, `{1}`... of
 * its loc string; a parameter written "field:<name>" is the name of an import field.
 */
export type ImportProblemCode =
  /** The file holds no value at all. */
  | 'emptyFile'
  /** No column is read as the action. */
  | 'noActionColumn'
  /** [count]: the sheet has no reference column; refs were given from each action's place. */
  | 'refsGenerated'
  /** [matched, total, plan]: the file's refs hardly overlap the plan's: probably a different plan. */
  | 'refsHardlyOverlap'
  /** [value]: the ref column holds something that is not a reference. */
  | 'refNotRef'
  /** [ref]: the row had no ref; it was given one from its place. */
  | 'refGenerated'
  /** [ref, earlier row, ref given]: the same ref twice; both kept, the second under a new ref. */
  | 'duplicateRef'
  /** A new action with no text. */
  | 'actionTextMissing'
  /** [field]: the date is kept as written, with no date derived. */
  | 'dateNotDerived'
  /** [field]: a tag or a status in a date column. */
  | 'dateShifted'
  /** [field]: a date in a person column. */
  | 'personShifted'
  /** A sentence in the status column. */
  | 'statusSentence'
  /** [scheme labels]: a status the scheme does not know: the row is imported without it. */
  | 'statusUnknown'
  /** [ref]: no priority area could be found for the row. */
  | 'noPriority'
  /** [priority]: nothing names a priority area, so the actions go under one priority. */
  | 'priorityAssumed'
  /** [field, length, most]: a heading too long for a title, shortened (a priority keeps it whole as its finding). */
  | 'titleShortened'
  /** [cells]: the row's cells from the action on had moved right by that many blank cells; read back in place. */
  | 'rowRealigned'
  /** [field, length, most]: longer than SharePoint's column takes. */
  | 'tooLong'
  /** A line of the evidence column with no web address: kept as a description. */
  | 'evidenceNotLink';

export type ImportProblem = IImportProblem<ImportProblemCode>;

export type RowChange = 'create' | 'update' | 'unchanged' | 'rejected';

export interface IImportedAction {
  /** 1-based, as the spreadsheet numbers rows. */
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
  revisedDue?: IPlanDate;
  revisedDueReason?: string;
  desiredImpact?: string;
  howWeWillKnow?: string;
  tags: string[];
  evidence: IEvidenceLink[];
  /** Label key of the current status. */
  status?: string;
  /** Status history from date-headed status columns, oldest first. */
  history: Array<{ date: IsoDate; status: string }>;
  /** Progress entries from the progress columns. */
  updates: IDatedText[];
}

export interface IImportPlan {
  target: ImportTarget;
  /** The rows that will be written. */
  actions: IImportedAction[];
  /** Rows not imported because of an error, with what could be read of them. */
  rejected: IImportedAction[];
  /** Priorities to create; a blank title means the sheet gave only the number. */
  /** Priorities to create; `fullTitle` keeps a heading too long for a title (written to the priority's finding). */
  newPriorities: Array<{ number: string; title: string; fullTitle?: string }>;
  newOutcomes: Array<{ priority: string; number: string; title: string }>;
  problems: ImportProblem[];
  /** Rows not imported because of an error. */
  rejectedRows: number[];
}

/** SharePoint's single line of text takes 255 characters. */
export const TEXT_LIMIT = 255;
/** A multiple lines of text column takes 63,999 characters of plain text. */
export const NOTE_LIMIT = 63999;

const MARK_FALSE = /^(no|n|false|x?\s*)$/i;
/** Evidence lines as links: "Title (https://…)", "https://…", or a line with no address kept as a description. */
function readEvidence(text: string): { links: IEvidenceLink[]; unlinked: number } {
  const links: IEvidenceLink[] = [];
  let unlinked = 0;
  for (const line of text.split('\n')) {
    const urls = line.match(/https?:\/\/[^\s<>"()]+[^\s<>"().,;]/g) ?? [];
    const description = urls.reduce((rest, url) => rest.replace(url, ' '), line).replace(/[()[\]]/g, ' ').replace(/\s*[-–:|]\s*$/, '').replace(/\s+/g, ' ').trim();
    if (urls.length === 0) {
      if (description) {
        links.push({ url: '', description });
        unlinked += 1;
      }
      continue;
    }
    urls.forEach((url) => links.push({ url, description: description || url }));
  }
  return { links, unlinked };
}

/** Values of a multi-value cell: one per line or separated by semicolons, with list dashes dropped. */
function splitValues(text: string, separators: RegExp): string[] {
  return text
    .split(separators)
    .map((value) => value.replace(/^[-•]\s*/, '').trim())
    .filter((value) => value.length > 0);
}

/** The refs' letter suffixes for a duplicate: 3.1.2, then 3.1.2b, 3.1.2c... */
function nextFreeRef(ref: string, used: ReadonlySet<string>): string {
  for (let code = 98; code <= 122; code++) {
    const candidate = `${ref}${String.fromCharCode(code)}`;
    if (!used.has(candidate)) return candidate;
  }
  let counter = 2;
  while (used.has(`${ref}-${counter}`)) counter += 1;
  return `${ref}-${counter}`;
}

function normalisedText(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** A dry run under way: rows are checked a range at a time, then the plan is read off. */
interface IImportRun {
  process: (from: number, to: number) => void;
  result: () => IImportPlan;
}

/** The dry run of a file with no sheet of actions (only KPI scorecards): nothing to write but its KPIs. */
export function emptyImportPlan(target: ImportTarget): IImportPlan {
  return { target, actions: [], rejected: [], newPriorities: [], newOutcomes: [], problems: [], rejectedRows: [] };
}

function fileProblem(target: ImportTarget, code: ImportProblemCode): IImportPlan {
  return { target, actions: [], rejected: [], newPriorities: [], newOutcomes: [], problems: [{ row: 0, code, params: [], severity: 'error' }], rejectedRows: [] };
}

function startImport(rows: readonly (readonly string[])[], mapping: readonly IColumnMapping[], headerRow: number, context: IImportContext): IImportRun | IImportPlan {
  if (rows.every(isBlankRow)) return fileProblem(context.target, 'emptyFile');
  const fieldColumn = new Map<ImportField, IColumnMapping>();
  for (const entry of mapping) if (entry.target.kind === 'field' && !fieldColumn.has(entry.target.field)) fieldColumn.set(entry.target.field, entry);
  if (!fieldColumn.has('action')) return fileProblem(context.target, 'noActionColumn');
  const refColumn = fieldColumn.get('ref');

  const problems: ImportProblem[] = [];
  const problem = (row: number, entry: IColumnMapping | undefined, value: string | undefined, code: ImportProblemCode, params: Array<string | number> = [], severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ row, column: entry ? columnLetter(entry.column) : undefined, header: entry?.header, value, code, params, severity });
  };

  const priorities = context.priorities.map((priority) => ({ number: priority.number, title: priority.title }));
  const priorityNumberById = new Map(context.priorities.map((priority) => [priority.id, priority.number]));
  const outcomes = context.outcomes.map((outcome) => ({ priority: priorityNumberById.get(outcome.priorityId) ?? '', number: outcome.number, title: outcome.title }));
  const outcomeNumberById = new Map(context.outcomes.map((outcome) => [outcome.id, outcome.number]));
  const newPriorities: IImportPlan['newPriorities'] = [];
  const newOutcomes: IImportPlan['newOutcomes'] = [];
  const existingByRef = new Map(context.actions.map((action) => [action.ref, action]));
  const existingByText = new Map(context.actions.map((action) => [normalisedText(action.text), action]));
  const usedRefs = new Set(context.actions.map((action) => action.ref));
  const rowOfRef = new Map<string, number>();
  const actions: IImportedAction[] = [];
  const rejected: IImportedAction[] = [];
  let generatedRefs = 0;
  let fileRefs = 0;
  let matchedRefs = 0;

  // The row a priority or outcome was first named on, for a problem with its title.
  const createdOnRow = new Map<object, number>();
  let currentRow = headerRow + 1;

  const resolvePriority = (name: string): string => {
    const { number, title } = splitName(name);
    const found = priorities.find((priority) => (number !== undefined && priority.number === number) || (title !== '' && priority.title.toLowerCase() === title.toLowerCase()));
    if (found) {
      if (!found.title && title) found.title = title;
      return found.number;
    }
    const next = number ?? String(priorities.reduce((max, priority) => Math.max(max, Number(priority.number) || 0), 0) + 1);
    const created = { number: next, title };
    priorities.push(created);
    newPriorities.push(created);
    createdOnRow.set(created, currentRow);
    return next;
  };
  const resolveOutcome = (priority: string, name: string): string => {
    // Numbered as written ("Outcome 2", "3.2"); "2" and "3.2" are the same outcome of priority 3.
    const { number, title } = splitName(name);
    const own = outcomes.filter((outcome) => outcome.priority === priority);
    const found = own.find((outcome) => (number !== undefined && outcomeBase(priority, outcome.number) === outcomeBase(priority, number)) || (title !== '' && outcome.title.toLowerCase() === title.toLowerCase()));
    if (found) return found.number;
    const next = number ?? `${priority}.${own.length + 1}`;
    const created = { priority, number: next, title };
    outcomes.push(created);
    newOutcomes.push(created);
    createdOnRow.set(created, currentRow);
    return next;
  };
  /** The priority an existing outcome of that number or title belongs to, for an outcome heading with no priority above it. */
  const outcomePriority = (name: string): string | undefined => {
    const { number, title } = splitName(name);
    return outcomes.find((outcome) => (number !== undefined && number.indexOf('.') > 0 && outcome.number === number) || (title !== '' && outcome.title.toLowerCase() === title.toLowerCase()))?.priority;
  };
  // Where each area's numbering goes on from, so giving thousands of refs in one area stays linear.
  const nextNumber = new Map<string, number>();
  const nextRef = (base: string): string => {
    let counter = nextNumber.get(base) ?? 1;
    while (usedRefs.has(`${base}.${counter}`)) counter += 1;
    nextNumber.set(base, counter + 1);
    return `${base}.${counter}`;
  };

  /** Whether the row's cells read sensibly: an action, dates in date columns, no date as a person, a known status. */
  const plausible = (cells: readonly string[]): boolean => {
    const at = (field: ImportField): string => {
      const entry = fieldColumn.get(field);
      return entry ? plainText(cells[entry.column] ?? '') : '';
    };
    const dateOk = (field: ImportField): boolean => !at(field) || parsePlanDate(at(field)).kind !== 'unknown';
    const personOk = (field: ImportField): boolean => {
      const kind = parsePlanDate(at(field)).kind;
      return kind !== 'date' && kind !== 'month';
    };
    const action = at('action');
    // An action is a few words of text, not a tag, a date or a status moved into its column.
    const actionOk = action.split(/\s+/).length >= 2 && !TAG_CODE.test(action) && !looksLikeStatus(action) && ['date', 'month', 'tbc', 'in-place', 'ongoing'].indexOf(parsePlanDate(action).kind) < 0;
    return actionOk && dateOk('due') && dateOk('start') && personOk('strategicLead') && personOk('responsibleOfficer') && (!at('status') || matchStatus(context.scheme, at('status')).ok);
  };
  const realigned = (cells: readonly string[], gap: number): string[] => {
    const action = fieldColumn.get('action')?.column ?? 0;
    return [...cells.slice(0, action), ...cells.slice(action + gap)];
  };
  /**
   * How many blank cells were inserted at the action's column, pushing the rest of the row
   * right (a tag in the date column, a month as the lead); 0 when the row reads as it is or
   * closing the gap does not make it read sensibly either.
   */
  const realignment = (cells: readonly string[]): number => {
    const action = fieldColumn.get('action')?.column ?? 0;
    if (plausible(cells)) return 0;
    for (let gap = 1; gap <= 2 && (cells[action + gap - 1] ?? '').trim() === ''; gap++) {
      if (plausible(realigned(cells, gap))) return gap;
    }
    return 0;
  };

  // What headings and merged cells above a row say it belongs to.
  let headingPriority: string | undefined;
  let headingOutcome: string | undefined;
  let headingTheme: string | undefined;
  let lastPriorityName: string | undefined;
  let lastOutcomeName = '';
  let assumedPriority: string | undefined;

  const applyHeading = (heading: string, kind: 'priority' | 'outcome' | 'theme'): void => {
    if (kind === 'priority') {
      headingPriority = resolvePriority(heading);
      headingOutcome = undefined;
      headingTheme = undefined;
    } else if (kind === 'outcome' && (headingPriority ?? lastPriorityName ?? outcomePriority(heading))) {
      headingPriority = headingPriority ?? (lastPriorityName ? resolvePriority(lastPriorityName) : outcomePriority(heading));
      headingOutcome = resolveOutcome(headingPriority as string, heading);
      headingTheme = undefined;
    } else {
      headingTheme = heading;
    }
  };
  // A priority or outcome named by its word above the header ("Recommendation 1: ...") heads the first rows.
  for (let index = 0; index < headerRow; index++) {
    const heading = rows[index].map((cell) => plainText(cell)).filter((cell) => cell !== '').join(' ');
    if (namesPriorityOrOutcome(heading)) applyHeading(heading, headingKind(heading));
  }

  const process = (from: number, to: number): void => {
    for (let index = from; index < to; index++) {
      const row = index + 1;
      currentRow = row;
      if (isBlankRow(rows[index])) continue;
      const shift = realignment(rows[index]);
      const cells = shift ? realigned(rows[index], shift) : rows[index];
      const read = (field: ImportField): string => {
        const entry = fieldColumn.get(field);
        return entry ? plainText(cells[entry.column] ?? '') : '';
      };
      const column = (field: ImportField): IColumnMapping | undefined => fieldColumn.get(field);
      const writtenRef = read('ref');
      const text = read('action');

      if (!(writtenRef && isRef(writtenRef))) {
        const filled = cells.map((cell) => plainText(cell)).filter((cell) => cell !== '');
        const heading = filled.join(' ');
        const kind = headingKind(heading);
        // A row with no action is a heading (or the header repeated after a page break); so is a lone
        // cell naming a priority or outcome by its word, even in the action column.
        const named = filled.length === 1 && namesPriorityOrOutcome(heading);
        if (!text || named) {
          if (!named && looksLikeHeader(cells.map((cell) => plainText(cell)))) continue;
          if (named || filled.length === 1 || kind !== 'theme') {
            applyHeading(heading, kind);
            continue;
          }
        }
      }
      const rowProblemsFrom = problems.length;
      if (shift) problem(row, fieldColumn.get('action'), undefined, 'rowRealigned', [shift], 'warning');

      // The ref: as written, composed with the heading's number when the sheet numbers actions within each area, or given from the row's place.
      let ref = writtenRef;
      if (writtenRef && !isRef(writtenRef)) problem(row, refColumn, writtenRef, 'refNotRef');

      const priorityCell = read('priority');
      if (priorityCell) lastPriorityName = priorityCell;
      const priorityName = priorityCell || (column('priority') ? lastPriorityName ?? '' : '');
      const outcomeCell = read('outcome');
      if (outcomeCell) lastOutcomeName = outcomeCell;
      else if (priorityCell && priorityCell !== lastPriorityName) lastOutcomeName = '';
      const outcomeName = outcomeCell || (column('outcome') ? lastOutcomeName : '');

      const existingBefore = writtenRef ? existingByRef.get(writtenRef) : text ? existingByText.get(normalisedText(text)) : undefined;
      // The sheet's own structure first (a priority column, headings, a row matched by its text), then the ref's numbering.
      let priority = priorityName ? resolvePriority(priorityName) : headingPriority ?? (existingBefore && !writtenRef ? priorityNumberById.get(existingBefore.priorityId) : undefined);
      let outcome = outcomeName && priority ? resolveOutcome(priority, outcomeName) : priorityName ? undefined : headingOutcome;
      // Actions numbered 1, 2, 3 within each area are numbered within it: "2" under outcome 3.1 is 3.1.2.
      if (ref && /^\d+$/.test(ref) && (outcome ?? priority)) ref = `${outcome !== undefined && priority !== undefined ? outcomeBase(priority, outcome) : outcome ?? priority}.${ref}`;
      if (!priority && ref && isRef(ref)) {
        const segments = ref.split('.');
        const known = context.priorities.find((candidate) => candidate.number === segments[0]) ?? (existingBefore ? context.priorities.find((candidate) => candidate.id === existingBefore.priorityId) : undefined);
        if (known) priority = known.number;
        else if (segments.length >= 2 && /^\d+$/.test(segments[0])) priority = resolvePriority(segments[0]);
      }
      if (!priority && context.target.kind === 'new') {
        if (assumedPriority === undefined) {
          assumedPriority = resolvePriority('1');
          problem(row, undefined, undefined, 'priorityAssumed', [assumedPriority], 'warning');
        }
        priority = assumedPriority;
      }
      if (!outcome && outcomeName && priority) outcome = resolveOutcome(priority, outcomeName);
      if (priority && !outcome && ref && /^\d+(?:\.\d+){2,}$/.test(ref) && ref.startsWith(`${priority}.`)) {
        const number = ref.split('.').slice(0, -1).join('.');
        outcome = resolveOutcome(priority, number);
      }

      if (!ref) {
        const byText = text ? existingByText.get(normalisedText(text)) : undefined;
        ref = byText && !rowOfRef.has(byText.ref) ? byText.ref : nextRef(outcome !== undefined && priority !== undefined ? outcomeBase(priority, outcome) : priority ?? '1');
        generatedRefs += 1;
        if (refColumn) problem(row, refColumn, '', 'refGenerated', [ref], 'warning');
      } else if (isRef(ref)) {
        fileRefs += 1;
        if (existingByRef.has(ref)) matchedRefs += 1;
      }
      const earlier = rowOfRef.get(ref);
      if (earlier !== undefined) {
        const given = nextFreeRef(ref, usedRefs);
        problem(row, refColumn, ref, 'duplicateRef', [ref, earlier, given], 'warning');
        ref = given;
      }
      rowOfRef.set(ref, row);
      usedRefs.add(ref);
      const existing = existingByRef.get(ref);
      const rejectedAlready = problems.slice(rowProblemsFrom).some((found) => found.severity === 'error');
      if (!priority && !rejectedAlready) problem(row, column('priority'), priorityName, 'noPriority', [ref]);
      if (!text && !existing) problem(row, column('action'), '', 'actionTextMissing');

      const dateOf = (field: 'due' | 'start' | 'revisedDue'): IPlanDate => {
        const written = read(field);
        const parsed = parsePlanDate(written);
        if (parsed.kind === 'unknown') {
          const shifted = TAG_CODE.test(written) || matchStatus(context.scheme, written).ok || looksLikeStatus(written);
          problem(row, column(field), written, shifted ? 'dateShifted' : 'dateNotDerived', [`field:${field}`], shifted ? 'error' : 'warning');
        }
        return parsed;
      };
      const personOf = (field: 'strategicLead' | 'responsibleOfficer'): string | undefined => {
        const written = read(field);
        const asDate = parsePlanDate(written);
        if (asDate.kind === 'date' || asDate.kind === 'month') problem(row, column(field), written, 'personShifted', [`field:${field}`]);
        return written || undefined;
      };

      let status: string | undefined;
      const writtenStatus = read('status');
      if (writtenStatus) {
        const matched = matchStatus(context.scheme, writtenStatus);
        if (matched.ok) status = matched.label.key;
        else if (writtenStatus.split(/\s+/).length >= 4 && !looksLikeStatus(writtenStatus)) problem(row, column('status'), writtenStatus, 'statusSentence');
        // Reported, never guessed; the action is still imported, without a status from this cell.
        else problem(row, column('status'), writtenStatus, 'statusUnknown', [context.scheme.labels.map((label) => label.label).join(', ')], 'warning');
      }

      const history: IImportedAction['history'] = [];
      const tags = splitTags(read('tags'));
      const updates: IDatedText[] = splitDatedText(read('progress'));
      // The latest dated status written, known or not: with no status column it is the current status.
      let latestDated: { date: IsoDate; status?: string } | undefined;
      for (const entry of mapping) {
        const value = plainText(cells[entry.column] ?? '');
        if (!value) continue;
        if (entry.target.kind === 'statusAt') {
          const matched = matchStatus(context.scheme, value);
          if (!latestDated || entry.target.date > latestDated.date) latestDated = { date: entry.target.date, status: matched.ok ? matched.label.key : undefined };
          if (matched.ok) history.push({ date: entry.target.date, status: matched.label.key });
          else problem(row, entry, value, 'statusUnknown', [context.scheme.labels.map((label) => label.label).join(', ')], 'warning');
        } else if (entry.target.kind === 'progressAt') {
          const date = entry.target.date;
          updates.push(...splitDatedText(value).map((update) => (update.date ? update : { ...update, date })));
        } else if (entry.target.kind === 'tag' && !MARK_FALSE.test(value) && tags.indexOf(entry.target.tag) < 0) {
          tags.push(entry.target.tag);
        }
      }
      history.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const evidence = readEvidence(read('evidence'));
      if (evidence.unlinked > 0) problem(row, column('evidence'), undefined, 'evidenceNotLink', [], 'warning');

      const imported: IImportedAction = {
        row,
        ref,
        change: 'create',
        priority: priority ?? '',
        outcome,
        text: text || existing?.text || '',
        theme: read('theme') || headingTheme || undefined,
        strategicLead: personOf('strategicLead'),
        responsibleOfficer: personOf('responsibleOfficer'),
        deliveryPartners: splitValues(read('deliveryPartners'), /[;\n]/),
        resources: read('resources') || undefined,
        due: dateOf('due'),
        start: dateOf('start'),
        revisedDue: read('revisedDue') ? dateOf('revisedDue') : undefined,
        revisedDueReason: read('revisedDueReason') || undefined,
        desiredImpact: read('desiredImpact') || undefined,
        howWeWillKnow: read('howWeWillKnow') || undefined,
        tags,
        evidence: evidence.links,
        status: writtenStatus ? status : latestDated?.status,
        history,
        updates
      };
      checkLengths(imported, (field, length, most) => problem(row, column(field), undefined, 'tooLong', [`field:${field}`, length, most]));

      if (problems.slice(rowProblemsFrom).some((found) => found.severity === 'error')) {
        rejected.push({ ...imported, change: 'rejected' });
        continue;
      }
      if (existing) imported.change = differs(existing, imported, priorityNumberById, outcomeNumberById) ? 'update' : 'unchanged';
      actions.push(imported);
    }
  };

  const result = (): IImportPlan => {
    const fileProblems: ImportProblem[] = [];
    // A heading longer than a title takes is shortened, with a warning; a priority keeps it whole in its finding.
    const shorten = <T extends { title: string }>(item: T, field: ImportField): T => {
      if (item.title.length <= TEXT_LIMIT) return item;
      fileProblems.push({ row: createdOnRow.get(item) ?? 0, code: 'titleShortened', params: [`field:${field}`, item.title.length, TEXT_LIMIT], severity: 'warning' });
      return { ...item, title: `${item.title.slice(0, TEXT_LIMIT - 1)}…` };
    };
    if (!refColumn && generatedRefs > 0) fileProblems.push({ row: 0, code: 'refsGenerated', params: [generatedRefs], severity: 'warning' });
    // A plan with its own refs that the file's hardly share: probably another council's or another year's plan.
    if (context.target.kind === 'existing' && context.actions.length >= 5 && fileRefs >= 5 && matchedRefs / fileRefs < 0.2) {
      fileProblems.push({ row: 0, code: 'refsHardlyOverlap', params: [matchedRefs, fileRefs, context.target.name], severity: 'warning' });
    }
    return {
      target: context.target,
      actions,
      rejected,
      newPriorities: newPriorities.map((priority) => ({ ...shorten(priority, 'priority'), ...(priority.title.length > TEXT_LIMIT ? { fullTitle: priority.title } : {}) })),
      newOutcomes: newOutcomes.map((outcome) => shorten(outcome, 'outcome')),
      problems: [...fileProblems, ...problems],
      rejectedRows: rejected.map((entry) => entry.row)
    };
  };
  return { process, result };
}

/** The longest value each written column takes, checked in the dry run so the write never fails on one. */
function checkLengths(action: IImportedAction, tooLong: (field: ImportField, length: number, most: number) => void): void {
  const check = (field: ImportField, value: string | undefined, most: number): void => {
    if (value !== undefined && value.length > most) tooLong(field, value.length, most);
  };
  check('ref', action.ref, TEXT_LIMIT);
  check('theme', action.theme, TEXT_LIMIT);
  check('strategicLead', action.strategicLead, TEXT_LIMIT);
  check('responsibleOfficer', action.responsibleOfficer, TEXT_LIMIT);
  check('start', action.start.text, TEXT_LIMIT);
  check('due', action.due.text, TEXT_LIMIT);
  check('revisedDue', action.revisedDue?.text, TEXT_LIMIT);
  check('tags', action.tags.join('; '), TEXT_LIMIT);
  check('action', action.text, NOTE_LIMIT);
  check('deliveryPartners', action.deliveryPartners.join('\n'), NOTE_LIMIT);
  check('resources', action.resources, NOTE_LIMIT);
  check('revisedDueReason', action.revisedDueReason, NOTE_LIMIT);
  check('desiredImpact', action.desiredImpact, NOTE_LIMIT);
  check('howWeWillKnow', action.howWeWillKnow, NOTE_LIMIT);
  check('evidence', JSON.stringify(action.evidence), NOTE_LIMIT);
  for (const update of action.updates) check('progress', update.text, NOTE_LIMIT);
}

/**
 * Reads every data row under the header with the mapping, checks it, and says what
 * would change. Statuses are matched to the scheme and its aliases, never guessed;
 * dates are kept as written and derived by the model's rules; heading rows and merged
 * cells give each row its priority and outcome, created with the plan's numbering.
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

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/**
 * Whether the row would change any field the writer writes. A field the file leaves
 * blank is left as it is, so only written fields are compared; log entries are matched
 * by key when written.
 */
function differs(existing: IAction, imported: IImportedAction, priorityNumberById: ReadonlyMap<number, string>, outcomeNumberById: ReadonlyMap<number, string>): boolean {
  const changed = (written: string | undefined, current: string | undefined): boolean => written !== undefined && written !== '' && written !== (current ?? '');
  const latest = imported.updates.filter((update) => update.date !== undefined).pop();
  return (
    existing.text !== imported.text ||
    priorityNumberById.get(existing.priorityId) !== imported.priority ||
    (imported.outcome !== undefined && (existing.outcomeId === undefined ? undefined : outcomeNumberById.get(existing.outcomeId)) !== imported.outcome) ||
    changed(imported.theme, existing.theme) ||
    changed(imported.strategicLead, assigneeName(existing.strategicLead)) ||
    changed(imported.responsibleOfficer, assigneeName(existing.responsibleOfficer)) ||
    (imported.deliveryPartners.length > 0 && !sameList(imported.deliveryPartners, existing.deliveryPartners)) ||
    changed(imported.resources, existing.resources) ||
    changed(imported.start.text, existing.start.text) ||
    changed(imported.due.text, existing.due.text) ||
    changed(imported.revisedDue?.text, existing.revisedDue?.text) ||
    changed(imported.revisedDueReason, existing.revisedDueReason) ||
    changed(imported.desiredImpact, existing.desiredImpact) ||
    changed(imported.howWeWillKnow, existing.howWeWillKnow) ||
    (imported.tags.length > 0 && !sameList(imported.tags, existing.tags)) ||
    (imported.evidence.length > 0 && JSON.stringify(imported.evidence) !== JSON.stringify(existing.evidence)) ||
    changed(imported.status, existing.status) ||
    (latest !== undefined && (latest.text !== existing.latestNote || latest.date !== existing.latestUpdateDate))
  );
}
