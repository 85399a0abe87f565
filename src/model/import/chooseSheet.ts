/**
 * Which sheet of a workbook holds the plan: plans are often the second sheet, behind a
 * hidden instructions sheet or a cover page, and a workbook may carry a KPI scorecard
 * beside the actions.
 */
import { IImportedKpi, KpiProblemCode, analyseKpiSheet, planKpiImport } from './kpiSheet';
import { IKpi } from '../kpi';
import { IsoDate } from '../isoDate';
import { IImportProblem } from './problems';
import { IColumnMapping, ISheetAnalysis, analyseSheet } from './mapping';
import { ISheet } from './sheet';

export interface IChosenSheet {
  sheet: ISheet;
  /** The actions table found on it; undefined when it has none (a named sheet may not). */
  analysis?: ISheetAnalysis;
}

/**
 * The sheet of actions to import: the one named, else the first visible sheet with an
 * actions header that is not a KPI scorecard, else the first visible sheet with any
 * header, else the first visible sheet. Undefined when a named sheet does not exist.
 */
export function chooseSheet(sheets: readonly ISheet[], name?: string, saved: readonly IColumnMapping[] = []): IChosenSheet | undefined {
  if (name !== undefined) {
    const named = sheets.find((sheet) => sheet.name === name) ?? sheets.find((sheet) => sheet.name.trim().toLowerCase() === name.trim().toLowerCase());
    return named ? { sheet: named, analysis: analyseSheet(named.rows, saved) } : undefined;
  }
  const visible = sheets.filter((sheet) => !sheet.hidden);
  const withHeader = visible.map((sheet) => ({ sheet, analysis: analyseSheet(sheet.rows, saved) })).filter((candidate) => candidate.analysis !== undefined);
  const chosen = withHeader.find((candidate) => analyseKpiSheet(candidate.sheet.rows) === undefined) ?? withHeader[0];
  if (chosen) return chosen;
  const first = visible[0] ?? sheets[0];
  return first ? { sheet: first } : undefined;
}

/** The visible sheets, other than the one of actions, that read as KPI scorecards. */
export function kpiSheets(sheets: readonly ISheet[], actions: ISheet | undefined): ISheet[] {
  return sheets.filter((sheet) => sheet !== actions && !sheet.hidden && analyseKpiSheet(sheet.rows) !== undefined);
}

/** One KPI scorecard sheet's dry run. */
export interface IKpiSheetPlan {
  sheet: string;
  kpis: IImportedKpi[];
  problems: Array<IImportProblem<KpiProblemCode>>;
  rejectedRows: number[];
}

/** The dry run of every KPI scorecard in the workbook beside the sheet of actions, against the plan's KPIs. */
export function planKpiSheets(sheets: readonly ISheet[], actions: ISheet | undefined, existing: readonly IKpi[], planStart?: IsoDate): IKpiSheetPlan[] {
  return kpiSheets(sheets, actions).map((sheet) => {
    const analysis = analyseKpiSheet(sheet.rows);
    return analysis ? { sheet: sheet.name, ...planKpiImport(sheet.rows, analysis, existing, planStart) } : { sheet: sheet.name, kpis: [], problems: [], rejectedRows: [] };
  });
}
