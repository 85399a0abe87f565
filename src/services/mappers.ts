/**
 * Turns SharePoint list items into the model's shapes. Lists can be edited directly in
 * SharePoint, so no reader fails the whole view on an odd value. What the product writes
 * as JSON or as lines (status history, revisions, evidence, the status scheme, updates
 * awaiting sign-off, milestones, latest measurements), a KPI's "better is", and items
 * left out (a measurement or narrative without its date) are reported in `warnings`.
 * Without a warning, a blank or unknown choice reads as its default (edit policy,
 * sign-off state, tolerance) and a reporting date or frozen board that is not a date is
 * skipped.
 */
import { DEFAULT_KPI_THRESHOLDS, IKpi, IMeasurement, IMilestone, MilestoneDue, latestMeasurements } from '../model/kpi';
import { DAY_MS, IsoDate, isIsoDate } from '../model/isoDate';
import { Assignee, DEFAULT_PROTECTIVE_MARKING, IAction, IActionTexts, IAwaitingSignOff, IEvidenceLink, IOutcome, IPerson, IPlan, IPriorityArea, IProgressUpdate, IRetirement, IRole, ISignOff, IStatusMark, SignOffState, splitTags } from '../model/plan';
import { IPlanDate, parsePlanDate, planDateFromIso } from '../model/planDates';
import { compareUpdates } from '../model/rollups';
import { IStatusScheme, RAGC_SCHEME, presetScheme, validateScheme } from '../model/statusSchemes';
import { IRevision, REVISED_FIELDS, compareRevisions } from '../model/revisions';
import { isPlaceholder } from '../model/roles';
import { IBoardNarrative } from '../model/narrative';
import { IWarningItem, PlanWarning } from './IPlanDataService';
import { ACTION_FIELDS, KPI_FIELDS, MEASUREMENT_FIELDS, NARRATIVE_FIELDS, OUTCOME_FIELDS, PLAN_FIELDS, PRIORITY_FIELDS, ROLE_FIELDS, UPDATE_FIELDS } from './schema';

/** A list item as SharePoint returns it (nometadata JSON). */
export type ListItem = Record<string, unknown>;

/** Problems met while reading, shown to the plan officer rather than thrown. */
export type Warnings = PlanWarning[];

/** A warning's code and parameters in one text, the same for equal warnings however they were made or kept. */
function warningKey(warning: PlanWarning): string {
  return JSON.stringify(warning, ['code', 'item', 'kind', 'name', 'line', 'text', 'count']);
}

/** Both lists' warnings, each once (by code and parameters), the first list's first. */
export function mergeWarnings(first: readonly PlanWarning[], second: readonly PlanWarning[]): PlanWarning[] {
  const seen = new Set<string>();
  return first.concat(second).filter((warning) => {
    const key = warningKey(warning);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Reads a day from a date column as the day it names in the site's time zone, without
 * knowing the zone. A date-only column holds the site's local midnight as a UTC instant
 * ("2024-03-30T23:00:00Z" for 31 March in British Summer Time, "2024-03-31T07:00:00Z" on a
 * Pacific site; pnp/pnpjs#1890), less than 12 hours from the UTC midnight starting that day
 * in any zone from UTC-12 to UTC+11:59, so the instant is rounded to the nearest UTC
 * midnight. A column shown with its time keeps what was written: the product's noon UTC
 * (see writeSharePointDate), exactly half-way, which rounds down to its own day, and the
 * midnight UTC that earlier versions wrote, which is its own day too.
 */
export function readSharePointDate(value: unknown): IsoDate | undefined {
  if (typeof value !== 'string' || !value) {
    return undefined;
  }
  const millis = Date.parse(value);
  if (Number.isNaN(millis)) {
    return undefined;
  }
  // Half-way (noon UTC) goes to the earlier midnight; anything past it to the next.
  return new Date(Math.ceil(millis / DAY_MS - 0.5) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Writes an ISO date as noon UTC; null clears the column. SharePoint keeps a date-only
 * column's date as the day the written instant falls on in the site's time zone (and shows
 * a date-and-time column in that zone), so midnight UTC would be the day before on a site
 * west of UTC, such as Pacific time, which new sites may default to. Noon UTC is the same day
 * in every zone from UTC-12 to UTC+11:59: every UK council or ICB site, and all but the
 * zones at UTC+12 or beyond (New Zealand, Fiji, Tonga, Kiribati), where it is the next day.
 */
// eslint-disable-next-line @rushstack/no-new-null -- SharePoint's REST API clears a field only with null.
export function writeSharePointDate(value: IsoDate | undefined): string | null {
  return value ? `${value}T12:00:00Z` : null;
}

/** Evidence links as the EvidenceJson column holds them; null clears the column. */
// eslint-disable-next-line @rushstack/no-new-null -- SharePoint's REST API clears a field only with null.
export function writeEvidence(links: readonly IEvidenceLink[]): string | null {
  return links.length > 0 ? JSON.stringify(links) : null;
}

/** A short stable hash (FNV-1a, base 36). */
export function shortHash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value.toString(36);
}

/** The StatusHistory column's value: a line per log entry, "date, tab, status, tab, key tag". */
export function writeHistory(history: readonly IStatusMark[]): string {
  return history.map((mark) => `${mark.date}\t${mark.status ?? ''}\t${mark.tag ?? ''}`).join('\n');
}

/** The history line for a log entry being written (placed with `withHistoryLines`): the tag is a short hash of its key. */
export function historyLine(actionId: number, entry: { date: IsoDate; status?: string; key: string }): Omit<IStatusMark, 'id'> {
  return { actionId, date: entry.date, status: entry.status, tag: shortHash(entry.key) };
}

function readHistory(item: ListItem, actionId: number, where: IWarningItem, warnings: Warnings): IStatusMark[] {
  const marks: IStatusMark[] = [];
  readText(item, ACTION_FIELDS.statusHistory)
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      const [date, status, tag] = line.split('\t');
      if (!isIsoDate(date)) {
        warnings.push({ code: 'historyLine', item: where, line: index + 1, text: line.slice(0, 40) });
        return;
      }
      marks.push({ id: index, actionId, date, status: status || undefined, tag: tag || undefined });
    });
  // Kept in log order (a line typed into the list by hand may not be); each roll-up then reads it as it is.
  return marks.sort(compareUpdates);
}

/** The Revisions column's value: one revision a line, as JSON. */
export function writeRevisions(revisions: readonly IRevision[]): string {
  return revisions.map(({ date, at, by, field, old, new: value, reason }) => JSON.stringify({ date, at, by, field, old, new: value, ...(reason ? { reason } : {}) })).join('\n');
}

function readRevisions(item: ListItem, where: IWarningItem, warnings: Warnings): IRevision[] {
  const revisions: IRevision[] = [];
  readText(item, ACTION_FIELDS.revisions)
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        const read = JSON.parse(line) as Partial<IRevision>;
        if (typeof read.date === 'string' && isIsoDate(read.date) && typeof read.field === 'string' && REVISED_FIELDS.indexOf(read.field) >= 0) {
          revisions.push({ date: read.date, at: String(read.at ?? ''), by: String(read.by ?? ''), field: read.field, old: String(read.old ?? ''), new: String(read.new ?? ''), reason: read.reason ? String(read.reason) : undefined });
          return;
        }
      } catch {
        // Reported below.
      }
      warnings.push({ code: 'revisionLine', item: where, line: index + 1, text: line.slice(0, 40) });
    });
  return revisions.sort(compareRevisions);
}

/** One progress-log entry as written; the key ties it to the action save it records. */
export interface ILogEntry {
  planId: number;
  actionId: number;
  actionRef: string;
  date: IsoDate | undefined;
  note: string;
  status: string | undefined;
  evidence: IEvidenceLink[];
  key: string;
  /** Set when the plan requires sign-off: the entry is written as submitted. */
  signOff?: ISignOff;
}

/** The Action Updates list item for a log entry (the inverse of mapUpdate). */
export function logEntryItem(entry: ILogEntry): ListItem {
  return {
    Title: `${entry.actionRef} ${entry.status ?? ''}`.trim(),
    [`${UPDATE_FIELDS.plan}Id`]: entry.planId,
    [`${UPDATE_FIELDS.action}Id`]: entry.actionId,
    [UPDATE_FIELDS.actionItemId]: entry.actionId,
    [UPDATE_FIELDS.date]: writeSharePointDate(entry.date),
    [UPDATE_FIELDS.note]: entry.note,
    // eslint-disable-next-line @rushstack/no-new-null -- SharePoint's REST API clears a field only with null.
    [UPDATE_FIELDS.status]: entry.status ?? null,
    [UPDATE_FIELDS.evidence]: writeEvidence(entry.evidence),
    [UPDATE_FIELDS.key]: entry.key,
    ...(entry.signOff ? signOffItem(entry.signOff) : {})
  };
}

/** A log entry's sign-off columns (the inverse of reading them); what the sign-off leaves out is cleared. */
export function signOffItem(signOff: ISignOff): ListItem {
  /* eslint-disable @rushstack/no-new-null -- SharePoint's REST API clears a field only with null. */
  return {
    [UPDATE_FIELDS.signOffState]: signOff.state,
    [UPDATE_FIELDS.signOffBy]: signOff.by ?? null,
    [UPDATE_FIELDS.signOffAt]: signOff.at ?? null,
    [UPDATE_FIELDS.signOffComment]: signOff.comment ?? null
  };
  /* eslint-enable @rushstack/no-new-null */
}

function readText(item: ListItem, field: string): string {
  const value = item[field];
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

function optionalText(item: ListItem, field: string): string | undefined {
  return readText(item, field).trim() || undefined;
}

/** Multi-value text kept one value per line. */
function readLines(item: ListItem, field: string): string[] {
  return readText(item, field)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function lookupId(item: ListItem, field: string): number | undefined {
  const value = item[`${field}Id`];
  return typeof value === 'number' ? value : undefined;
}

function readPerson(item: ListItem, field: string): IPerson | undefined {
  const value = item[field] as { Id?: number; Title?: string; EMail?: string } | null | undefined;
  if (!value || !value.Title) {
    return undefined;
  }
  return { id: value.Id, displayName: value.Title, email: value.EMail || undefined };
}

/**
 * Who is responsible: the Person column when set, otherwise the text beside it (a role
 * from the glossary, or a name or placeholder not yet linked to an account).
 */
export function readAssignee(person: IPerson | undefined, text: string, roleTitles: ReadonlySet<string>): Assignee | undefined {
  if (person) {
    return { kind: 'person', person };
  }
  const trimmed = text.trim();
  if (!trimmed) {
    return undefined;
  }
  if (roleTitles.has(trimmed.toLowerCase())) {
    return { kind: 'role', role: trimmed };
  }
  return { kind: 'text', text: trimmed, pending: isPlaceholder(trimmed) };
}

/** A plan date from its written text, or from the Date column when no text was kept. */
function readPlanDate(item: ListItem, textField: string, dateField: string): IPlanDate {
  const text = readText(item, textField);
  if (text.trim()) {
    return parsePlanDate(text);
  }
  const date = readSharePointDate(item[dateField]);
  return date ? planDateFromIso(date) : parsePlanDate('');
}

function readEvidence(item: ListItem, field: string, where: IWarningItem, warnings: Warnings): IEvidenceLink[] {
  const raw = readText(item, field).trim();
  if (!raw) {
    return [];
  }
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (Array.isArray(parsed)) {
      return parsed
        .filter((entry): entry is IEvidenceLink => typeof entry === 'object' && entry !== null && typeof entry.url === 'string')
        .map((entry) => ({ url: entry.url, description: typeof entry.description === 'string' ? entry.description : entry.url }));
    }
  } catch {
    // Falls through: a person may have typed plain links into the column.
  }
  const urls = raw.match(/https?:\/\/\S+/g);
  if (urls) {
    return urls.map((url) => ({ url, description: url }));
  }
  warnings.push({ code: 'evidence', item: where });
  return [];
}

/** The StatusSchemeJson value for a scheme: a preset's id, or a custom scheme as JSON. */
export function writeScheme(scheme: IStatusScheme): string {
  return presetScheme(scheme.id) === scheme ? scheme.id : JSON.stringify(scheme);
}

function readScheme(item: ListItem, warnings: Warnings): IStatusScheme {
  const raw = readText(item, PLAN_FIELDS.statusScheme).trim();
  const preset = presetScheme(raw);
  if (preset) {
    return preset;
  }
  try {
    const scheme = JSON.parse(raw) as IStatusScheme;
    if (scheme && Array.isArray(scheme.labels) && validateScheme(scheme).length === 0) {
      return scheme;
    }
  } catch {
    // Reported below.
  }
  warnings.push({ code: 'scheme', item: { kind: 'plan', name: readText(item, 'Title') } });
  return RAGC_SCHEME;
}

/** The board dates the plan item lists as frozen, ascending (lines that are not ISO dates are ignored). */
export function readFrozenBoards(item: ListItem): IsoDate[] {
  return readLines(item, PLAN_FIELDS.frozenBoards)
    .filter((line) => /^\d{4}-\d{2}-\d{2}$/.test(line))
    .sort();
}

export function mapPlan(item: ListItem, warnings: Warnings): IPlan {
  const reportingDates = readLines(item, PLAN_FIELDS.reportingDates)
    .map((line) => parsePlanDate(line).date)
    .filter((date): date is IsoDate => date !== undefined)
    .sort();
  const tolerance = item[PLAN_FIELDS.kpiTolerance];
  return {
    id: item.Id as number,
    title: readText(item, 'Title'),
    localArea: readText(item, PLAN_FIELDS.localArea),
    planType: readText(item, PLAN_FIELDS.planType),
    partners: readLines(item, PLAN_FIELDS.partners),
    inspectionDate: readSharePointDate(item[PLAN_FIELDS.inspectionDate]),
    publicationDate: readSharePointDate(item[PLAN_FIELDS.publicationDate]),
    startDate: readSharePointDate(item[PLAN_FIELDS.startDate]),
    accountableOfficers: readLines(item, PLAN_FIELDS.accountableOfficers),
    statusScheme: readScheme(item, warnings),
    reportingDates,
    kpiThresholds: typeof tolerance === 'number' && tolerance >= 0 ? { onTrackTolerance: tolerance } : DEFAULT_KPI_THRESHOLDS,
    protectiveMarking: readText(item, PLAN_FIELDS.protectiveMarking).trim() || DEFAULT_PROTECTIVE_MARKING,
    frozenBoards: readFrozenBoards(item),
    editPolicy: item[PLAN_FIELDS.editPolicy] === 'byRole' ? 'byRole' : 'everyone',
    signOffRequired: item[PLAN_FIELDS.signOffRequired] === true,
    etag: readEtag(item)
  };
}

export function mapPriority(item: ListItem): IPriorityArea {
  return {
    id: item.Id as number,
    planId: lookupId(item, PRIORITY_FIELDS.plan) ?? 0,
    number: readText(item, PRIORITY_FIELDS.number),
    title: readText(item, 'Title'),
    inspectionFinding: readText(item, PRIORITY_FIELDS.inspectionFinding),
    vision: readText(item, PRIORITY_FIELDS.vision),
    leadRoles: readLines(item, PRIORITY_FIELDS.leadRoles),
    membership: readLines(item, PRIORITY_FIELDS.membership)
  };
}

export function mapOutcome(item: ListItem): IOutcome {
  return {
    id: item.Id as number,
    planId: lookupId(item, OUTCOME_FIELDS.plan) ?? 0,
    priorityId: lookupId(item, OUTCOME_FIELDS.priority) ?? 0,
    number: readText(item, OUTCOME_FIELDS.number),
    title: readText(item, 'Title')
  };
}

/** The item's ETag, wherever the response's OData flavour put it. */
export function readEtag(item: ListItem): string | undefined {
  return (item['odata.etag'] ?? item['@odata.etag'] ?? (item.__metadata as { etag?: string } | undefined)?.etag) as string | undefined;
}

export function mapAction(item: ListItem, roleTitles: ReadonlySet<string>, warnings: Warnings): IAction {
  const ref = readText(item, 'Title');
  const revisedDue = readPlanDate(item, ACTION_FIELDS.revisedDueText, ACTION_FIELDS.revisedDueDate);
  const etag = readEtag(item);
  const where: IWarningItem = { kind: 'action', name: ref };
  return {
    id: item.Id as number,
    planId: lookupId(item, ACTION_FIELDS.plan) ?? 0,
    priorityId: lookupId(item, ACTION_FIELDS.priority) ?? 0,
    outcomeId: lookupId(item, ACTION_FIELDS.outcome),
    ref,
    text: readText(item, ACTION_FIELDS.text),
    theme: optionalText(item, ACTION_FIELDS.theme),
    strategicLead: readAssignee(readPerson(item, ACTION_FIELDS.strategicLead), readText(item, ACTION_FIELDS.strategicLeadText), roleTitles),
    responsibleOfficer: readAssignee(
      readPerson(item, ACTION_FIELDS.responsibleOfficer),
      readText(item, ACTION_FIELDS.responsibleOfficerText),
      roleTitles
    ),
    start: readPlanDate(item, ACTION_FIELDS.startText, ACTION_FIELDS.startDate),
    due: readPlanDate(item, ACTION_FIELDS.dueText, ACTION_FIELDS.dueDate),
    revisedDue: revisedDue.kind === 'none' ? undefined : revisedDue,
    revisedDueReason: optionalText(item, ACTION_FIELDS.revisedDueReason),
    ...mapActionTexts(item),
    status: optionalText(item, ACTION_FIELDS.status),
    latestNote: optionalText(item, ACTION_FIELDS.latestNote),
    latestUpdateDate: readSharePointDate(item[ACTION_FIELDS.latestUpdateDate]),
    tags: splitTags(readText(item, ACTION_FIELDS.tags)),
    evidence: readEvidence(item, ACTION_FIELDS.evidence, where, warnings),
    history: readHistory(item, item.Id as number, where, warnings),
    revisions: readRevisions(item, where, warnings),
    retired: readRetirement(item),
    awaitingSignOff: readAwaitingSignOff(item, where, warnings),
    // A column left out of the $select is absent from the item; one read and blank is null.
    ...(ACTION_FIELDS.desiredImpact in item ? {} : { textsOmitted: true as const }),
    etag,
    modified: optionalText(item, 'Modified')
  };
}

/** The action's long texts from an item read with every column. */
export function mapActionTexts(item: ListItem): IActionTexts {
  return {
    deliveryPartners: readLines(item, ACTION_FIELDS.deliveryPartners),
    resources: optionalText(item, ACTION_FIELDS.resources),
    desiredImpact: optionalText(item, ACTION_FIELDS.desiredImpact),
    howWeWillKnow: optionalText(item, ACTION_FIELDS.howWeWillKnow)
  };
}

function readRetirement(item: ListItem): IRetirement | undefined {
  const date = readSharePointDate(item[ACTION_FIELDS.retiredDate]);
  return date ? { date, reason: readText(item, ACTION_FIELDS.retiredReason).trim() } : undefined;
}

/** The AwaitingSignOff value for a list of waiting updates; null (which clears the column) when none wait. */
// eslint-disable-next-line @rushstack/no-new-null -- SharePoint's REST API clears a field only with null.
export function writeAwaitingSignOff(awaiting: readonly IAwaitingSignOff[]): string | null {
  return awaiting.length === 0 ? null : JSON.stringify(awaiting);
}

function readAwaitingSignOff(item: ListItem, where: IWarningItem, warnings: Warnings): IAwaitingSignOff[] {
  const raw = readText(item, ACTION_FIELDS.awaitingSignOff).trim();
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (Array.isArray(parsed)) {
      return parsed
        .filter(
          (entry): entry is IAwaitingSignOff =>
            typeof entry === 'object' && entry !== null && typeof entry.updateId === 'number' && typeof entry.date === 'string' && typeof entry.note === 'string'
        )
        .map((entry) => ({ ...entry, evidence: Array.isArray(entry.evidence) ? entry.evidence.filter(isEvidenceLink) : undefined }));
    }
  } catch {
    // Reported below: a hand edit broke the JSON.
  }
  warnings.push({ code: 'signOffs', item: where });
  return [];
}

/** A link as written by the web part: both parts text (a hand edit could leave anything). */
function isEvidenceLink(link: unknown): link is IEvidenceLink {
  return typeof link === 'object' && link !== null && typeof (link as IEvidenceLink).url === 'string' && typeof (link as IEvidenceLink).description === 'string';
}

const SIGN_OFF_STATES: readonly SignOffState[] = ['submitted', 'approved', 'returned'];

function readSignOff(item: ListItem): ISignOff | undefined {
  const state = SIGN_OFF_STATES.find((known) => known === item[UPDATE_FIELDS.signOffState]);
  if (!state) return undefined;
  return { state, by: optionalText(item, UPDATE_FIELDS.signOffBy), at: optionalText(item, UPDATE_FIELDS.signOffAt), comment: optionalText(item, UPDATE_FIELDS.signOffComment) };
}

export function mapUpdate(item: ListItem, warnings: Warnings): IProgressUpdate {
  const author = item.Author as { Id?: number; Title?: string } | undefined;
  const id = item.Id as number;
  return {
    id,
    actionId: lookupId(item, UPDATE_FIELDS.action) ?? 0,
    date: readSharePointDate(item[UPDATE_FIELDS.date]) ?? readSharePointDate(item.Created) ?? '',
    recordedAt: optionalText(item, 'Created'),
    author: author?.Title ?? '',
    authorId: typeof author?.Id === 'number' ? author.Id : undefined,
    note: readText(item, UPDATE_FIELDS.note),
    status: optionalText(item, UPDATE_FIELDS.status),
    evidence: readEvidence(item, UPDATE_FIELDS.evidence, { kind: 'update', name: String(id) }, warnings),
    key: optionalText(item, UPDATE_FIELDS.key),
    signOff: readSignOff(item)
  };
}

export function mapRole(item: ListItem): IRole {
  return {
    id: item.Id as number,
    planId: lookupId(item, ROLE_FIELDS.plan) ?? 0,
    title: readText(item, 'Title').trim(),
    abbreviation: optionalText(item, ROLE_FIELDS.abbreviation),
    holder: readPerson(item, ROLE_FIELDS.holder),
    holderSince: readSharePointDate(item[ROLE_FIELDS.holderSince]),
    deputy: readPerson(item, ROLE_FIELDS.deputy),
    reviewed: readSharePointDate(item[ROLE_FIELDS.reviewed])
  };
}

function readNumber(item: ListItem, field: string): number | undefined {
  const value = item[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A KPI's measurement, or undefined (with a warning) when its date or value is missing. */
export function mapMeasurement(item: ListItem, warnings: Warnings): { kpiId: number; measurement: IMeasurement } | undefined {
  const periodEnd = readSharePointDate(item[MEASUREMENT_FIELDS.periodEnd]);
  const value = readNumber(item, MEASUREMENT_FIELDS.value);
  if (periodEnd === undefined || value === undefined) {
    warnings.push({ code: periodEnd === undefined ? 'noPeriodEnd' : 'noValue', item: { kind: 'measurement', name: String(item.Id) } });
    return undefined;
  }
  return {
    kpiId: lookupId(item, MEASUREMENT_FIELDS.kpi) ?? 0,
    measurement: { periodEnd, value, note: optionalText(item, MEASUREMENT_FIELDS.note), id: item.Id as number, etag: readEtag(item) }
  };
}

/** Measurement items as series by KPI id (each in no set order); an unreadable item is left out with a warning. */
export function seriesByKpi(items: readonly ListItem[], warnings: Warnings): Map<number, IMeasurement[]> {
  const series = new Map<number, IMeasurement[]>();
  for (const item of items) {
    const read = mapMeasurement(item, warnings);
    if (read) series.set(read.kpiId, (series.get(read.kpiId) ?? []).concat(read.measurement));
  }
  return series;
}

function readMilestoneDue(raw: unknown): MilestoneDue | undefined {
  const due = raw as { date?: unknown; monthsFromStart?: unknown } | undefined;
  if (due && typeof due.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(due.date)) return { date: due.date };
  if (due && typeof due.monthsFromStart === 'number') return { monthsFromStart: due.monthsFromStart };
  return undefined;
}

function readMilestones(item: ListItem, where: IWarningItem, warnings: Warnings): IMilestone[] {
  const raw = readText(item, KPI_FIELDS.milestones).trim();
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (Array.isArray(parsed)) {
      const milestones: IMilestone[] = [];
      for (const entry of parsed as Array<Record<string, unknown>>) {
        const due = readMilestoneDue(entry?.due);
        if (!due) continue;
        milestones.push({
          label: typeof entry.label === 'string' ? entry.label : '',
          due,
          target: typeof entry.target === 'number' ? entry.target : undefined,
          text: typeof entry.text === 'string' ? entry.text : '',
          met: typeof entry.met === 'boolean' ? entry.met : undefined,
          metDate: typeof entry.metDate === 'string' ? entry.metDate : undefined,
          metNote: typeof entry.metNote === 'string' ? entry.metNote : undefined
        });
      }
      if (milestones.length === parsed.length) return milestones;
      warnings.push({ code: 'milestonesUndated', item: where, count: parsed.length - milestones.length });
      return milestones;
    }
  } catch {
    // Reported below.
  }
  warnings.push({ code: 'milestones', item: where });
  return [];
}

/** The LatestMeasurements value for a series: its latest two measurements' periods and values, as JSON. */
export function writeLatestMeasurements(measurements: readonly IMeasurement[]): string {
  return JSON.stringify(latestMeasurements(measurements).map(({ periodEnd, value }) => ({ periodEnd, value })));
}

/**
 * The latest measurements kept on a KPI item, or undefined when it keeps none (a KPI
 * written before the column, or typed into the list): its series must then be read.
 * A value that cannot be read is undefined too, with a warning.
 */
export function readLatestMeasurements(item: ListItem, warnings: Warnings): IMeasurement[] | undefined {
  const raw = readText(item, KPI_FIELDS.latestMeasurements).trim();
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (Array.isArray(parsed) && parsed.every((entry) => typeof entry?.periodEnd === 'string' && isIsoDate(entry.periodEnd) && typeof entry.value === 'number')) {
      return (parsed as IMeasurement[]).map(({ periodEnd, value }) => ({ periodEnd, value }));
    }
  } catch {
    // Reported below.
  }
  warnings.push({ code: 'latestMeasurements', item: kpiWarningItem(item) });
  return undefined;
}

/** A KPI as its warnings name it: by its ref, or its item id when it has none. */
function kpiWarningItem(item: ListItem): IWarningItem {
  return { kind: 'kpi', name: readText(item, KPI_FIELDS.ref) || String(item.Id) };
}

/**
 * A KPI from its item. With `measurements` (its whole series) it holds them; without,
 * the latest two kept on the item (`partialSeries`), or none when the item keeps none.
 */
export function mapKpi(item: ListItem, measurements: IMeasurement[] | undefined, warnings: Warnings): IKpi {
  const ref = readText(item, KPI_FIELDS.ref);
  const where = kpiWarningItem(item);
  const direction = readText(item, KPI_FIELDS.direction).trim().toLowerCase();
  if (direction !== 'higher' && direction !== 'lower') {
    warnings.push({ code: 'direction', item: where });
  }
  return {
    id: item.Id as number,
    planId: lookupId(item, KPI_FIELDS.plan) ?? 0,
    priorityId: lookupId(item, KPI_FIELDS.priority),
    ref,
    title: readText(item, 'Title'),
    unit: readText(item, KPI_FIELDS.unit),
    direction: direction === 'lower' ? 'lower' : 'higher',
    baselineValue: readNumber(item, KPI_FIELDS.baselineValue),
    baselineDate: readSharePointDate(item[KPI_FIELDS.baselineDate]),
    baselineText: optionalText(item, KPI_FIELDS.baselineText),
    milestones: readMilestones(item, where, warnings),
    ...(measurements ? { measurements } : { measurements: readLatestMeasurements(item, warnings) ?? [], partialSeries: true }),
    progressNote: optionalText(item, KPI_FIELDS.progressNote),
    progressNoteDate: readSharePointDate(item[KPI_FIELDS.progressNoteDate]),
    actionRefs: optionalText(item, KPI_FIELDS.actionRefs),
    etag: readEtag(item),
    modified: optionalText(item, 'Modified')
  };
}

/** The MilestonesJson value (the inverse of reading it). */
export function writeMilestones(milestones: readonly IMilestone[]): string {
  return JSON.stringify(milestones.map(({ label, due, text, target, met, metDate, metNote }) => ({ label, due, text, target, met, metDate, metNote })));
}

/** A board narrative's item; one with no board date (edited by hand) is left out with a warning. */
export function mapNarrative(item: ListItem, warnings: Warnings): IBoardNarrative | undefined {
  const boardDate = readSharePointDate(item[NARRATIVE_FIELDS.boardDate]);
  if (boardDate === undefined) {
    warnings.push({ code: 'noBoardDate', item: { kind: 'narrative', name: String(item.Id) } });
    return undefined;
  }
  return {
    id: item.Id as number,
    etag: readEtag(item),
    boardDate,
    priorityId: lookupId(item, NARRATIVE_FIELDS.priority),
    keyMessages: readText(item, NARRATIVE_FIELDS.keyMessages),
    escalations: readText(item, NARRATIVE_FIELDS.escalations),
    boardAsk: readText(item, NARRATIVE_FIELDS.boardAsk),
    risks: readText(item, NARRATIVE_FIELDS.risks),
    summary: readText(item, NARRATIVE_FIELDS.summary),
    decisions: readText(item, NARRATIVE_FIELDS.decisions)
  };
}

/** The item a narrative is written as: its board date is its Title too, so list views read naturally. */
export function narrativeItem(planId: number, narrative: IBoardNarrative): ListItem {
  return {
    Title: narrative.boardDate,
    [`${NARRATIVE_FIELDS.plan}Id`]: planId,
    [NARRATIVE_FIELDS.boardDate]: writeSharePointDate(narrative.boardDate),
    [`${NARRATIVE_FIELDS.priority}Id`]: narrative.priorityId ?? null,
    [NARRATIVE_FIELDS.keyMessages]: narrative.keyMessages,
    [NARRATIVE_FIELDS.escalations]: narrative.escalations,
    [NARRATIVE_FIELDS.boardAsk]: narrative.boardAsk,
    [NARRATIVE_FIELDS.risks]: narrative.risks,
    [NARRATIVE_FIELDS.summary]: narrative.summary,
    [NARRATIVE_FIELDS.decisions]: narrative.decisions
  };
}
