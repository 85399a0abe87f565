import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { IAction, IOutcome, IPriorityArea, IRetirement } from '../model/plan';
import { parsePlanDate } from '../model/planDates';
import { INumberedDraft, sameKey } from '../model/planUpkeep';
import { ConflictError, isDataError, requireEtag } from './errors';
import { PLAN_ID, readPlanLists } from './idRanges';
import { INewPlan } from './IPlanImportService';
import { DuplicateRefError, INewAction, IPlanUpkeepService } from './IPlanUpkeepService';
import { ListItem, mapAction, mapOutcome, mapPriority, readEtag, writeSharePointDate } from './mappers';
import { ACTION_FIELDS, LIST_TITLES, OUTCOME_FIELDS, PRIORITY_FIELDS } from './schema';
import { SharePointPlanDataService } from './SharePointPlanDataService';
import { SharePointPlanImportService } from './SharePointPlanImportService';

/** How a numbered item (a priority or an outcome) is read and written. */
interface INumberedList<T extends INumberedDraft> {
  title: string;
  numberField: string;
  columns: string[];
  map: (item: ListItem) => T;
}

const PRIORITIES: INumberedList<IPriorityArea> = {
  title: LIST_TITLES.priorities,
  numberField: PRIORITY_FIELDS.number,
  columns: ['Id', 'Title', `${PRIORITY_FIELDS.plan}Id`, PRIORITY_FIELDS.number, PRIORITY_FIELDS.inspectionFinding, PRIORITY_FIELDS.vision, PRIORITY_FIELDS.leadRoles, PRIORITY_FIELDS.membership],
  map: mapPriority
};

const OUTCOMES: INumberedList<IOutcome> = {
  title: LIST_TITLES.outcomes,
  numberField: OUTCOME_FIELDS.number,
  columns: ['Id', 'Title', `${OUTCOME_FIELDS.plan}Id`, `${OUTCOME_FIELDS.priority}Id`, OUTCOME_FIELDS.number],
  map: mapOutcome
};

/** The plan's action refs (retired actions included), read as the plan's other lists are: unfiltered pages kept to its rows. */
async function planRefs(sp: SPFI, planId: number): Promise<string[]> {
  const { rows } = await readPlanLists(sp, planId, { actions: { title: LIST_TITLES.actions, columns: (items) => items.select('Id', 'Title', PLAN_ID) } });
  return rows.actions.map((item) => String(item.Title ?? ''));
}

/** Plan upkeep over the SharePoint lists, through the host's PnPjs instance. */
export class SharePointPlanUpkeepService implements IPlanUpkeepService {
  public constructor(private readonly sp: SPFI) {}

  /** A new plan is made as an import into a new plan makes it. */
  public createPlan(plan: INewPlan): Promise<number> {
    return new SharePointPlanImportService(this.sp).createPlan(plan);
  }

  public async addPriority(planId: number, draft: INumberedDraft): Promise<IPriorityArea> {
    return this.add(PRIORITIES, { [`${PRIORITY_FIELDS.plan}Id`]: planId }, draft);
  }

  public renamePriority(priority: IPriorityArea, draft: INumberedDraft): Promise<IPriorityArea> {
    return this.rename(PRIORITIES, priority, draft, `Priority ${priority.number}`);
  }

  public async addOutcome(priority: IPriorityArea, draft: INumberedDraft): Promise<IOutcome> {
    return this.add(OUTCOMES, { [`${OUTCOME_FIELDS.plan}Id`]: priority.planId, [`${OUTCOME_FIELDS.priority}Id`]: priority.id }, draft);
  }

  public renameOutcome(outcome: IOutcome, draft: INumberedDraft): Promise<IOutcome> {
    return this.rename(OUTCOMES, outcome, draft, `Outcome ${outcome.number}`);
  }

  public async addAction(planId: number, action: INewAction): Promise<IAction> {
    const ref = action.ref.trim();
    const due = action.due.trim();
    if ((await planRefs(this.sp, planId)).some((taken) => sameKey(taken, ref))) throw new DuplicateRefError(ref);
    const added = (await this.sp.web.lists.getByTitle(LIST_TITLES.actions).items.add({
      Title: ref,
      [`${ACTION_FIELDS.plan}Id`]: planId,
      [`${ACTION_FIELDS.priority}Id`]: action.priorityId,
      ...(action.outcomeId !== undefined ? { [`${ACTION_FIELDS.outcome}Id`]: action.outcomeId } : {}),
      [ACTION_FIELDS.text]: action.text.trim(),
      ...(due ? { [ACTION_FIELDS.dueText]: due, [ACTION_FIELDS.dueDate]: writeSharePointDate(parsePlanDate(due).date) } : {})
    })) as ListItem;
    return mapAction(added, new Set<string>(), []);
  }

  public retireAction(action: IAction, retirement: IRetirement): Promise<IAction> {
    const reason = retirement.reason.trim();
    return this.updateAction(action, { [ACTION_FIELDS.retiredDate]: writeSharePointDate(retirement.date), [ACTION_FIELDS.retiredReason]: reason }, { retired: { date: retirement.date, reason } });
  }

  public moveAction(action: IAction, outcome: IOutcome): Promise<IAction> {
    return this.updateAction(action, { [`${ACTION_FIELDS.outcome}Id`]: outcome.id, [`${ACTION_FIELDS.priority}Id`]: outcome.priorityId }, { outcomeId: outcome.id, priorityId: outcome.priorityId });
  }

  private async add<T extends INumberedDraft>(list: INumberedList<T>, parent: ListItem, draft: INumberedDraft): Promise<T> {
    const added = (await this.sp.web.lists.getByTitle(list.title).items.add({ Title: draft.title.trim(), ...parent, [list.numberField]: draft.number.trim() })) as ListItem;
    return list.map(added);
  }

  /**
   * Renames a priority or an outcome. They are loaded without their ETag, so the item is
   * read with it first: if its number or title is no longer what the person saw, someone
   * else changed it; else the change is sent with that ETag, so a change made in between
   * is refused (412) too.
   */
  private async rename<T extends INumberedDraft & { id: number }>(list: INumberedList<T>, seen: T, draft: INumberedDraft, what: string): Promise<T> {
    const item = this.sp.web.lists.getByTitle(list.title).items.getById(seen.id);
    const read = async (): Promise<ListItem> => (await item.select(...list.columns)()) as ListItem;
    try {
      const current = await read();
      const now = list.map(current);
      if (now.number !== seen.number || now.title !== seen.title) throw new ConflictError(now, `rename: ${what} changed since it was loaded`);
      await item.update({ Title: draft.title.trim(), [list.numberField]: draft.number.trim() }, requireEtag(readEtag(current), what));
      return { ...now, number: draft.number.trim(), title: draft.title.trim() };
    } catch (error) {
      if (isDataError(error, 'conflict') && !(error instanceof ConflictError)) throw new ConflictError(list.map(await read()), error.detail);
      throw error;
    }
  }

  private async updateAction(action: IAction, fields: ListItem, change: Partial<IAction>): Promise<IAction> {
    try {
      const result = await this.sp.web.lists
        .getByTitle(LIST_TITLES.actions)
        .items.getById(action.id)
        .update(fields, requireEtag(action.etag, `Action ${action.ref}`));
      return { ...action, ...change, etag: (result as { etag: string }).etag };
    } catch (error) {
      if (isDataError(error, 'conflict')) {
        // Read as the views read it (its owners resolved against the roles glossary), to show what changed.
        const current = (await new SharePointPlanDataService(this.sp).loadPlan(action.planId)).actions.find((candidate) => candidate.id === action.id);
        throw new ConflictError(current ?? action, error.detail);
      }
      throw error;
    }
  }
}
