/** Something provisioning found but will not change, for the site owner to check (rendered through the web part's strings). */
export interface IProvisioningProblem {
  /** A column of the product's name has another type than the definition's: it is left as it is. */
  code: 'columnWrongType';
  list: string;
  /** The column's internal name. */
  column: string;
  /** The type the definition gives it (SharePoint's type name, such as "DateTime"). */
  expectedType: string;
}

/** What one provisioning run changed; all empty when the site was already set up. */
export interface IProvisioningReport {
  createdLists: string[];
  /** "List: Column". */
  addedColumns: string[];
  /** Columns (or list settings) changed to match the definition: "List: Column indexed". */
  updatedColumns: string[];
  addedViews: string[];
  /** Things provisioning found but will not change (a column of the wrong type): for the site owner. */
  problems: IProvisioningProblem[];
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
