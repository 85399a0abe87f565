import * as strings from 'ImprovementPlanWebPartStrings';
import { DirectionOfTravel, IKpi, IKpiAssessment, KpiStatus } from '../model/kpi';
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

/** A KPI status shown as the pill of the same meaning in the R/A/G scheme, with the KPI's own words. */
export function kpiPill(status: KpiStatus, reason: string): IStatusLabel {
  const same = RAGC_SCHEME.labels.find((label) => label.meaning === status) as IStatusLabel;
  return { ...same, key: status, label: KPI_STATUS_TEXT[status], description: reason };
}

/** "72%", "14 weeks": the unit as the plan writes it. */
export function formatValue(value: number, unit: string): string {
  const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(value);
  if (!unit) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** The chart's text summary: where the KPI stands, against what, and which way it is going. */
export function kpiSummary(kpi: IKpi, assessment: IKpiAssessment): string {
  const { latest, target, status, travel } = assessment;
  if (!latest) return formatString(strings.KpiSummaryNoActual, kpi.title);
  const standing = status ? KPI_STATUS_TEXT[status] : strings.NoStatus;
  const against = target === undefined ? strings.KpiSummaryNoTarget : formatString(strings.KpiSummaryTarget, formatValue(target, kpi.unit));
  return formatString(strings.KpiSummary, kpi.title, formatValue(latest.value, kpi.unit), formatDate(latest.periodEnd, latest.periodEnd), against, standing, TRAVEL_TEXT[travel]);
}

/** "Written 12 March 2024": the day a KPI's progress note was written, or that it was not recorded. */
export function progressNoteDateText(kpi: IKpi): string {
  return kpi.progressNoteDate ? formatString(strings.KpiNoteWritten, formatDate(kpi.progressNoteDate, kpi.progressNoteDate)) : strings.KpiNoteUndated;
}
