/**
 * Sign-off of progress updates: when a plan requires it, an update stands as submitted
 * (kept on its action's `awaitingSignOff`) until a priority's lead or a plan officer
 * approves it or returns it with a comment. Nobody signs off their own update.
 * Refusals leave as codes; the views put them into words.
 */
import { IViewer, IPermissionContext, rightsOn } from './permissions';
import { IAction, IAwaitingSignOff, IProgressUpdate, isLive } from './plan';

/** What a person does with an update awaiting sign-off. */
export type SignOffDecision = 'approve' | 'return';

/**
 * Why a decision cannot be made:
 * - `notAllowed`: the plan needs no sign-off, or the person is neither the priority's lead nor a plan officer;
 * - `ownUpdate`: the person wrote the update;
 * - `commentRequired`: an update is returned only with a comment saying why.
 */
export type SignOffProblem = 'notAllowed' | 'ownUpdate' | 'commentRequired';

/** An update awaiting sign-off, with its action. */
export interface IAwaitingItem {
  action: IAction;
  awaiting: IAwaitingSignOff;
}

/** Whether the viewer wrote the update: by site user id, or by name where SharePoint gave no id. */
export function isAuthor(awaiting: Pick<IAwaitingSignOff, 'author' | 'authorId'>, viewer: IViewer): boolean {
  if (awaiting.authorId !== undefined && viewer.user.id !== undefined) return awaiting.authorId === viewer.user.id;
  return awaiting.author.trim() !== '' && awaiting.author.trim().toLowerCase() === viewer.user.displayName.trim().toLowerCase();
}

/** Why the viewer may not approve or return the update (without the comment rule), or undefined when they may. */
export function signOffProblem(action: IAction, awaiting: IAwaitingSignOff, context: IPermissionContext): SignOffProblem | undefined {
  if (!rightsOn(action, context).signOff) return 'notAllowed';
  if (isAuthor(awaiting, context.viewer)) return 'ownUpdate';
  return undefined;
}

/** Why the decision, with this comment, cannot be made, or undefined when it can. */
export function decisionProblem(action: IAction, awaiting: IAwaitingSignOff, decision: SignOffDecision, comment: string, context: IPermissionContext): SignOffProblem | undefined {
  const problem = signOffProblem(action, awaiting, context);
  if (problem) return problem;
  return decision === 'return' && comment.trim() === '' ? 'commentRequired' : undefined;
}

/** Every update awaiting sign-off on live actions, oldest submission first. */
export function awaitingSignOff(actions: readonly IAction[]): IAwaitingItem[] {
  return actions
    .filter(isLive)
    .reduce<IAwaitingItem[]>((all, action) => all.concat((action.awaitingSignOff ?? []).map((awaiting) => ({ action, awaiting }))), [])
    .sort((a, b) => (a.awaiting.submittedAt < b.awaiting.submittedAt ? -1 : a.awaiting.submittedAt > b.awaiting.submittedAt ? 1 : 0));
}

/** The viewer's queue: the updates across the plan they may approve or return, oldest submission first. */
export function signOffQueue(actions: readonly IAction[], context: IPermissionContext): IAwaitingItem[] {
  return awaitingSignOff(actions).filter(({ action, awaiting }) => signOffProblem(action, awaiting, context) === undefined);
}

/**
 * Whether a log entry stands on the record: written without sign-off, or approved. A
 * submitted update is shown from its action's `awaitingSignOff`, and a returned one only
 * in its action's log, never as the action's progress.
 */
export function standsOnRecord(update: IProgressUpdate): boolean {
  return update.signOff === undefined || update.signOff.state === 'approved';
}

/** The waiting updates left once one is decided. */
export function withoutAwaiting(action: IAction, updateId: number): IAwaitingSignOff[] {
  return (action.awaitingSignOff ?? []).filter((awaiting) => awaiting.updateId !== updateId);
}
