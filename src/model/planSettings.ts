/**
 * The plan settings a plan officer edits in the web part's settings: reporting dates
 * written one a line, as they would write them in the plan.
 */
import { IsoDate } from './isoDate';
import { parsePlanDate } from './planDates';

export type ToleranceResult = { ok: true; tolerance: number } | { ok: false; errors: string[] };

/** The KPI on-track tolerance as a percentage ("10" or "10%"), from 0 to 100, as a share (0.1). */
export function parseTolerance(text: string): ToleranceResult {
  const cleaned = text.trim().replace(/%$/, '').trim();
  const value = /^\d+(?:\.\d+)?$/.test(cleaned) ? Number(cleaned) : undefined;
  if (value === undefined || value > 100) return { ok: false, errors: [`"${text.trim()}" is not a percentage from 0 to 100.`] };
  return { ok: true, tolerance: value / 100 };
}

export type ReportingDatesResult = { ok: true; dates: IsoDate[] } | { ok: false; errors: string[] };

/**
 * Reads board dates, one a line ("30/06/2023", "Sept 2023" = its last day). Each line
 * that is not a date is reported with its number; the dates come back sorted, once each.
 */
export function parseReportingDates(text: string): ReportingDatesResult {
  const errors: string[] = [];
  const dates = new Set<IsoDate>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const parsed = parsePlanDate(line);
    if ((parsed.kind === 'date' || parsed.kind === 'month') && parsed.date && !parsed.tentative) {
      dates.add(parsed.date);
    } else {
      errors.push(`Line ${index + 1}: "${line.trim()}" is not a date.${parsed.reason ? ` ${parsed.reason}` : ''}`);
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, dates: Array.from(dates).sort() };
}
