/**
 * What changed in a plan since a copy of it was kept, and that copy brought up to date:
 * the items added or changed (in full) and the ids of those that left, list by list.
 */
import { IKpi } from './kpi';
import { IAction, IOutcome, IPriorityArea } from './plan';

/** The changes to one list: items added or changed, as they are now, and the ids of items that left. */
export interface IListDelta<T extends { id: number }> {
  changed: readonly T[];
  removed: readonly number[];
}

/** The parts of a plan a change can reach item by item. */
export interface IPlanContent {
  priorities: IPriorityArea[];
  outcomes: IOutcome[];
  actions: IAction[];
  kpis: IKpi[];
}

/** The changes to each of a plan's lists; a list not named did not change. */
export type PlanDelta = { [List in keyof IPlanContent]?: IListDelta<IPlanContent[List][number]> };

/**
 * The items with the delta applied, in id order (the order a plan's lists are read in):
 * a changed item replaces the one with its id or joins the list, a removed id leaves it
 * (an id the list does not hold is ignored: the item was added and removed since).
 */
export function applyListDelta<T extends { id: number }>(items: readonly T[], delta: IListDelta<T>): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const id of delta.removed) byId.delete(id);
  for (const item of delta.changed) byId.set(item.id, item);
  return Array.from(byId.values()).sort((a, b) => a.id - b.id);
}

/** The plan's content with every list's delta applied; everything else on `content` is kept as it is. */
export function applyPlanDelta<Content extends IPlanContent>(content: Content, delta: PlanDelta): Content {
  return {
    ...content,
    ...(delta.priorities ? { priorities: applyListDelta(content.priorities, delta.priorities) } : {}),
    ...(delta.outcomes ? { outcomes: applyListDelta(content.outcomes, delta.outcomes) } : {}),
    ...(delta.actions ? { actions: applyListDelta(content.actions, delta.actions) } : {}),
    ...(delta.kpis ? { kpis: applyListDelta(content.kpis, delta.kpis) } : {})
  };
}
