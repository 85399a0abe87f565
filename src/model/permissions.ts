/**
 * What the web part offers each person on each action, under the plan's edit policy.
 * SharePoint's list permissions remain the only guard on the server: these rules decide
 * what a person is shown, never what the lists accept.
 */
import { foldedNames, namesPerson, rolesHeldBy } from './myActions';
import { foldName } from './roles';
import { IAction, IPerson, IPlan, IPriorityArea, IRole } from './plan';

/** Who is looking, and what SharePoint lets them do on the plan's lists. */
export interface IViewer {
  user: IPerson;
  /** Contribute or more on the actions list. */
  canEditActions: boolean;
  /** Contribute or more on the progress log. */
  canAddUpdates: boolean;
  /** Edit or Full Control on the site: a plan officer. */
  canManageLists: boolean;
}

/** What one person may do on one action. */
export interface IActionRights {
  /** Change its own fields: wording, owners, dates. */
  edit: boolean;
  /** Post a progress update. */
  postUpdate: boolean;
  /** Approve or return its updates (when the plan requires sign-off; never one's own update). */
  signOff: boolean;
  /** Retire it or move it to another outcome. */
  manage: boolean;
}

/** The plan's facts the rules read. */
export interface IPermissionContext {
  plan: Pick<IPlan, 'editPolicy' | 'signOffRequired'>;
  priorities: readonly IPriorityArea[];
  roles: readonly IRole[];
  viewer: IViewer;
}

const NOTHING: IActionRights = { edit: false, postUpdate: false, signOff: false, manage: false };

/** A plan officer, in the product's terms: someone who may manage the site's lists. */
export function isPlanOfficer(viewer: IViewer): boolean {
  return viewer.canManageLists;
}

/**
 * Whether the person leads the priority: it names a role they hold (by title or
 * abbreviation) or names them as written.
 */
export function leadsPriority(priority: IPriorityArea | undefined, context: Pick<IPermissionContext, 'roles' | 'viewer'>): boolean {
  if (!priority) return false;
  const held = foldedNames(rolesHeldBy(context.roles, context.viewer.user.id));
  const name = foldName(context.viewer.user.displayName);
  return priority.leadRoles.some((lead) => held.has(foldName(lead)) || (name.length > 0 && foldName(lead) === name));
}

/** What the viewer may do on the action under the plan's policy. A retired action takes no updates and no edits. */
export function rightsOn(action: IAction, context: IPermissionContext): IActionRights {
  const { viewer, plan } = context;
  if (!viewer.canEditActions || !viewer.canAddUpdates || action.retired) return NOTHING;
  const officer = isPlanOfficer(viewer);
  // One reading of ownership with My actions: a person, a role they hold, or text naming that role.
  const rolesHeld = foldedNames(rolesHeldBy(context.roles, viewer.user.id));
  const lead = leadsPriority(context.priorities.find((priority) => priority.id === action.priorityId), context) || namesPerson(action.strategicLead, viewer.user.id, rolesHeld);
  // Updates already waiting can still be decided after sign-off is turned off, so none is stranded.
  const signingOff = plan.signOffRequired === true || (action.awaitingSignOff ?? []).length > 0;
  const canSignOff = signingOff && (officer || lead);
  if (plan.editPolicy !== 'byRole') return { edit: true, postUpdate: true, signOff: canSignOff, manage: officer };
  const responsible = namesPerson(action.responsibleOfficer, viewer.user.id, rolesHeld);
  return { edit: officer || lead, postUpdate: officer || lead || responsible, signOff: canSignOff, manage: officer };
}
