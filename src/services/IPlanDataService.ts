import { ListName } from './planColumns';
import { IsoDate } from '../model/isoDate';
import { ActionEditValues } from '../model/actionEdit';
import { IBoardNarrative } from '../model/narrative';
import { IKpi, IKpiThresholds, IMeasurement, IMilestone } from '../model/kpi';
import { IStatusScheme } from '../model/statusSchemes';
import { EditPolicy, IAction, IActionTexts, IAwaitingSignOff, IEvidenceLink, IOutcome, IPerson, IPlan, IPriorityArea, IProgressUpdate, IRole } from '../model/plan';

/** Who is looking, and what they may change. */
export interface IPlanAccess {
  user: IPerson;
  /** May edit actions (status, latest note): Contribute or more on the actions list. */
  canEditActions: boolean;
  /** May add entries to the progress log. */
  canAddUpdates: boolean;
  /** May record KPI measurements and mark checkpoints. */
  canUpdateKpis: boolean;
  /** May create and change lists on the site (Edit or Full Control): set up lists and import a plan. */
  canManageLists: boolean;
}

/** The item a warning is about: its kind, and how the plan officer finds it (a plan's title, an action's or KPI's ref, else the item's id). */
export interface IWarningItem {
  kind: 'plan' | 'action' | 'update' | 'kpi' | 'measurement' | 'narrative';
  name: string;
}

/**
 * Something a load could not read, as a code with its parameters; the words are in loc.
 * - historyLine, revisionLine: a line of the status history or the revisions (`line`, 1-based, and its first characters, `text`);
 * - evidence, signOffs, milestones, latestMeasurements: the column could not be read (the latest measurements: the series was read instead);
 * - scheme: the plan's status scheme could not be read, so Red / Amber / Green / Complete is shown;
 * - milestonesUndated: `count` milestones have no readable date and are left out;
 * - direction: "better is" is neither higher nor lower, so higher is assumed;
 * - noPeriodEnd, noValue: a measurement without it, left out; noBoardDate: a narrative without it, left out.
 */
export type PlanWarning =
  | { code: 'historyLine' | 'revisionLine'; item: IWarningItem; line: number; text: string }
  | { code: 'milestonesUndated'; item: IWarningItem; count: number }
  | { code: 'evidence' | 'signOffs' | 'milestones' | 'latestMeasurements' | 'scheme' | 'direction' | 'noPeriodEnd' | 'noValue' | 'noBoardDate'; item: IWarningItem };

/** Everything a plan's views need, loaded together. */
export interface IPlanSnapshot {
  plan: IPlan;
  priorities: IPriorityArea[];
  outcomes: IOutcome[];
  /** Each with its status history; an action's full progress log is read when it is opened (`loadActionLog`). */
  actions: IAction[];
  kpis: IKpi[];
  /** The glossary: roles and who holds them, so "Commissioners" reaches the person. */
  roles: IRole[];
  access: IPlanAccess;
  /** What could not be read (for example a column edited by hand), for the plan officer, as codes (`planWarningText` words them). */
  warnings: PlanWarning[];
  /** Each plan list's change token as the load read it, for the next visit's refresh from the change log. */
  changeTokens?: Record<ListName, string>;
}

/** How much of a plan `loadPlan` reads. */
export interface IPlanLoadOptions {
  /**
   * `whole` (the default): every KPI's whole series, for what compares with it or shows
   * the plan as at an earlier date (an import's dry run, the report). `latest`: the
   * latest two each KPI item keeps, all a view's first render shows (tiles, scorecard);
   * the measurements list is then not read (`IKpi.partialSeries`).
   */
  kpiSeries?: 'whole' | 'latest';
  /**
   * `all` (the default): every action column. `brief`: all but the long texts
   * (`IActionTexts`, `IAction.textsOmitted`), which no list or summary shows; an opened
   * action reads them (`openAction`).
   */
  actionTexts?: 'all' | 'brief';
}

/** What the views load: each KPI's latest two measurements, each action without its long texts. */
export const VIEW_LOAD: IPlanLoadOptions = { kpiSeries: 'latest', actionTexts: 'brief' };

/** An opened action: its progress log and its long texts, read together. */
export interface IOpenedAction {
  log: IProgressUpdate[];
  texts: IActionTexts;
}

/** A plan as listed for choosing one in the property pane. */
export interface IPlanSummary {
  id: number;
  title: string;
}

/** The plan settings a plan officer edits from the web part's settings. */
export interface IPlanSettings {
  statusScheme: IStatusScheme;
  reportingDates: IsoDate[];
  kpiThresholds: IKpiThresholds;
  /** The protective marking printed on the plan's reports ("OFFICIAL"); left as saved when not given. */
  protectiveMarking?: string;
  /** Who may change what in the web part; left as saved when not given. */
  editPolicy?: EditPolicy;
  /** Whether updates need sign-off; left as saved when not given. */
  signOffRequired?: boolean;
}

/** A progress update someone is saving: everything they typed, kept whatever happens. */
export interface IUpdateDraft {
  /** The action as the person last saw it (its ETag decides whether someone else got there first). */
  action: IAction;
  date: IsoDate;
  note: string;
  /** A label key of the plan's scheme; undefined keeps the current status. */
  status?: string;
  /** New evidence links, added to the action's. */
  evidence: IEvidenceLink[];
  /** The update's key, when chosen before the save (files uploaded with it carry it); a new one otherwise. */
  key?: string;
  /**
   * True when the plan requires sign-off: the update is submitted (kept in its log entry
   * and listed on the action as awaiting sign-off) and the action's status, latest note
   * and history stay as approved until it is approved.
   */
  forSignOff?: boolean;
}

/** An edit of an action's own fields, from the form. */
export interface IActionEditDraft {
  /** The action as the person last saw it; its ETag guards the write. */
  action: IAction;
  values: ActionEditValues;
  /** Who is saving, and the day (the page's today): each changed key field is kept as a revision by them on that day. */
  made: { by: string; date: IsoDate };
}

/** A recorded measurement, and its KPI with the measurement among its latest and its new ETag. */
export interface ISavedMeasurement {
  measurement: IMeasurement;
  kpi: IKpi;
}

/** What a save produced. */
export interface ISavedUpdate {
  action: IAction;
  update: IProgressUpdate;
}

/**
 * Reads and writes a plan's data. The SharePoint implementation uses PnPjs; views
 * depend only on this interface so they render the same in SharePoint, Teams and the
 * local host page.
 */
export interface IPlanDataService {
  /** The plans on the site, for the property pane. */
  listPlans(): Promise<IPlanSummary[]>;
  /** One plan's own settings and front-page facts (no lists), for the property pane. */
  readPlan(planId: number): Promise<IPlan>;
  /** A plan's priority areas, for pinning a page to one. */
  listPriorities(planId: number): Promise<IPriorityArea[]>;
  /**
   * Saves the plan's settings (status scheme, board dates, KPI tolerance, and the marking, edit policy and sign-off when given), guarded by the plan's ETag.
   *
   * @throws ConflictError when someone else changed the plan since it was read
   */
  savePlanSettings(plan: IPlan, settings: IPlanSettings): Promise<IPlan>;
  /** A plan with its priorities, outcomes, actions (with their status history), KPIs (with their latest two measurements) and the user's access. */
  loadPlan(planId: number, options?: IPlanLoadOptions): Promise<IPlanSnapshot>;
  /**
   * What an opened action shows beyond a view's load, in one request: its progress log,
   * in log order, and its long texts. When the user may add entries, a save that wrote
   * the action but stopped before its log entry (more than two minutes ago) has its
   * entry written first, from the action's own fields.
   */
  openAction(action: IAction, canAddUpdates: boolean): Promise<IOpenedAction>;
  /** Every action's long texts, by action id (for an export from a view, whose load leaves them out), in two requests at most. */
  loadActionTexts(planId: number): Promise<Map<number, IActionTexts>>;
  /**
   * The progress logs of several actions, each in log order, by action id (an action
   * with no entries maps to an empty log), for reading notes as they stood at a past
   * date. Read only: unlike `openAction` it completes no unfinished save.
   */
  readActionLogs(actionIds: number[]): Promise<Map<number, IProgressUpdate[]>>;
  /** The signed-in user. */
  currentUser(): Promise<IPerson>;
  /**
   * Saves a progress update: the action's current status and latest note, and a new
   * log entry; or, for sign-off (`draft.forSignOff`), the log entry as submitted and the
   * action's list of updates awaiting sign-off.
   *
   * @throws ConflictError when someone else changed the action since it was loaded
   * @throws PlanDataError for anything else (forbidden, throttled, network...)
   */
  saveUpdate(draft: IUpdateDraft): Promise<ISavedUpdate>;
  /**
   * Approves an update awaiting sign-off: its log entry is marked approved (by the user,
   * now, with the comment), and the action takes its status, note, date, evidence and
   * history line as a save without sign-off would, and lists it no longer.
   *
   * @throws ConflictError carrying the action as it is now, when someone else changed the action or signed the update off first
   * @throws PlanDataError for anything else
   */
  approveUpdate(action: IAction, awaiting: IAwaitingSignOff, comment?: string): Promise<ISavedUpdate>;
  /**
   * Returns an update awaiting sign-off with a comment (required): its log entry is marked
   * returned, the action lists it no longer, and the action's status and note stay as they are.
   *
   * @throws ConflictError carrying the action as it is now, when someone else changed the action or signed the update off first
   * @throws PlanDataError for anything else
   */
  returnUpdate(action: IAction, awaiting: IAwaitingSignOff, comment: string): Promise<ISavedUpdate>;
  /**
   * Saves an edit of the action's own fields (text, revised due date and reason...);
   * the original due date is never written.
   *
   * @returns the action as saved, with its new ETag
   * @throws ConflictError when someone else changed the action since it was loaded
   * @throws PlanDataError for anything else
   */
  saveActionEdit(draft: IActionEditDraft): Promise<IAction>;
  /**
   * Records a measurement: a new item, or (when it has an id) a correction of the one
   * already recorded for its period, sent with that item's ETag; SharePoint's version
   * history keeps the value it replaces. The KPI's latest two measurements are written
   * to its item with its ETag (read again when someone else changed it).
   *
   * @returns the measurement as saved, with its id and new ETag, and the KPI with its new ETag
   */
  recordMeasurement(kpi: IKpi, measurement: IMeasurement): Promise<ISavedMeasurement>;
  /** A KPI's whole series of measurements, in period order, in one request (a plan's load carries only the latest two). */
  loadMeasurements(kpi: IKpi): Promise<IMeasurement[]>;
  /** Every measurement of a plan's KPIs, by KPI id, in two requests at most: for the plan as at an earlier date (the report). */
  loadPlanMeasurements(planId: number): Promise<Map<number, IMeasurement[]>>;
  /**
   * Saves a KPI's milestones (a checkpoint marked met or not met) with the KPI's ETag.
   *
   * @throws ConflictError when someone else changed the KPI since it was loaded
   */
  saveMilestones(kpi: IKpi, milestones: IMilestone[]): Promise<IKpi>;
  /** The plan's board narratives written for a board date: the whole plan's and each priority area's. */
  loadNarratives(planId: number, boardDate: IsoDate): Promise<IBoardNarrative[]>;
  /**
   * Saves a board narrative's draft: a new item when its id is 0, else a change sent
   * with its ETag.
   *
   * @returns the narrative as saved, with its id and new ETag
   * @throws ConflictError carrying the narrative as it is now, when someone else saved it since it was read
   * @throws PlanDataError for anything else
   */
  saveNarrative(planId: number, narrative: IBoardNarrative): Promise<IBoardNarrative>;
}
