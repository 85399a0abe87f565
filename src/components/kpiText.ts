import * as strings from 'ImprovementPlanWebPartStrings';
import { DirectionOfTravel, IKpi, IKpiAssessment, KpiReason, KpiStatus } from '../model/kpi';
import { RefsProblem } from '../model/refs';
import { IStatusLabel, RAGC_SCHEME } from '../model/statusSchemes';
import { formatDate, formatString } from './format';

export const KPI_STATUS_TEXT: Readonly<Record<KpiStatus, string>> = { onTrack: strings.KpiOnTrack, atRisk: strings.KpiAtRisk, offTrack: strings.KpiOffTrack };
export const TRAVEL_TEXT: Readonly<Record<DirectionOfTravel, string>> = {
  improving: strings.KpiImproving,
  worsening: strings.KpiWorsening,
  unchanged: strings.KpiUnchanged,
  unknown: strings.KpiTravelUnknown
};
export const TRAVEL_ARROW: Readonly<Record<DirectionOfTravel, string>> = { improving: '▲', worsening: '▼', unchanged: '▶', unknown: '' };

const KPI_REASON_TEXT: Readonly<Record<KpiReason, string>> = {
  noActual: strings.KpiReason_noActual,
  noTarget: strings.KpiReason_noTarget,
  withinTolerance: strings.KpiReason_withinTolerance,
  behindImproving: strings.KpiReason_behindImproving,
  behindNotImproving: strings.KpiReason_behindNotImproving
};

/** Why a KPI's status is what it is, in words a board member reads. */
export function kpiReasonText(reason: KpiReason): string {
  return KPI_REASON_TEXT[reason];
}

/** A KPI status shown as the pill of the same meaning in the R/A/G scheme, with the KPI's own words; its tooltip says why, when a reason is given. */
export function kpiPill(status: KpiStatus, reason?: KpiReason): IStatusLabel {
  const same = RAGC_SCHEME.labels.find((label) => label.meaning === status) as IStatusLabel;
  return { ...same, key: status, label: KPI_STATUS_TEXT[status], description: reason ? kpiReasonText(reason) : KPI_STATUS_TEXT[status] };
}

/** Why the action references a KPI or impact measure names could not be listed, in words. */
export function refsProblemText(problem: RefsProblem): string {
  switch (problem.code) {
    case 'noRefs':
      return strings.RefsProblem_noRefs;
    case 'notARef':
      return formatString(strings.RefsProblem_notARef, problem.text);
    case 'rangeNoStart':
      return formatString(strings.RefsProblem_rangeNoStart, problem.text);
    case 'rangeNoEnd':
      return formatString(strings.RefsProblem_rangeNoEnd, problem.from);
    case 'rangeBackwards':
      return formatString(strings.RefsProblem_rangeBackwards, problem.from, problem.to);
    case 'rangeCrossesOutcomes':
      return formatString(strings.RefsProblem_rangeCrossesOutcomes, problem.from, problem.to);
    case 'rangeNotSingleLetters':
      return formatString(strings.RefsProblem_rangeNotSingleLetters, problem.from, problem.to);
    case 'rangeTooLong':
      return formatString(strings.RefsProblem_rangeTooLong, problem.from, problem.to, problem.count);
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** "72%", "14 weeks": the unit as the plan writes it, the number in the culture's digits. */
export function formatValue(value: number, unit: string, culture: string): string {
  let format = numberFormats.get(culture);
  if (!format) {
    format = new Intl.NumberFormat(culture, { maximumFractionDigits: 1 });
    numberFormats.set(culture, format);
  }
  const number = format.format(value);
  if (!unit) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** The chart's text summary: where the KPI stands, against what, and which way it is going. */
export function kpiSummary(kpi: IKpi, assessment: IKpiAssessment, culture: string): string {
  const { latest, target, status, travel } = assessment;
  if (!latest) return formatString(strings.KpiSummaryNoActual, kpi.title);
  const standing = status ? KPI_STATUS_TEXT[status] : strings.NoStatus;
  const against = target === undefined ? strings.KpiSummaryNoTarget : formatString(strings.KpiSummaryTarget, formatValue(target, kpi.unit, culture));
  return formatString(strings.KpiSummary, kpi.title, formatValue(latest.value, kpi.unit, culture), formatDate(latest.periodEnd, latest.periodEnd, culture), against, standing, TRAVEL_TEXT[travel]);
}

/** "Written 12 March 2024": the day a KPI's progress note was written, or that it was not recorded. */
export function progressNoteDateText(kpi: IKpi, culture: string): string {
  return kpi.progressNoteDate ? formatString(strings.KpiNoteWritten, formatDate(kpi.progressNoteDate, kpi.progressNoteDate, culture)) : strings.KpiNoteUndated;
}
