import { IPlanSnapshot } from './IPlanDataService';
import { ListName } from './planColumns';

/** Each of the plan's lists' change token (SP.ChangeToken's StringValue): where its change log was read up to. */
export type ChangeTokens = Record<ListName, string>;

/** A plan as kept on this device: the snapshot, each list's change token, and when it was last brought up to date. */
export interface ICachedPlan {
  snapshot: IPlanSnapshot;
  tokens: ChangeTokens;
  /** When it was last brought up to date from SharePoint (ISO 8601). */
  refreshedAt: string;
}

/** A plan brought up to date from SharePoint. */
export interface IRefreshedPlan {
  snapshot: IPlanSnapshot;
  /** When it was read (ISO 8601). */
  refreshedAt: string;
  /**
   * Settles once the plan is kept on this device for the next visit (never rejects: a
   * device that cannot keep it just has no copy). Work after the plan is on screen.
   */
  kept: Promise<void>;
}

/**
 * Loads a plan from the copy kept on this device first, then brings it up to date with
 * only what changed in SharePoint since, so a person never waits for the whole plan twice.
 */
export interface ICachedPlanLoader {
  /** The plan as last kept on this device for this site and person; undefined when there is none or the device keeps nothing. Never rejects. */
  cached(planId: number): Promise<ICachedPlan | undefined>;
  /**
   * The plan as it is now: the kept copy with the changes since applied (one request when
   * nothing changed, two at most), or the whole plan when there is no usable copy; the
   * result is kept for the next visit.
   *
   * @throws PlanDataError when SharePoint could not be read
   */
  refresh(planId: number, cached: ICachedPlan | undefined): Promise<IRefreshedPlan>;
}
