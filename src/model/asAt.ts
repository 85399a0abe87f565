/**
 * The plan as it stood at the end of a date: one pure function every view and the board
 * report take their figures from, so no screen can mix dates. Each action has the
 * status, latest note, due date (with the revision then in force), owner and text it had
 * then; each KPI the measurements recorded for periods up to then and the checkpoints
 * marked met by then. The roll-ups (counts, exceptions, changes, trend, KPI assessment)
 * run unchanged over what this returns.
 */
import { IsoDate, dateOf } from './isoDate';
import { IKpi } from './kpi';
import { IAction, IProgressUpdate, isLiveAt } from './plan';
import { keyFieldsAsAt } from './revisions';
import { compareUpdates, statusAsAtInOrder } from './rollups';

/**
 * An action as it stood at the end of `date`, retired only if it had been retired by then. Its latest note is the one kept on the
 * action when that is dated by then; otherwise the last note in `log` dated by then,
 * when the log was read, else none (the view says none was recorded by then).
 */
export function actionAsAt(action: IAction, date: IsoDate, log?: readonly IProgressUpdate[]): IAction {
  const history = action.history.filter((mark) => mark.date <= date);
  let latestNote: string | undefined;
  let latestUpdateDate: IsoDate | undefined;
  if (action.latestUpdateDate !== undefined && action.latestUpdateDate <= date) {
    latestNote = action.latestNote;
    latestUpdateDate = action.latestUpdateDate;
  } else if (log) {
    const noted = [...log].sort(compareUpdates).filter((entry) => entry.date <= date && entry.note.trim() !== '');
    const last = noted[noted.length - 1];
    if (last) {
      latestNote = last.note;
      latestUpdateDate = last.date;
    }
  }
  // From the day the item was last saved its status stands as it is (an imported status may have no history line);
  // before that, the status history says what it was.
  const unchangedSince = action.modified ? dateOf(action.modified) : undefined;
  const status = unchangedSince !== undefined && date >= unchangedSince ? action.status : statusAsAtInOrder(history, date);
  // Retired only from its retirement day: as at an earlier date it was live.
  const retired = isLiveAt(action, date) ? undefined : action.retired;
  return { ...action, ...keyFieldsAsAt(action, date), history, status, latestNote, latestUpdateDate, retired };
}

/**
 * Whether the KPI's progress note stood at the end of `date`. A dated note stood from its
 * date. An undated note (written before notes were dated, or typed into the list) is known
 * to have stood only from the day the KPI item was last saved, since it may have been
 * written any time before that: so it is shown as at that day or later, never as at an
 * earlier one, and not at all when that day is unknown.
 */
function progressNoteStood(kpi: IKpi, date: IsoDate): boolean {
  const writtenBy = kpi.progressNoteDate ?? (kpi.modified ? dateOf(kpi.modified) : undefined);
  return writtenBy !== undefined && writtenBy <= date;
}

/**
 * A KPI as it stood at the end of `date`: the actuals for periods ending by then,
 * checkpoints marked met by then, and its progress note only when it stood by then.
 */
export function kpiAsAt(kpi: IKpi, date: IsoDate): IKpi {
  const note = kpi.progressNote === undefined || progressNoteStood(kpi, date) ? {} : { progressNote: undefined, progressNoteDate: undefined };
  return {
    ...kpi,
    ...note,
    measurements: kpi.measurements.filter((measurement) => measurement.periodEnd <= date),
    milestones: kpi.milestones.map((milestone) => (milestone.met !== undefined && milestone.metDate !== undefined && milestone.metDate > date ? { ...milestone, met: undefined, metDate: undefined, metNote: undefined } : milestone))
  };
}

/** The parts of a plan that change over time. */
export interface IPlanAtDate {
  actions: IAction[];
  kpis: IKpi[];
}

/**
 * The plan as it stood at the end of `date`: every action and KPI as at that date, the
 * rest of the plan (priorities, outcomes, settings) as it is. A retired action stays (its
 * log and panel remain), marked retired from its retirement day; the roll-ups leave it out
 * of every count from that day (`isLiveAt`).
 *
 * @param logs - progress logs already read, by action id, for the notes of actions whose latest note is later than the date
 */
export function planAsAt<T extends IPlanAtDate>(plan: T, date: IsoDate, logs?: ReadonlyMap<number, readonly IProgressUpdate[]>): T {
  return {
    ...plan,
    actions: plan.actions.map((action) => actionAsAt(action, date, logs?.get(action.id))),
    kpis: plan.kpis.map((kpi) => kpiAsAt(kpi, date))
  };
}

/** The board date before `date` (the one a report compares with), if there is one. */
export function previousBoardDate(reportingDates: readonly IsoDate[], date: IsoDate): IsoDate | undefined {
  return reportingDates.filter((board) => board < date).sort().pop();
}
