import { IUpdateRequest } from '../model/updateRequests';

/** The record of requests for updates: every request sent, whichever way it went. */
export interface IUpdateRequestService {
  /**
   * The plan's requests, every board's; a stored request that cannot be read (its board
   * date or actions edited by hand) is left out.
   */
  loadRequests(planId: number): Promise<IUpdateRequest[]>;
  /**
   * Records requests as sent, in one $batch (split at SharePoint's 100 requests), and
   * returns them with their ids.
   *
   * @throws PlanDataError when SharePoint refuses any of them
   */
  recordRequests(requests: ReadonlyArray<Omit<IUpdateRequest, 'id'>>): Promise<IUpdateRequest[]>;
}
