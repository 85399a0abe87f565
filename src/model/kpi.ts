/**
 * KPI scorecard lines and their computed status: the latest actual against a
 * trajectory drawn from the baseline through the milestone targets.
 */
import { IsoDate, addMonths, daysBetween } from './isoDate';

/** Whether a bigger number is better (EHCPs on time) or worse (weeks waiting). */
export type KpiDirection = 'higher' | 'lower';

/** When a milestone falls: a date, or a number of months from the plan's start. */
export type MilestoneDue = { date: IsoDate } | { monthsFromStart: number };

/**
 * A milestone target. Many plans write targets as sentences ("Quality standards
 * agreed and published"): those are checkpoints, met or not, never interpolated.
 */
export interface IMilestone {
  /** As the plan heads it: "3 Month", "Mar-24". */
  label: string;
  due: MilestoneDue;
  /** Numeric target, when the plan gives one. */
  target?: number;
  /** The target as written, kept for text milestones and for display. */
  text: string;
  /** For text milestones: whether the lead has marked it met. */
  met?: boolean;
  metDate?: IsoDate;
  metNote?: string;
}

/** One recorded actual. */
export interface IMeasurement {
  periodEnd: IsoDate;
  value: number;
  note?: string;
  /** The list item and its ETag, once saved. */
  id?: number;
  etag?: string;
}

/** A scorecard line. */
export interface IKpi {
  id: number;
  planId: number;
  priorityId?: number;
  ref: string;
  title: string;
  /** "%", "weeks", "children"... */
  unit: string;
  direction: KpiDirection;
  baselineValue?: number;
  baselineDate?: IsoDate;
  /** The baseline as written when it is not a number. */
  baselineText?: string;
  milestones: IMilestone[];
  /** The measurements read: every one recorded, or only the latest two when `partialSeries` is set. */
  measurements: IMeasurement[];
  /**
   * Set when `measurements` holds only the latest two (`latestMeasurements`), as a plan's
   * first load reads them: enough to assess the KPI today, not to chart it or to assess it
   * at an earlier date, for which its whole series is read.
   */
  partialSeries?: boolean;
  /** The lead's latest commentary on the KPI, as a board reads it. */
  progressNote?: string;
  /**
   * The day the progress note was written (the page's today when a person saves it; the
   * file's date, else the import's, when imported). Undefined for a note written before
   * notes were dated, or typed into the list by hand.
   */
  progressNoteDate?: IsoDate;
  /** As written: "5.1.1 to 5.1.4". */
  actionRefs?: string;
  /** SharePoint's ETag of the KPI item, sent back when checkpoints are marked. */
  etag?: string;
  /** When the KPI item was last saved (ISO timestamp): an undated note stood by then at the latest. */
  modified?: string;
}

/** Thresholds set per plan. */
export interface IKpiThresholds {
  /** A shortfall up to this share of the target still counts as on track. */
  onTrackTolerance: number;
}

export const DEFAULT_KPI_THRESHOLDS: IKpiThresholds = { onTrackTolerance: 0.1 };

export type KpiStatus = 'onTrack' | 'atRisk' | 'offTrack';
export type DirectionOfTravel = 'improving' | 'worsening' | 'unchanged' | 'unknown';

/** The computed view of a KPI at its latest measurement. */
/**
 * Why a KPI's status is what it is, as a code the components word for a board member:
 * no actual yet, no numeric target at its date, within tolerance of the trajectory,
 * behind it but improving, or behind it and not improving.
 */
export type KpiReason = 'noActual' | 'noTarget' | 'withinTolerance' | 'behindImproving' | 'behindNotImproving';

export interface IKpiAssessment {
  /** Undefined when there is no actual yet or no target to compare it with. */
  status?: KpiStatus;
  /** Why the status is what it is. */
  reason: KpiReason;
  latest?: IMeasurement;
  previous?: IMeasurement;
  /** The trajectory's value at the latest measurement's date. */
  target?: number;
  /** How far short of the target, as a share of it (0.15 = 15% worse); 0 when met. */
  shortfall?: number;
  travel: DirectionOfTravel;
}

/** A point on the trajectory. */
export interface ITrajectoryPoint {
  date: IsoDate;
  value: number;
}

/** The date a milestone falls on, given the plan's start date. */
export function milestoneDate(due: MilestoneDue, planStart: IsoDate | undefined): IsoDate | undefined {
  if ('date' in due) {
    return due.date;
  }
  return planStart ? addMonths(planStart, due.monthsFromStart) : undefined;
}

/**
 * The trajectory: the baseline, then each numeric milestone, by date. Text
 * milestones are checkpoints and do not take part.
 */
export function trajectory(kpi: IKpi, planStart: IsoDate | undefined): ITrajectoryPoint[] {
  const points: ITrajectoryPoint[] = [];
  const baselineDate = kpi.baselineDate ?? planStart;
  if (kpi.baselineValue !== undefined && baselineDate) {
    points.push({ date: baselineDate, value: kpi.baselineValue });
  }
  for (const milestone of kpi.milestones) {
    const date = milestoneDate(milestone.due, planStart);
    if (milestone.target !== undefined && date) {
      points.push({ date, value: milestone.target });
    }
  }
  return points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The target on a date: interpolated in a straight line between the points either
 * side; the last target holds after the final milestone. Before the first point there
 * is no target (nothing was promised yet).
 */
export function targetAt(points: readonly ITrajectoryPoint[], date: IsoDate): number | undefined {
  if (points.length === 0 || date < points[0].date) {
    return undefined;
  }
  for (let index = 1; index < points.length; index++) {
    const before = points[index - 1];
    const after = points[index];
    if (date <= after.date) {
      const span = daysBetween(before.date, after.date);
      if (span === 0) {
        return after.value;
      }
      return before.value + ((after.value - before.value) * daysBetween(before.date, date)) / span;
    }
  }
  return points[points.length - 1].value;
}

/** Positive when `actual` is worse than `target`, as a share of the target. */
function shortfallOf(actual: number, target: number, direction: KpiDirection): number {
  const worseBy = direction === 'higher' ? target - actual : actual - target;
  if (worseBy <= 0) {
    return 0;
  }
  return target === 0 ? Number.POSITIVE_INFINITY : worseBy / Math.abs(target);
}

/** Whether `latest` is better than `previous` for a KPI of this direction. */
export function directionOfTravel(
  latest: number | undefined,
  previous: number | undefined,
  direction: KpiDirection
): DirectionOfTravel {
  if (latest === undefined || previous === undefined) {
    return 'unknown';
  }
  if (latest === previous) {
    return 'unchanged';
  }
  const better = direction === 'higher' ? latest > previous : latest < previous;
  return better ? 'improving' : 'worsening';
}

/** How many of the latest measurements an assessment reads: the latest, and the previous for the direction of travel. */
export const ASSESSED_MEASUREMENTS = 2;

/** The latest measurements by period end, oldest first: all an assessment of the KPI today reads. */
export function latestMeasurements(measurements: readonly IMeasurement[]): IMeasurement[] {
  return [...measurements].sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0)).slice(-ASSESSED_MEASUREMENTS);
}

/** Floating-point slack so that "exactly 10% short" counts as within 10%. */
const EPSILON = 1e-9;

/**
 * The KPI's status by the plan's rule: within the tolerance of the trajectory is on
 * track; worse than that but improving on the previous value is at risk; worse and not
 * improving (or no previous value to improve on) is off track. No actual or no target
 * yet means no status.
 */
export function assessKpi(
  kpi: IKpi,
  planStart: IsoDate | undefined,
  thresholds: IKpiThresholds = DEFAULT_KPI_THRESHOLDS
): IKpiAssessment {
  const ordered = latestMeasurements(kpi.measurements);
  const latest = ordered[ordered.length - 1];
  const previous = ordered[ordered.length - 2];
  const travel = directionOfTravel(latest?.value, previous?.value ?? kpi.baselineValue, kpi.direction);
  if (!latest) {
    return { reason: 'noActual', travel };
  }
  const target = targetAt(trajectory(kpi, planStart), latest.periodEnd);
  if (target === undefined) {
    return { reason: 'noTarget', latest, previous, travel };
  }
  const shortfall = shortfallOf(latest.value, target, kpi.direction);
  const base = { latest, previous, target, shortfall, travel };
  if (shortfall <= thresholds.onTrackTolerance + EPSILON) {
    return { ...base, status: 'onTrack', reason: 'withinTolerance' };
  }
  if (travel === 'improving') {
    return { ...base, status: 'atRisk', reason: 'behindImproving' };
  }
  return { ...base, status: 'offTrack', reason: 'behindNotImproving' };
}
