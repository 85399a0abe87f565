import { IKpi, IMeasurement, IMilestone } from '../model/kpi';
import { IAction, IAwaitingSignOff, withTexts } from '../model/plan';
import { IPlanAtDate } from '../model/asAt';
import { IActionEditDraft, IPlanDataService, IUpdateDraft } from '../services/IPlanDataService';

/**
 * The data service for views that show the plan as at a date. Their actions and KPIs
 * are copies as at that date (history, notes and revisions cut at it); every save and
 * log read goes to the item as loaded instead (its full history and revisions, under
 * the same ETag), so writing a copy back can never drop what came after the date. An
 * item of another version (read again after a conflict) goes through as it is.
 */
export function savingLoadedItems(service: IPlanDataService, loaded: IPlanAtDate): IPlanDataService {
  const actions = new Map(loaded.actions.map((action) => [action.id, action]));
  const kpis = new Map(loaded.kpis.map((kpi) => [kpi.id, kpi]));
  const action = (held: IAction): IAction => {
    const item = actions.get(held.id);
    if (!item || item.etag !== held.etag) return held;
    // The loaded item may lack the long texts an opened action has read: the copy saved keeps them, so an edit of them is written.
    return item.textsOmitted && !held.textsOmitted ? withTexts(item, held) : item;
  };
  const kpi = (held: IKpi): IKpi => {
    const item = kpis.get(held.id);
    return item && item.etag === held.etag ? item : held;
  };
  // Every other call is the service's own: the copy inherits from it, so a method added to the service needs nothing here.
  const saving: IPlanDataService = Object.create(service);
  return Object.assign(saving, {
    openAction: (held: IAction, canAddUpdates: boolean) => service.openAction(action(held), canAddUpdates),
    saveUpdate: (draft: IUpdateDraft) => service.saveUpdate({ ...draft, action: action(draft.action) }),
    saveActionEdit: (draft: IActionEditDraft) => service.saveActionEdit({ ...draft, action: action(draft.action) }),
    approveUpdate: (held: IAction, awaiting: IAwaitingSignOff, comment?: string) => service.approveUpdate(action(held), awaiting, comment),
    returnUpdate: (held: IAction, awaiting: IAwaitingSignOff, comment: string) => service.returnUpdate(action(held), awaiting, comment),
    recordMeasurement: (held: IKpi, measurement: IMeasurement) => service.recordMeasurement(kpi(held), measurement),
    saveMilestones: (held: IKpi, milestones: IMilestone[]) => service.saveMilestones(kpi(held), milestones)
  });
}
