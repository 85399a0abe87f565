import { IAction, IOutcome, IPriorityArea, IRetirement } from '../model/plan';
import { INewActionDraft, INumberedDraft } from '../model/planUpkeep';
import { PlanDataError } from './errors';
import { INewPlan } from './IPlanImportService';

/** A new action and where it goes: under an outcome (and its priority), or a priority with no outcome. */
export interface INewAction extends INewActionDraft {
  priorityId: number;
  outcomeId?: number;
}

/** The ref is already used by another action of the plan (a retired one included): nothing was written. */
export class DuplicateRefError extends PlanDataError {
  public constructor(
    /** The ref as typed. */
    public readonly ref: string
  ) {
    super('alreadyExists', `ref ${ref} is used by another action of the plan`);
    this.name = 'DuplicateRefError';
  }
}

/**
 * A plan officer's upkeep of a plan between boards: a new empty plan, priorities and
 * outcomes added and renamed, actions added, retired (kept with their log, never deleted)
 * or moved to another outcome. Every change of an existing item is sent with its ETag.
 */
export interface IPlanUpkeepService {
  /** Creates an empty plan; returns its id. */
  createPlan(plan: INewPlan): Promise<number>;
  /** Adds a priority area to the plan. */
  addPriority(planId: number, draft: INumberedDraft): Promise<IPriorityArea>;
  /**
   * Renumbers and renames a priority area, as the person saw it.
   *
   * @throws ConflictError carrying the priority as it is now, when someone else changed it
   */
  renamePriority(priority: IPriorityArea, draft: INumberedDraft): Promise<IPriorityArea>;
  /** Adds an outcome under a priority area. */
  addOutcome(priority: IPriorityArea, draft: INumberedDraft): Promise<IOutcome>;
  /**
   * Renumbers and renames an outcome, as the person saw it.
   *
   * @throws ConflictError carrying the outcome as it is now, when someone else changed it
   */
  renameOutcome(outcome: IOutcome, draft: INumberedDraft): Promise<IOutcome>;
  /**
   * Adds an action, its due date kept as written (and the date derived from it, where one can be).
   *
   * @throws DuplicateRefError when another action of the plan has the ref
   */
  addAction(planId: number, action: INewAction): Promise<IAction>;
  /**
   * Retires an action with its ETag: the day and the reason are set, the item and its log stay.
   *
   * @throws ConflictError carrying the action as it is now, when someone else changed it
   */
  retireAction(action: IAction, retirement: IRetirement): Promise<IAction>;
  /**
   * Moves an action to another outcome (and that outcome's priority) with its ETag; its ref stays.
   *
   * @throws ConflictError carrying the action as it is now, when someone else changed it
   */
  moveAction(action: IAction, outcome: IOutcome): Promise<IAction>;
}

/**
 * What a host (the web part, the local page) gives the app for plan upkeep: the service,
 * and how the page comes to show a plan a plan officer has just created.
 */
export interface IPlanUpkeepHost {
  upkeepService?: IPlanUpkeepService;
  /** The page shows the new plan from now on (the web part saves it as its plan). */
  onPlanCreated?: (planId: number) => void;
}
