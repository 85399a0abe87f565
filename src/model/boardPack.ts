/**
 * The board's highlight report as figures, and the board pack: those figures frozen at
 * a board date with the narrative, so the pack shows for ever what the board saw.
 *
 * Every figure comes from the plan as it stood at the date (`planAsAt`) through the same
 * roll-up, so the status table, the change since the previous board and the trend can
 * never disagree; a frozen pack keeps the figures themselves, not a way to recompute them.
 */
import { planAsAt, previousBoardDate } from './asAt';
import { IActionException, exceptions } from './exceptions';
import { IsoDate } from './isoDate';
import { IKpi } from './kpi';
import { IBoardNarrative } from './narrative';
import { IAction, IPlan, IPriorityArea, IProgressUpdate } from './plan';
import { IPriorityRollup, rollUp } from './rollups';
import { IStatusScheme } from './statusSchemes';

/** The whole plan's row: priority id 0. */
export const WHOLE_PLAN = 0;

/** One date's figures: per priority (in the plan's order) and for the whole plan. */
export interface IDateFigures {
  date: IsoDate;
  byPriority: IPriorityRollup[];
  whole: IPriorityRollup;
}

/** What a report at a date is read from: the plan with its priorities, actions and KPIs. */
export interface IReportSource {
  plan: IPlan;
  priorities: IPriorityArea[];
  actions: IAction[];
  kpis: IKpi[];
}

/** The figures of the actions as they stood at `date`. */
export function figuresAt(actions: readonly IAction[], priorities: readonly IPriorityArea[], scheme: IStatusScheme, date: IsoDate): IDateFigures {
  return {
    date,
    byPriority: priorities.map((priority) => rollUp(priority.id, actions.filter((action) => action.priorityId === priority.id), scheme, date)),
    whole: rollUp(WHOLE_PLAN, actions, scheme, date)
  };
}

/** The board dates up to `asAt`, then `asAt` itself when it is not one: the trend's rows. */
export function trendDates(reportingDates: readonly IsoDate[], asAt: IsoDate): IsoDate[] {
  const boards = reportingDates.filter((date) => date <= asAt);
  return boards[boards.length - 1] === asAt ? boards : boards.concat(asAt);
}

/** Everything the highlight report shows as at one date but its narrative. */
export interface IReportContent {
  asAt: IsoDate;
  /** The board before `asAt`, which the change is counted from. */
  previousBoard?: IsoDate;
  plan: IPlan;
  priorities: IPriorityArea[];
  /** Each action as it stood at `asAt`, its note the one it had then. */
  actions: IAction[];
  /** Each KPI as it stood at `asAt`. */
  kpis: IKpi[];
  /** The figures at each trend date; the last row is `asAt`'s. */
  trend: IDateFigures[];
  exceptions: IActionException[];
}

/**
 * The report's content as at `asAt`, from the plan as it stood then.
 *
 * @param logs - progress logs read for the actions whose note then has since been replaced
 */
export function reportAsAt(source: IReportSource, asAt: IsoDate, logs?: ReadonlyMap<number, readonly IProgressUpdate[]>): IReportContent {
  const { plan, priorities } = source;
  const scheme = plan.statusScheme;
  const then = planAsAt(source, asAt, logs);
  const trend = trendDates(plan.reportingDates, asAt).map((date) => (date === asAt ? figuresAt(then.actions, priorities, scheme, date) : figuresAt(planAsAt(source, date).actions, priorities, scheme, date)));
  return {
    asAt,
    previousBoard: previousBoardDate(plan.reportingDates, asAt),
    plan,
    priorities,
    actions: then.actions,
    kpis: then.kpis,
    trend,
    exceptions: exceptions(then.actions, scheme, plan.reportingDates, asAt)
  };
}

/** The figures at `asAt` and at the previous board (when there was one), from the content's trend. */
export function figuresOfReport(content: IReportContent): { now: IDateFigures; before?: IDateFigures } {
  return { now: content.trend[content.trend.length - 1], before: content.trend.find((row) => row.date === content.previousBoard) };
}

/** The shape of a stored pack; a later product reads every shape it ever wrote. */
export const BOARD_PACK_FORMAT = 1;

/** A board pack: the report as at a board date and its narrative, frozen by a plan officer. */
export interface IBoardPack extends IReportContent {
  format: typeof BOARD_PACK_FORMAT;
  narratives: IBoardNarrative[];
  /** When it was frozen (ISO date and time). */
  frozenAt: string;
  /** Who froze it, by name. */
  frozenBy: string;
}

/** A frozen pack as listed: which board, and whether the stored copy has been changed since it was frozen. */
export interface IBoardPackEntry {
  boardDate: IsoDate;
  frozenAt: string;
  /** The stored copy's address, for download. */
  url: string;
  /** Someone saved over the stored copy after it was frozen (its first version is in the library's version history). */
  changedAfterFreezing: boolean;
}

/**
 * Freezes a report's content with its narrative: every action, KPI and figure as the
 * board sees it. Only the narrative written for the board date goes in.
 */
export function freezePack(content: IReportContent, narratives: readonly IBoardNarrative[], frozenAt: string, frozenBy: string): IBoardPack {
  return { ...content, format: BOARD_PACK_FORMAT, narratives: narratives.filter((narrative) => narrative.boardDate === content.asAt && narrative.id !== 0), frozenAt, frozenBy };
}

/** Why a report cannot be frozen as it stands: it is not at a board date, or a board date still to come. */
export type PackRefusal = 'notBoardDate' | 'futureBoard';

/** Whether the report as at `asAt` may be frozen on `today`; undefined when it may. */
export function packRefusal(reportingDates: readonly IsoDate[], asAt: IsoDate, today: IsoDate): PackRefusal | undefined {
  if (!reportingDates.includes(asAt)) return 'notBoardDate';
  if (asAt > today) return 'futureBoard';
  return undefined;
}

/** Each action's status as the pack showed it, by action id: what "changed since the board" counts from. */
export function packStatuses(pack: Pick<IBoardPack, 'actions'>): Map<number, string | undefined> {
  return new Map(pack.actions.map((action) => [action.id, action.status]));
}
