/**
 * The plan's roles glossary as a plan officer keeps it: each role, who holds it now and
 * since when, who deputises, and when the entry was last confirmed.
 */
import { IRole } from '../model/plan';

/** A glossary entry as read, with the ETag its next save is sent with. */
export interface IGlossaryRole extends IRole {
  etag?: string;
}

/** A new glossary entry: everything but what SharePoint assigns. */
export type NewGlossaryRole = Omit<IRole, 'id'>;

/** Reading and writing the glossary, behind an interface so the panel renders the same on every host. */
export interface IRoleService {
  /**
   * The plan's roles, by title, each with its ETag.
   *
   * @throws PlanDataError when the list cannot be read
   */
  loadRoles(planId: number): Promise<IGlossaryRole[]>;
  /**
   * Adds a role to the plan's glossary. Its holder and deputy must be site users (with an id).
   *
   * @throws PlanDataError when SharePoint refuses it
   */
  addRole(role: NewGlossaryRole): Promise<IGlossaryRole>;
  /**
   * Saves an entry as edited (title, abbreviation, holder, holder since, deputy, last
   * confirmed), sent with the ETag it was read with, and returns it with its new ETag.
   *
   * @throws ConflictError carrying the entry as it is now, when someone else saved it since it was read
   * @throws PlanDataError when SharePoint refuses it
   */
  saveRole(role: IGlossaryRole): Promise<IGlossaryRole>;
}
