import { IAction, IOutcome, IPerson, IPlan, IPriorityArea, IProgressUpdate } from '../model/plan';

/** Everything a plan's views need, loaded together. */
export interface IPlanSnapshot {
  plan: IPlan;
  priorities: IPriorityArea[];
  outcomes: IOutcome[];
  actions: IAction[];
  updates: IProgressUpdate[];
  /** What could not be read (for example a column edited by hand), for the plan officer. */
  warnings: string[];
}

/** A plan as listed for choosing one in the property pane. */
export interface IPlanSummary {
  id: number;
  title: string;
}

/**
 * Reads and writes a plan's data. The SharePoint implementation uses PnPjs; views
 * depend only on this interface so they render the same in SharePoint, Teams and the
 * local host page.
 */
export interface IPlanDataService {
  /** The plans on the site, for the property pane. */
  listPlans(): Promise<IPlanSummary[]>;
  /** A plan with its priorities, outcomes, actions and progress log. */
  loadPlan(planId: number): Promise<IPlanSnapshot>;
  /** The signed-in user. */
  currentUser(): Promise<IPerson>;
}
