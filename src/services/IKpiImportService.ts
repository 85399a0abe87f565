import { IsoDate } from '../model/isoDate';
import { IImportedKpi } from '../model/import/kpiSheet';

/** What a KPI import wrote. A re-run of the same sheet writes nothing. */
export interface IKpiImportResult {
  createdKpis: number;
  /** KPIs the import changed: their own fields, their measurements, or both. */
  updatedKpis: number;
  unchangedKpis: number;
  addedMeasurements: number;
  /** Measurements of a period the plan already held, whose value or note the sheet changes. */
  updatedMeasurements: number;
  /** KPIs (by ref, or name) and measurements ("ref period-end") someone else changed while the import ran: left as they are, for a re-run. */
  conflicts: string[];
}

/** Writes a scorecard's KPIs, read by `planKpiImport`, into a plan's KPI lists. */
export interface IKpiImportService {
  /**
   * Creates or updates each KPI (matched to the plan's by ref, else by name, as the dry
   * run matched them; each update sent with the item's ETag), merges its milestones
   * (keeping those marked met), and adds the measurements the plan lacks or updates
   * those whose value changed. It reads the plan's KPIs as they are when it runs, so
   * running it again, or after it stopped part-way, writes only what is still missing.
   *
   * @param importDate - the page's today: the date of a progress note the sheet does not date
   */
  importKpis(planId: number, kpis: readonly IImportedKpi[], onProgress?: (written: number, total: number) => void, importDate?: IsoDate): Promise<IKpiImportResult>;
}
