/**
 * What the web part offers each person on each action, under the plan's edit policy.
 * SharePoint's list permissions remain the only guard on the server: these rules decide
 * what a person is shown, never what the lists accept.
 */
import { rolesHeldBy } from './myActions';
import { Assignee, IAction, IPerson, IPlan, IPriorityArea, IRole } from './plan';

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

function lower(text: string): string {
  return text.trim().toLowerCase();
}

function namesViewer(assignee: Assignee | undefined, viewer: IViewer, rolesHeld: ReadonlySet<string>): boolean {
  if (!assignee) return false;
  if (assignee.kind === 'person') return assignee.person.id !== undefined && assignee.person.id === viewer.user.id;
  if (assignee.kind === 'role') return rolesHeld.has(lower(assignee.role));
  return false;
}

/**
 * Whether the person leads the priority: it names a role they hold (by title or
 * abbreviation) or names them as written.
 */
export function leadsPriority(priority: IPriorityArea | undefined, context: Pick<IPermissionContext, 'roles' | 'viewer'>): boolean {
  if (!priority) return false;
  const held = new Set<string>();
  context.roles
    .filter((role) => rolesHeldBy([role], context.viewer.user.id).length > 0)
    .forEach((role) => {
      held.add(lower(role.title));
      if (role.abbreviation) held.add(lower(role.abbreviation));
    });
  const name = lower(context.viewer.user.displayName);
  return priority.leadRoles.some((lead) => held.has(lower(lead)) || (name.length > 0 && lower(lead) === name));
}

/** What the viewer may do on the action under the plan's policy. A retired action takes no updates and no edits. */
export function rightsOn(action: IAction, context: IPermissionContext): IActionRights {
  const { viewer, plan } = context;
  if (!viewer.canEditActions || !viewer.canAddUpdates || action.retired) return NOTHING;
  const officer = isPlanOfficer(viewer);
  const rolesHeld = new Set(rolesHeldBy(context.roles, viewer.user.id).map(lower));
  const lead = leadsPriority(context.priorities.find((priority) => priority.id === action.priorityId), context) || namesViewer(action.strategicLead, viewer, rolesHeld);
  // Updates already waiting can still be decided after sign-off is turned off, so none is stranded.
  const signingOff = plan.signOffRequired === true || (action.awaitingSignOff ?? []).length > 0;
  const canSignOff = signingOff && (officer || lead);
  if (plan.editPolicy !== 'byRole') return { edit: true, postUpdate: true, signOff: canSignOff, manage: officer };
  const responsible = namesViewer(action.responsibleOfficer, viewer, rolesHeld);
  return { edit: officer || lead, postUpdate: officer || lead || responsible, signOff: canSignOff, manage: officer };
}
