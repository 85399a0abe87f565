import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { IPerson } from '../model/plan';
import { ConflictError, PlanDataError, isDataError, requireEtag } from './errors';
import { IListRead, ListItems, readPlanLists } from './idRanges';
import { IGlossaryRole, IRoleService, NewGlossaryRole } from './IRoleService';
import { ListItem, mapRole, readEtag, writeSharePointDate } from './mappers';
import { LIST_TITLES, ROLE_FIELDS } from './schema';

const PEOPLE = [ROLE_FIELDS.holder, ROLE_FIELDS.deputy];

/** The glossary's columns, people expanded to their id, name and e-mail. */
function roleColumns(items: ListItems): ListItems {
  return items
    .select('Id', 'Title', `${ROLE_FIELDS.plan}Id`, ROLE_FIELDS.abbreviation, ROLE_FIELDS.holderSince, ROLE_FIELDS.reviewed, ...PEOPLE.reduce<string[]>((all, field) => all.concat([`${field}/Id`, `${field}/Title`, `${field}/EMail`]), []))
    .expand(...PEOPLE);
}

const ROLES: IListRead = { title: LIST_TITLES.roles, columns: roleColumns };

function glossaryRole(item: ListItem): IGlossaryRole {
  return { ...mapRole(item), etag: readEtag(item) };
}

/** A Person column's value: the person's site user id, or null (which clears it). */
// eslint-disable-next-line @rushstack/no-new-null -- SharePoint's REST API clears a field only with null.
function personId(person: IPerson | undefined, what: string): number | null {
  if (!person) return null;
  if (person.id === undefined) throw new PlanDataError('unexpected', `roleItem: ${what} (${person.displayName}) has no site user id (not ensured)`);
  return person.id;
}

/** The entry's columns as written: people by their site user id (`HolderId`, `DeputyId`), dates as SharePoint's. */
function roleItem(role: NewGlossaryRole): ListItem {
  return {
    Title: role.title,
    [ROLE_FIELDS.abbreviation]: role.abbreviation ?? '',
    [`${ROLE_FIELDS.holder}Id`]: personId(role.holder, `holder of ${role.title}`),
    [ROLE_FIELDS.holderSince]: writeSharePointDate(role.holderSince),
    [`${ROLE_FIELDS.deputy}Id`]: personId(role.deputy, `deputy for ${role.title}`),
    [ROLE_FIELDS.reviewed]: writeSharePointDate(role.reviewed)
  };
}

/** The roles glossary in the SEND Roles list, through the host's PnPjs instance. */
export class SharePointRoleService implements IRoleService {
  public constructor(private readonly sp: SPFI) {}

  public async loadRoles(planId: number): Promise<IGlossaryRole[]> {
    // Read as the plan's other lists are: whole pages within the list view threshold, kept to the plan's rows.
    const { rows } = await readPlanLists(this.sp, planId, { roles: ROLES });
    return rows.roles.map(glossaryRole).sort((left, right) => left.title.localeCompare(right.title, 'en-GB'));
  }

  public async addRole(role: NewGlossaryRole): Promise<IGlossaryRole> {
    const fields = { ...roleItem(role), [`${ROLE_FIELDS.plan}Id`]: role.planId };
    const added = (await this.sp.web.lists.getByTitle(LIST_TITLES.roles).items.add(fields)) as ListItem;
    return { ...role, id: added.Id as number, etag: readEtag(added) };
  }

  public async saveRole(role: IGlossaryRole): Promise<IGlossaryRole> {
    const items = this.sp.web.lists.getByTitle(LIST_TITLES.roles).items;
    try {
      const result = await items.getById(role.id).update(roleItem(role), requireEtag(role.etag, `The role ${role.title}`));
      return { ...role, etag: (result as { etag: string }).etag };
    } catch (error) {
      if (isDataError(error, 'conflict')) {
        // Read back to show the person what was saved meanwhile; if that fails too, the conflict is still what they need to know.
        const current: ListItem[] = await roleColumns(items)
          .filter(`Id eq ${role.id}`)()
          .catch(() => []);
        if (current.length > 0) throw new ConflictError(glossaryRole(current[0]), error.detail);
      }
      throw error;
    }
  }
}
