/**
 * The plan settings a plan officer edits in the web part: reporting dates written one a
 * line, as they would write them in the plan, and the KPI tolerance as a percentage.
 * Problems leave as codes with what was written; the settings panel words them.
 */
import { IsoDate } from './isoDate';
import { firmDate, parsePlanDate } from './planDates';

/** What is wrong with a setting as typed. */
export type PlanSettingsProblem =
  /** A board-date line that is no date ("next board"). */
  | { code: 'notADate'; line: number; text: string }
  /** A board-date line written as provisional ("?July 2023"): a board date must be firm. */
  | { code: 'provisionalDate'; line: number; text: string }
  | { code: 'notAPercentage'; text: string };

export type ToleranceResult = { ok: true; tolerance: number } | { ok: false; problems: PlanSettingsProblem[] };

/** The KPI on-track tolerance as a percentage ("10" or "10%"), from 0 to 100, as a share (0.1). */
export function parseTolerance(text: string): ToleranceResult {
  const cleaned = text.trim().replace(/%$/, '').trim();
  const value = /^\d+(?:\.\d+)?$/.test(cleaned) ? Number(cleaned) : undefined;
  if (value === undefined || value > 100) return { ok: false, problems: [{ code: 'notAPercentage', text: text.trim() }] };
  return { ok: true, tolerance: value / 100 };
}

export type ReportingDatesResult = { ok: true; dates: IsoDate[] } | { ok: false; problems: PlanSettingsProblem[] };

/**
 * Reads board dates, one a line ("30/06/2023", "Sept 2023" = its last day). Each line
 * that is not a firm date is reported with its number; the dates come back sorted, once each.
 */
export function parseReportingDates(text: string): ReportingDatesResult {
  const problems: PlanSettingsProblem[] = [];
  const dates = new Set<IsoDate>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const parsed = parsePlanDate(line);
    const firm = firmDate(parsed);
    if (firm) dates.add(firm);
    else problems.push({ code: parsed.tentative ? 'provisionalDate' : 'notADate', line: index + 1, text: line.trim() });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, dates: Array.from(dates).sort() };
}
