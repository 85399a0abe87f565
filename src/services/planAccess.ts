/**
 * The plan's own item, the signed-in person and their permissions, read alongside a
 * plan's lists in the same $batch: a load and a refresh of what changed read them alike.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security';
import '@pnp/sp/site-users/web';
import { IBasePermissions, PermissionKind } from '@pnp/sp/security';
import { IPlan } from '../model/plan';
import { IPlanAccess } from './IPlanDataService';
import { ListItem, Warnings, mapPlan } from './mappers';
import { PLAN_SELECT } from './planColumns';
import { LIST_TITLES } from './schema';

/** The parts added to a batch: each settles once the batch has run. */
export interface IPlanAndAccessParts {
  plan: Promise<unknown>;
  user: Promise<{ Id: number; Title: string; Email: string }>;
  /** The web's, then the actions', progress log's, KPIs' and measurements' lists. */
  permissions: Array<Promise<IBasePermissions>>;
}

/** Adds the plan's item, the user and their permissions to a batch (seven parts). */
export function readPlanAndAccess(batched: SPFI, planId: number): IPlanAndAccessParts {
  const list = (title: string): ReturnType<SPFI['web']['lists']['getByTitle']> => batched.web.lists.getByTitle(title);
  return {
    plan: list(LIST_TITLES.plans).items.getById(planId).select(...PLAN_SELECT)(),
    user: batched.web.currentUser.select('Id', 'Title', 'Email')(),
    permissions: [
      batched.web.getCurrentUserEffectivePermissions(),
      list(LIST_TITLES.actions).getCurrentUserEffectivePermissions(),
      list(LIST_TITLES.updates).getCurrentUserEffectivePermissions(),
      list(LIST_TITLES.kpis).getCurrentUserEffectivePermissions(),
      list(LIST_TITLES.kpiMeasurements).getCurrentUserEffectivePermissions()
    ]
  };
}

/** The plan and the user's access from the parts, once their batch has run. */
export async function planAndAccess(sp: SPFI, parts: IPlanAndAccessParts, warnings: Warnings): Promise<{ plan: IPlan; access: IPlanAccess }> {
  const me = await parts.user;
  const [web, actions, updates, kpis, measurements] = await Promise.all(parts.permissions);
  const has = (granted: IBasePermissions, kind: PermissionKind): boolean => sp.web.hasPermissions(granted, kind);
  return {
    plan: mapPlan((await parts.plan) as ListItem, warnings),
    access: {
      user: { id: me.Id, displayName: me.Title, email: me.Email || undefined },
      canEditActions: has(actions, PermissionKind.EditListItems),
      canAddUpdates: has(updates, PermissionKind.AddListItems),
      canUpdateKpis: has(kpis, PermissionKind.EditListItems) && has(measurements, PermissionKind.AddListItems) && has(measurements, PermissionKind.EditListItems),
      canManageLists: has(web, PermissionKind.ManageLists)
    }
  };
}
