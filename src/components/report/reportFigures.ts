/** The report's words for its figures: revised due dates and changes since the previous board. */
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../../model/isoDate';
import { IAction } from '../../model/plan';
import { dueRevisionsAsAt } from '../../model/revisions';
import { formatString } from '../format';

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
