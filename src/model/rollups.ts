/**
 * Roll-ups for boards: counts by status, what is late or due, the status of an action
 * on any date from its history, and what changed between two board dates. Status per
 * reporting period is always derived from the history lines (one per log entry), never
 * stored per period.
 */
import { IsoDate, addDays } from './isoDate';
import { IAction, IStatusMark, isLive, isLiveAt } from './plan';
import { CanonicalStatus, PROGRESS_RANK, IStatusScheme, isDone, labelForKey } from './statusSchemes';

/** The canonical meaning of a stored status key, if the scheme knows it. */
export function meaningOf(scheme: IStatusScheme, statusKey: string | undefined): CanonicalStatus | undefined {
  return labelForKey(scheme, statusKey)?.meaning;
}

/** The due date that counts now: the revised one if set, else the original. */
export function effectiveDueDate(action: IAction): IsoDate | undefined {
  return action.revisedDue?.date ?? action.due.date;
}

/** Counts actions by the plan's own labels, in the scheme's order; unrated under `noStatus`. A retired action is not counted. */
export function countByLabel(
  actions: readonly IAction[],
  scheme: IStatusScheme
): { byLabel: Array<{ key: string; count: number }>; noStatus: number } {
  const byKey = new Map<string, number>(scheme.labels.map((entry) => [entry.key, 0]));
  let noStatus = 0;
  for (const action of actions.filter(isLive)) {
    if (action.status !== undefined && byKey.has(action.status)) {
      byKey.set(action.status, (byKey.get(action.status) as number) + 1);
    } else {
      noStatus += 1;
    }
  }
  return { byLabel: scheme.labels.map((entry) => ({ key: entry.key, count: byKey.get(entry.key) as number })), noStatus };
}

/** True when the status, as at `asAt`, says the work is finished. */
function doneBy(scheme: IStatusScheme, statusKey: string | undefined): boolean {
  const meaning = meaningOf(scheme, statusKey);
  return meaning !== undefined && isDone(meaning);
}

/** Past its (revised) due date and not complete or embedded. */
export function isOverdue(action: IAction, scheme: IStatusScheme, today: IsoDate): boolean {
  const due = effectiveDueDate(action);
  return due !== undefined && due < today && !doneBy(scheme, action.status);
}

/** Due between today and `days` from now (inclusive) and not finished. */
export function isDueWithin(action: IAction, scheme: IStatusScheme, today: IsoDate, days: number): boolean {
  const due = effectiveDueDate(action);
  return due !== undefined && due >= today && due <= addDays(today, days) && !doneBy(scheme, action.status);
}

/** A priority's figures for the summary. */
export interface IPriorityRollup {
  priorityId: number;
  total: number;
  byLabel: Array<{ key: string; count: number }>;
  noStatus: number;
  overdue: number;
  dueSoon: number;
}

/**
 * Figures per priority (in the order given) for a summary, counting overdue and due
 * within `dueSoonDays` of `today`.
 */
export function rollUpByPriority(
  priorityIds: readonly number[],
  actions: readonly IAction[],
  scheme: IStatusScheme,
  today: IsoDate,
  dueSoonDays: number = 30
): IPriorityRollup[] {
  return priorityIds.map((priorityId) => rollUp(priorityId, actions.filter((a) => a.priorityId === priorityId), scheme, today, dueSoonDays));
}

/** The same figures for any set of actions (the whole plan: priorityId 0), counting those live at `today`. */
export function rollUp(
  priorityId: number,
  actions: readonly IAction[],
  scheme: IStatusScheme,
  today: IsoDate,
  dueSoonDays: number = 30
): IPriorityRollup {
  const live = actions.filter((action) => isLiveAt(action, today));
  const labels = countByLabel(live, scheme);
  return {
    priorityId,
    total: live.length,
    byLabel: labels.byLabel,
    noStatus: labels.noStatus,
    overdue: live.filter((a) => isOverdue(a, scheme, today)).length,
    dueSoon: live.filter((a) => isDueWithin(a, scheme, today, dueSoonDays)).length
  };
}

/** Log order: by the date spoken for, then by when recorded, then by id. */
export function compareUpdates(a: IStatusMark, b: IStatusMark): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const ar = a.recordedAt ?? '';
  const br = b.recordedAt ?? '';
  if (ar !== br) return ar < br ? -1 : 1;
  return a.id - b.id;
}

/**
 * The status an action had at the end of `date`, from its log: the status set by the
 * last update dated on or before it. Undefined if none had been set.
 */
export function statusAsAt(updates: readonly IStatusMark[], date: IsoDate): string | undefined {
  return statusAsAtInOrder([...updates].sort(compareUpdates), date);
}

/** `statusAsAt` over a log already in log order (as an action's history is kept), sorting nothing. */
export function statusAsAtInOrder(updates: readonly IStatusMark[], date: IsoDate): string | undefined {
  let status: string | undefined;
  for (const update of updates) {
    if (update.date > date) break;
    if (update.status !== undefined) status = update.status;
  }
  return status;
}

/** The status at each reporting date, from the log. */
export function statusByPeriod(
  updates: readonly IStatusMark[],
  reportingDates: readonly IsoDate[]
): Array<{ date: IsoDate; status?: string }> {
  const inOrder = [...updates].sort(compareUpdates);
  return reportingDates.map((date) => ({ date, status: statusAsAtInOrder(inOrder, date) }));
}

/** A progress note and the date it speaks for. */
export interface ILatestNote {
  date: IsoDate;
  note: string;
}

/** The action's latest progress note, as kept on the action for list views; undefined before the first. */
export function latestNoteOf(action: IAction): ILatestNote | undefined {
  return action.latestUpdateDate === undefined ? undefined : { date: action.latestUpdateDate, note: action.latestNote ?? '' };
}

/**
 * History lines in log order with new ones placed among them: by date, a line
 * recorded later after one of the same date (its id is its position, so new lines
 * take ids after the others).
 */
export function withHistoryLines(history: readonly IStatusMark[], added: ReadonlyArray<Omit<IStatusMark, 'id'>>): IStatusMark[] {
  return history.concat(added.map((mark, index) => ({ ...mark, id: history.length + index }))).sort(compareUpdates);
}

export type StatusMovement = 'improved' | 'deteriorated' | 'changed' | 'unchanged' | 'firstRated';

/** How one action moved between two dates. */
export interface IActionChange {
  actionId: number;
  ref: string;
  statusBefore?: string;
  statusAfter?: string;
  movement: StatusMovement;
  /** Log entries dated after `from` and on or before `to`. */
  newUpdates: IStatusMark[];
  /** Not overdue at `from`, overdue at `to`. */
  newlyOverdue: boolean;
}

function movementBetween(scheme: IStatusScheme, before: string | undefined, after: string | undefined): StatusMovement {
  if (before === after) return 'unchanged';
  if (before === undefined) return 'firstRated';
  const was = meaningOf(scheme, before);
  const now = meaningOf(scheme, after);
  if (was === undefined || now === undefined) return 'changed';
  const delta = PROGRESS_RANK[now] - PROGRESS_RANK[was];
  if (delta > 0) return 'improved';
  if (delta < 0) return 'deteriorated';
  return 'changed';
}

/**
 * What changed between two board dates (after `from`, up to and including `to`): status
 * moves up and down, new log entries, and actions that became overdue. Only actions
 * with something to report are returned; an action retired by `to` has none.
 *
 * @param shownAtFrom - each action's status as the board's frozen pack showed it, when
 *   one was frozen for `from`: the change is counted from what the board saw (an action
 *   the pack did not hold is counted from its log)
 */
export function changesBetween(
  actions: readonly IAction[],
  scheme: IStatusScheme,
  from: IsoDate,
  to: IsoDate,
  shownAtFrom?: ReadonlyMap<number, string | undefined>
): IActionChange[] {
  if (from > to) {
    throw new RangeError(`changesBetween: the period starts (${from}) after it ends (${to})`);
  }
  const changes: IActionChange[] = [];
  for (const action of actions.filter((candidate) => isLiveAt(candidate, to))) {
    const log = action.history;
    const statusBefore = shownAtFrom?.has(action.id) ? shownAtFrom.get(action.id) : statusAsAtInOrder(log, from);
    const statusAfter = statusAsAtInOrder(log, to);
    const newUpdates = log.filter((u) => u.date > from && u.date <= to);
    const due = effectiveDueDate(action);
    const newlyOverdue =
      due !== undefined && due >= from && due < to && !doneBy(scheme, statusAfter);
    const movement = movementBetween(scheme, statusBefore, statusAfter);
    if (movement !== 'unchanged' || newUpdates.length > 0 || newlyOverdue) {
      changes.push({ actionId: action.id, ref: action.ref, statusBefore, statusAfter, movement, newUpdates, newlyOverdue });
    }
  }
  return changes;
}

/** The plan's statuses as they stood on one reporting date, with the actions behind each count. */
export interface IPeriodCounts {
  date: IsoDate;
  byLabel: Array<{ key: string; actionIds: number[] }>;
  /** Actions with no status in the scheme by then. */
  noStatus: number[];
}

/**
 * The status trend: at each date, every action live then with its status as its log
 * stood then, by the plan's labels. Actions with no rated entry by then count as unrated;
 * an action retired by then is not counted (at an earlier date it is).
 */
export function statusTrend(
  actions: readonly IAction[],
  scheme: IStatusScheme,
  dates: readonly IsoDate[]
): IPeriodCounts[] {
  return dates.map((date) => {
    const byKey = new Map<string, number[]>(scheme.labels.map((label) => [label.key, []]));
    const noStatus: number[] = [];
    for (const action of actions.filter((candidate) => isLiveAt(candidate, date))) {
      const status = statusAsAtInOrder(action.history, date);
      (status !== undefined ? byKey.get(status) ?? noStatus : noStatus).push(action.id);
    }
    return { date, byLabel: scheme.labels.map((label) => ({ key: label.key, actionIds: byKey.get(label.key) as number[] })), noStatus };
  });
}

/** Per status, how many more actions (fewer when negative) had it at the end of a period than at its start. */
export interface IStatusDeltas {
  byLabel: Array<{ key: string; delta: number }>;
  /** Actions with no status in the scheme. */
  noStatus: number;
}

/**
 * The change per status over a period, from the period's status moves (as
 * `changesBetween` gives them), so the counts move exactly as the moves say.
 */
export function statusDeltas(changes: readonly IActionChange[], scheme: IStatusScheme): IStatusDeltas {
  const byKey = new Map<string, number>(scheme.labels.map((label) => [label.key, 0]));
  let noStatus = 0;
  const count = (status: string | undefined, step: number): void => {
    if (status !== undefined && byKey.has(status)) byKey.set(status, (byKey.get(status) as number) + step);
    else noStatus += step;
  };
  for (const change of changes) {
    count(change.statusBefore, -1);
    count(change.statusAfter, 1);
  }
  return { byLabel: scheme.labels.map((label) => ({ key: label.key, delta: byKey.get(label.key) as number })), noStatus };
}
