/**
 * The shape of a SEND improvement plan (WSoA, APP or strategic plan) as the published
 * plans hold it. Identifiers are SharePoint list item ids; 0 means not yet saved.
 */
import { IsoDate } from './isoDate';
import { IPlanDate } from './planDates';
import { IStatusScheme } from './statusSchemes';
import { IKpiThresholds } from './kpi';
import { IRevision } from './revisions';

/** A person with a SharePoint account. */
export interface IPerson {
  /** Site user id, when resolved. */
  id?: number;
  displayName: string;
  email?: string;
}

/**
 * Who is responsible, as plans write it: a person with an account, a role from the
 * glossary ("Head of Service (SEND)"), or text that names neither yet
 * ("ND Workstream to confirm", "Alison Parkinson", "TBC").
 */
export type Assignee =
  | { kind: 'person'; person: IPerson }
  | { kind: 'role'; role: string }
  | { kind: 'text'; text: string; pending: boolean };

/** A link to evidence: minutes, a report, a Power BI page. */
export interface IEvidenceLink {
  url: string;
  description: string;
}

/**
 * Whether a link may be opened as one: an http(s) address. Anything else stored in a
 * list (a `javascript:` or `data:` URL typed into SharePoint directly) is shown as text.
 */
export function isWebAddress(url: string): boolean {
  return /^https?:\/\/\S+$/i.test(url.trim());
}

/** The marking a plan's reports carry when the plan names none: most council papers are OFFICIAL. */
export const DEFAULT_PROTECTIVE_MARKING = 'OFFICIAL';

/**
 * Who the web part lets change what (SharePoint's list permissions stay the guard on the server):
 * - `everyone`: anyone who may edit the lists edits any action and posts updates on any;
 * - `byRole`: plan officers edit all, a priority's leads edit its actions, responsible officers post updates on their own.
 */
export type EditPolicy = 'everyone' | 'byRole';

/** Plan-level settings and facts from the plan's front page. */

export interface IPlan {
  id: number;
  title: string;
  localArea: string;
  /** WSoA, APP, strategic plan... as the area names it. */
  planType: string;
  partners: string[];
  inspectionDate?: IsoDate;
  publicationDate?: IsoDate;
  /** The date milestone targets "3/6/12/18 months" count from. */
  startDate?: IsoDate;
  accountableOfficers: string[];
  statusScheme: IStatusScheme;
  /** Board dates: the reporting periods status is shown for. Ascending. */
  reportingDates: IsoDate[];
  kpiThresholds: IKpiThresholds;
  /** The protective marking its reports carry on every printed page ("OFFICIAL", "OFFICIAL-SENSITIVE"). */
  protectiveMarking?: string;
  /** The board dates whose pack has been frozen, ascending: a page reads a pack only where there is one. */
  frozenBoards?: IsoDate[];
  /** Who may change what in the web part; `everyone` when not set. */
  editPolicy?: EditPolicy;
  /** Whether an update stands as submitted until the priority's lead or a plan officer approves it. */
  signOffRequired?: boolean;
  /** SharePoint's ETag of the plan item, sent back when its settings are saved. */
  etag?: string;
}

/** A priority area (area of concern, workstream, key concern). */
export interface IPriorityArea {
  id: number;
  planId: number;
  /** As the plan numbers it ("3", "Priority 1"). */
  number: string;
  title: string;
  /** The inspection finding it answers. */
  inspectionFinding: string;
  vision: string;
  leadRoles: string[];
  membership: string[];
}

/** "3. ND Pathways": a priority area as every view and export names it (its title alone when it has no number). */
export function priorityName(priority: Pick<IPriorityArea, 'number' | 'title'>): string {
  return priority.number ? `${priority.number}. ${priority.title}` : priority.title;
}

/** An outcome under a priority ("3.1", "Outcome 2"). */
export interface IOutcome {
  id: number;
  planId: number;
  priorityId: number;
  number: string;
  title: string;
}

/** An action: the unit officers update. */
export interface IAction {
  id: number;
  planId: number;
  priorityId: number;
  outcomeId?: number;
  /** "3.6.4", "1.1.2", "A", "J2": unique within a plan. */
  ref: string;
  text: string;
  /** The theme line it sits under ("Actions to ensure referrers know how to make good referrals"). */
  theme?: string;
  strategicLead?: Assignee;
  responsibleOfficer?: Assignee;
  deliveryPartners: string[];
  start: IPlanDate;
  due: IPlanDate;
  /** Set when the due date moves; `due` keeps the original. */
  revisedDue?: IPlanDate;
  revisedDueReason?: string;
  resources?: string;
  desiredImpact?: string;
  howWeWillKnow?: string;
  /** Key of a label in the plan's status scheme; undefined until first rated. */
  status?: string;
  /** The most recent progress note, kept on the action for list views. */
  latestNote?: string;
  latestUpdateDate?: IsoDate;
  /** Links to inspection findings or programmes: AFI2, SEF, DBV. */
  tags: string[];
  evidence: IEvidenceLink[];
  /** One line per progress-log entry, in log order (by date, then as recorded): the date and the status it set. */
  history: IStatusMark[];
  /** Every change of its key fields (text, owner, revised due date), in the order made. */
  revisions: IRevision[];
  /** Set when the action was retired: kept with its log and shown as retired, never deleted. */
  retired?: IRetirement;
  /** Updates submitted and not yet signed off, oldest first (only when the plan requires sign-off). */
  awaitingSignOff?: IAwaitingSignOff[];
  /**
   * Set when the load left out the long texts (`IActionTexts`), as the views' loads do:
   * they are read when the action is opened, and never written back from this copy.
   */
  textsOmitted?: true;
  /** SharePoint's ETag, sent back on every update. */
  etag?: string;
  modified?: string;
}

/** An action's long texts: shown when it is opened, never in a list or a summary. */
export type IActionTexts = Pick<IAction, 'deliveryPartners' | 'resources' | 'desiredImpact' | 'howWeWillKnow'>;

/** The action with its long texts as read when it was opened (only those four fields are taken from `texts`). */
export function withTexts(action: IAction, texts: IActionTexts): IAction {
  const { deliveryPartners, resources, desiredImpact, howWeWillKnow } = texts;
  const whole: IAction = { ...action, deliveryPartners, resources, desiredImpact, howWeWillKnow };
  delete whole.textsOmitted;
  return whole;
}

/** When and why an action was retired. */
export interface IRetirement {
  date: IsoDate;
  reason: string;
}

/**
 * An update that awaits sign-off, kept on its action so every view can flag it without
 * reading the log: what it would set, who wrote it, and the log entry that holds it.
 */
export interface IAwaitingSignOff {
  /** The progress-log entry's item id. */
  updateId: number;
  date: IsoDate;
  status?: string;
  note: string;
  author: string;
  /** The author's site user id: nobody signs off their own update. */
  authorId?: number;
  /** When it was submitted (ISO 8601, UTC). */
  submittedAt: string;
  /** Links and files it came with, so the lead sees the evidence before signing off. */
  evidence?: IEvidenceLink[];
}

/** Where a progress-log entry stands in sign-off; entries written without sign-off have none. */
export type SignOffState = 'submitted' | 'approved' | 'returned';

/** A log entry's sign-off: approved or returned by whom, when, with what comment. */
export interface ISignOff {
  state: SignOffState;
  by?: string;
  /** When it was approved or returned (ISO 8601, UTC). */
  at?: string;
  /** Why it was returned, or a word with the approval. */
  comment?: string;
}

/**
 * One line of an action's status history: the date and status of one progress-log
 * entry. Each action keeps its history in its own item, written in the same guarded
 * save as the log entry, so summaries read the plan's history from the actions alone.
 */
export interface IStatusMark {
  /** For a log entry, its item id; for a history line, its position (later lines were recorded later). */
  id: number;
  actionId: number;
  /** The date the entry speaks for (often a board date). */
  date: IsoDate;
  /** When it was recorded (server time), for ordering entries on the same date. */
  recordedAt?: string;
  /** The status set by this entry, if it set one (a label key). */
  status?: string;
  /** A short tag of the log entry's key, so re-running an import adds no line twice. */
  tag?: string;
}

/** One entry in an action's append-only progress log. */
export interface IProgressUpdate extends IStatusMark {
  /** What wrote it: a save's key, or an import's key, so nothing is logged twice. */
  key?: string;
  author: string;
  /** The author's site user id, when SharePoint gave it. */
  authorId?: number;
  note: string;
  evidence: IEvidenceLink[];
  /** Set when the plan required sign-off when it was written. */
  signOff?: ISignOff;
}

/** A role in the glossary and who holds it now. */
export interface IRole {
  id: number;
  planId: number;
  /** "Director of Children's Services". */
  title: string;
  /** "DCS". */
  abbreviation?: string;
  holder?: IPerson;
  /** The day the current holder took the role. */
  holderSince?: IsoDate;
  /** Who covers the role while its holder is away: reached like the holder. */
  deputy?: IPerson;
  /** When the glossary entry was last confirmed. */
  reviewed?: IsoDate;
}

/**
 * Tags as people type them into one cell or field, and as an imported sheet writes them:
 * separated by commas, semicolons, slashes or lines, a leading bullet dropped. The one
 * reading for the edit form, the stored column and the import.
 */
export function splitTags(text: string): string[] {
  return text
    .split(/[;,/\n]/)
    .map((tag) => tag.trim().replace(/^[-•]\s*/, ''))
    .filter((tag) => tag.length > 0);
}

/** How an assignee reads in a list: the person's name, the role, or the text as written. */
export function assigneeName(assignee: Assignee | undefined): string {
  if (!assignee) return '';
  if (assignee.kind === 'person') return assignee.person.displayName;
  if (assignee.kind === 'role') return assignee.role;
  return assignee.text;
}

/** Whether the action is live (not retired): counted, listed as owed, offered for updates. */
export function isLive(action: IAction): boolean {
  return action.retired === undefined;
}

/** Whether the action was live at the end of `date`: not retired, or retired only after it (as at an earlier board it counts). */
export function isLiveAt(action: IAction, date: IsoDate): boolean {
  return action.retired === undefined || action.retired.date > date;
}
