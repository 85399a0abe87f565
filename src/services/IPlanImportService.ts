import { IsoDate } from '../model/isoDate';
import { IImportPlan } from '../model/import/dryRun';
import { IStatusScheme } from '../model/statusSchemes';
import { IKpiImportService } from './IKpiImportService';

/** What an import wrote. A re-run of the same file writes nothing new. */
export interface IImportResult {
  createdPriorities: number;
  createdOutcomes: number;
  createdActions: number;
  updatedActions: number;
  unchangedActions: number;
  addedLogEntries: number;
  /** Refs of actions someone else changed while the import ran: left as they are, for a re-run. */
  conflicts: string[];
}

/** Who runs an import, and the day it runs on. */
export interface IImportMade {
  date: IsoDate;
  by: string;
}

/** A plan made for an import, as the plan officer confirmed it. */
export interface INewPlan {
  name: string;
  localArea: string;
  scheme: IStatusScheme;
  /** Board dates, ascending. */
  reportingDates: IsoDate[];
}

/** Writes a confirmed dry run into a plan's lists: its actions, and the KPI scorecards read beside them. */
export interface IPlanImportService extends IKpiImportService {
  /** Creates an empty plan for an import into a new plan; returns its id. */
  createPlan(plan: INewPlan): Promise<number>;

  /**
   * Creates missing priorities and outcomes, creates or updates actions by ref (each
   * in one write, sent with its ETag, carrying a status-history line per entry), and
   * adds the status history and progress entries as log entries keyed by ref, date
   * and content, so running it again, or after it stopped part-way, ends with exactly
   * the file's content: no entry and no history line twice.
   *
   * @param made - who imports, and the day: undated progress text is logged on it, and a key field the file changes is kept as a revision by them on it
   */
  importPlan(planId: number, plan: IImportPlan, made: IImportMade, onProgress?: (written: number, total: number) => void): Promise<IImportResult>;
}
