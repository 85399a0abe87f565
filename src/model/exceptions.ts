/**
 * The exceptions a board looks at first: actions off track, overdue, or off track or
 * at risk at two or more board dates running.
 */
import { IsoDate } from './isoDate';
import { IAction, IStatusMark, isLiveAt } from './plan';
import { ILatestNote, isOverdue, latestNoteOf, meaningOf, statusAsAtInOrder } from './rollups';
import { compareRefs } from './refs';
import { IStatusScheme } from './statusSchemes';

export type ExceptionReason = 'offTrack' | 'overdue' | 'persistent';

export interface IActionException {
  action: IAction;
  reasons: ExceptionReason[];
  /** Consecutive board dates, up to the latest, at which it was off track or at risk. */
  troubledPeriods: number;
  latest?: ILatestNote;
}

/** Board dates counted back from the latest on or before today while the status was off track or at risk (the log in log order). */
function troubledRun(log: readonly IStatusMark[], scheme: IStatusScheme, boardDates: readonly IsoDate[]): number {
  let run = 0;
  for (let index = boardDates.length - 1; index >= 0; index--) {
    const meaning = meaningOf(scheme, statusAsAtInOrder(log, boardDates[index]));
    if (meaning !== 'offTrack' && meaning !== 'atRisk') break;
    run++;
  }
  return run;
}

/** Exceptions among the actions live at `today`, worst first: more reasons, then longer trouble, then reference. */
export function exceptions(actions: readonly IAction[], scheme: IStatusScheme, reportingDates: readonly IsoDate[], today: IsoDate): IActionException[] {
  const boardDates = reportingDates.filter((date) => date <= today).sort();
  const found: IActionException[] = [];
  for (const action of actions.filter((candidate) => isLiveAt(candidate, today))) {
    const reasons: ExceptionReason[] = [];
    if (meaningOf(scheme, action.status) === 'offTrack') reasons.push('offTrack');
    if (isOverdue(action, scheme, today)) reasons.push('overdue');
    const troubledPeriods = troubledRun(action.history, scheme, boardDates);
    if (troubledPeriods >= 2) reasons.push('persistent');
    if (reasons.length > 0) found.push({ action, reasons, troubledPeriods, latest: latestNoteOf(action) });
  }
  return found.sort(
    (left, right) =>
      right.reasons.length - left.reasons.length ||
      right.troubledPeriods - left.troubledPeriods ||
      compareRefs(left.action.ref, right.action.ref)
  );
}
