/**
 * The report's figures, all from the plan as it stood at each date (`planAsAt`) through
 * the same roll-up, so the status table, the change since the previous board and the
 * trend can never disagree.
 */
import * as strings from 'ImprovementPlanWebPartStrings';
import { planAsAt } from '../../model/asAt';
import { IsoDate } from '../../model/isoDate';
import { IAction, IPriorityArea } from '../../model/plan';
import { dueRevisionsAsAt } from '../../model/revisions';
import { IPriorityRollup, rollUp } from '../../model/rollups';
import { IStatusScheme } from '../../model/statusSchemes';
import { IPlanSnapshot } from '../../services/IPlanDataService';
import { formatString } from '../format';

/** The whole plan's row: priority id 0. */
export const WHOLE_PLAN = 0;

/** One date's figures: per priority (in the plan's order) and for the whole plan. */
export interface IDateFigures {
  date: IsoDate;
  byPriority: IPriorityRollup[];
  whole: IPriorityRollup;
}

/** The figures of the actions as they stood at `date`. */
export function figuresAt(actions: readonly IAction[], priorities: readonly IPriorityArea[], scheme: IStatusScheme, date: IsoDate): IDateFigures {
  return {
    date,
    byPriority: priorities.map((priority) => rollUp(priority.id, actions.filter((action) => action.priorityId === priority.id), scheme, date)),
    whole: rollUp(WHOLE_PLAN, actions, scheme, date)
  };
}

/** The figures at each date, each from the plan as it stood then. */
export function figuresOver(snapshot: IPlanSnapshot, dates: readonly IsoDate[]): IDateFigures[] {
  return dates.map((date) => figuresAt(planAsAt(snapshot, date).actions, snapshot.priorities, snapshot.plan.statusScheme, date));
}

/** The board dates up to `asAt`, then `asAt` itself when it is not one: the trend's rows. */
export function trendDates(reportingDates: readonly IsoDate[], asAt: IsoDate): IsoDate[] {
  const boards = reportingDates.filter((date) => date <= asAt);
  return boards[boards.length - 1] === asAt ? boards : boards.concat(asAt);
}

/**
 * How the action's due date had moved by `date`, as a board reads it ("revised twice,
 * first due Apr-23"); undefined when it had not. A revised date with no revision kept
 * (written before revisions were, or imported) is flagged without a count.
 */
export function revisionFlag(action: IAction, date: IsoDate): string | undefined {
  const { count, firstDue } = dueRevisionsAsAt(action, date);
  const first = firstDue || strings.NotRecorded;
  if (count === 1) return formatString(strings.ReportRevisedOnce, first);
  if (count === 2) return formatString(strings.ReportRevisedTwice, first);
  if (count > 2) return formatString(strings.ReportRevisedTimes, count, first);
  return action.revisedDue ? formatString(strings.ReportRevisedUncounted, first) : undefined;
}

/** "1 more", "2 fewer" or "" for no change: a change in words. */
export function changeWords(now: number, before: number): string {
  if (now > before) return formatString(strings.ReportMore, now - before);
  if (now < before) return formatString(strings.ReportFewer, before - now);
  return '';
}

/** "3 Red, 1 more than at 30 September 2023": a count and its change since the previous board, in words. */
export function changeSentence(count: number, label: string, before: number, previousText: string): string {
  if (count > before) return formatString(strings.ReportChangeMore, count, label, count - before, previousText);
  if (count < before) return formatString(strings.ReportChangeFewer, count, label, before - count, previousText);
  return formatString(strings.ReportChangeSame, count, label, previousText);
}
