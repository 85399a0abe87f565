/**
 * The KPI scorecard's own logic: checkpoints (milestones written as sentences), checking
 * a measurement before it is recorded, the actions a KPI is linked to, and the series a
 * chart and its table alternative show.
 */
import { IsoDate } from './isoDate';
import { IKpi, IKpiAssessment, IKpiThresholds, IMeasurement, IMilestone, ITrajectoryPoint, assessKpi, milestoneDate, targetAt, trajectory } from './kpi';
import { IAction } from './plan';
import { PlanDateReason, firmDate, parsePlanDate } from './planDates';
import { RefsProblem, expandRefs } from './refs';

/** A milestone with no numeric target: a checkpoint the lead marks met or not met. */
export function isCheckpoint(milestone: IMilestone): boolean {
  return milestone.target === undefined;
}

export type CheckpointState = 'met' | 'notMet' | 'awaiting' | 'upcoming';

export interface ICheckpoint {
  /** Position in the KPI's milestones, for saving a mark. */
  index: number;
  milestone: IMilestone;
  due?: IsoDate;
  /** met / not met as marked; awaiting: due and not yet marked; upcoming: not due yet. */
  state: CheckpointState;
}

/** The KPI's checkpoints, in milestone order, with where each stands today. */
export function checkpoints(kpi: IKpi, planStart: IsoDate | undefined, today: IsoDate): ICheckpoint[] {
  return kpi.milestones
    .map((milestone, index) => ({ milestone, index }))
    .filter(({ milestone }) => isCheckpoint(milestone))
    .map(({ milestone, index }) => {
      const due = milestoneDate(milestone.due, planStart);
      const state: CheckpointState =
        milestone.met === true ? 'met' : milestone.met === false ? 'notMet' : due !== undefined && due <= today ? 'awaiting' : 'upcoming';
      return { index, milestone, due, state };
    });
}

/** The KPI's milestones after a lead marks one checkpoint; the others are untouched. */
export function markCheckpoint(kpi: IKpi, index: number, mark: { met: boolean; date: IsoDate; note: string }): IMilestone[] {
  const milestone = kpi.milestones[index];
  if (!milestone || !isCheckpoint(milestone)) {
    throw new RangeError(`markCheckpoint: milestone ${index + 1} of KPI ${kpi.ref} is not a checkpoint`);
  }
  return kpi.milestones.map((entry, position) => (position === index ? { ...entry, met: mark.met, metDate: mark.date, metNote: mark.note.trim() || undefined } : entry));
}

/** What a person typed to record a measurement. */
export interface IMeasurementInput {
  value: string;
  periodEnd: string;
  note: string;
  /** Set when they chose to correct the value already recorded for the period. */
  correcting?: boolean;
}

export type MeasurementProblem =
  | { field: 'value'; problem: 'required' | 'notANumber' }
  | { field: 'value'; problem: 'outOfRange'; min: number; max: number }
  | { field: 'periodEnd'; problem: 'required' | 'inFuture' }
  | { field: 'periodEnd'; problem: 'notADate'; reason: PlanDateReason }
  | { field: 'periodEnd'; problem: 'taken'; existing: IMeasurement };

export type MeasurementCheck = { ok: true; measurement: IMeasurement; replaces?: IMeasurement } | { ok: false; problems: MeasurementProblem[] };

/** "72", "72.5", "72%", "1,250": a number as people type it, or undefined. */
export function readNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(/%$/, '').replace(/,(?=\d{3}\b)/g, '').trim();
  return /^-?\d+(?:\.\d+)?$/.test(cleaned) ? Number(cleaned) : undefined;
}

/**
 * Checks a measurement before it is recorded: a number (0 to 100 for a percentage), a
 * period end that is a date not after today ("Mar 2024" is its last day), and a period
 * with no value yet, unless the person chose to correct it (the old value is then
 * returned as `replaces`, for the history).
 */
export function checkMeasurement(kpi: IKpi, input: IMeasurementInput, today: IsoDate): MeasurementCheck {
  const problems: MeasurementProblem[] = [];
  const value = readNumber(input.value);
  if (!input.value.trim()) problems.push({ field: 'value', problem: 'required' });
  else if (value === undefined) problems.push({ field: 'value', problem: 'notANumber' });
  else if (kpi.unit.trim() === '%' && (value < 0 || value > 100)) problems.push({ field: 'value', problem: 'outOfRange', min: 0, max: 100 });

  let periodEnd: IsoDate | undefined;
  if (!input.periodEnd.trim()) {
    problems.push({ field: 'periodEnd', problem: 'required' });
  } else {
    const parsed = parsePlanDate(input.periodEnd);
    periodEnd = firmDate(parsed);
    if (periodEnd) {
      if (periodEnd > today) problems.push({ field: 'periodEnd', problem: 'inFuture' });
    } else {
      problems.push({ field: 'periodEnd', problem: 'notADate', reason: parsed.reason ?? { code: 'unreadable' } });
    }
  }
  const existing = periodEnd === undefined ? undefined : kpi.measurements.find((measurement) => measurement.periodEnd === periodEnd);
  if (existing && !input.correcting) problems.push({ field: 'periodEnd', problem: 'taken', existing });
  if (problems.length > 0 || value === undefined || periodEnd === undefined) return { ok: false, problems };
  const measurement: IMeasurement = { periodEnd, value, note: input.note.trim() || undefined };
  return existing ? { ok: true, measurement: { ...measurement, id: existing.id, etag: existing.etag }, replaces: existing } : { ok: true, measurement };
}

/** The actions a KPI names ("5.1.1 to 5.1.4"), or why its refs could not be read. */
export function linkedActions(kpi: IKpi, actions: readonly IAction[]): { actions: IAction[]; error?: RefsProblem } {
  if (!kpi.actionRefs?.trim()) return { actions: [] };
  const expanded = expandRefs(kpi.actionRefs, actions.map((action) => action.ref));
  if (!expanded.ok) return { actions: [], error: expanded.error };
  const byRef = new Map(actions.map((action) => [action.ref, action]));
  return { actions: expanded.refs.map((ref) => byRef.get(ref)).filter((action): action is IAction => action !== undefined) };
}

/** One period in a KPI's chart and its table alternative. */
export interface IKpiPeriod {
  date: IsoDate;
  actual?: number;
  /** The trajectory's target on that date. */
  target?: number;
  /** A milestone falling on that date, by its label. */
  milestone?: string;
}

export interface IKpiSeries {
  periods: IKpiPeriod[];
  trajectory: ITrajectoryPoint[];
  assessment: IKpiAssessment;
}

/**
 * What the chart draws and the table lists: every measurement and every dated
 * milestone, in date order, each with the target on its date.
 */
export function kpiSeries(kpi: IKpi, planStart: IsoDate | undefined, thresholds?: IKpiThresholds): IKpiSeries {
  const points = trajectory(kpi, planStart);
  const byDate = new Map<IsoDate, IKpiPeriod>();
  const at = (date: IsoDate): IKpiPeriod => {
    const found = byDate.get(date) ?? { date, target: targetAt(points, date) };
    byDate.set(date, found);
    return found;
  };
  for (const measurement of kpi.measurements) at(measurement.periodEnd).actual = measurement.value;
  for (const milestone of kpi.milestones) {
    const date = milestoneDate(milestone.due, planStart);
    if (date) at(date).milestone = milestone.label || milestone.text;
  }
  const periods = Array.from(byDate.values()).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { periods, trajectory: points, assessment: assessKpi(kpi, planStart, thresholds) };
}
