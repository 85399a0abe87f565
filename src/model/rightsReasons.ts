/**
 * Why the web part offers someone no Edit or Post an update on an action, as codes the
 * views put into one line, so a missing button is never a mystery.
 */
import { IActionRights, IPermissionContext, rightsOn } from './permissions';
import { IAction } from './plan';

/**
 * - `readOnly`: SharePoint lets the person read the plan's lists, not change them;
 * - `retired`: the action is retired (kept with its log, never changed);
 * - `leadsEdit`: the plan lets only the priority's leads and plan officers edit it;
 * - `ownersUpdate`: the plan lets only its responsible officer, the priority's leads and plan officers post updates.
 */
export type RightsReason = 'readOnly' | 'retired' | 'leadsEdit' | 'ownersUpdate';

/** What the viewer may do on the action, and why not where they may not. */
export interface IRightsWithReasons {
  rights: IActionRights;
  /** Why there is no Edit, when there is none. */
  edit?: RightsReason;
  /** Why there is no Post an update, when there is none. */
  postUpdate?: RightsReason;
}

/** The viewer's rights on the action with a reason for each one missing. */
export function rightsWithReasons(action: IAction, context: IPermissionContext): IRightsWithReasons {
  const rights = rightsOn(action, context);
  const { viewer } = context;
  const general: RightsReason | undefined = !viewer.canEditActions || !viewer.canAddUpdates ? 'readOnly' : action.retired ? 'retired' : undefined;
  return {
    rights,
    edit: rights.edit ? undefined : general ?? 'leadsEdit',
    postUpdate: rights.postUpdate ? undefined : general ?? 'ownersUpdate'
  };
}
