/** What one provisioning run changed; all empty when the site was already set up. */
export interface IProvisioningReport {
  createdLists: string[];
  /** "List: Column". */
  addedColumns: string[];
  /** Columns (or list settings) changed to match the definition: "List: Column indexed". */
  updatedColumns: string[];
  addedViews: string[];
  /** Things provisioning found but will not change (a column of the wrong type): for the site owner. */
  problems: string[];
}

/** Ensures the plan's lists, columns, indexes and views on a site. */
export interface IProvisioningService {
  /** Whether the current user may create lists and columns here (Edit or Full Control). */
  canProvision(): Promise<boolean>;
  /**
   * Creates what is missing and changes nothing that is already right. Safe to re-run.
   *
   * @throws PlanDataError `forbidden` when the user may not manage lists
   */
  ensureLists(): Promise<IProvisioningReport>;
}
