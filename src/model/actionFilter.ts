/**
 * Filtering and sorting a plan's actions, as the workstreams view offers it and as
 * every figure on the summary opens it: a figure is a filter, so the list behind a
 * number always holds exactly the actions that number counted.
 */
import { IsoDate } from './isoDate';
import { Assignee, IAction, IPerson, IRole, assigneeName } from './plan';
import { compareRefs } from './refs';
import { effectiveDueDate, isDueWithin, isOverdue } from './rollups';
import { IStatusScheme, labelForKey } from './statusSchemes';
import { foldName, isPlaceholder, peopleReached, roleOf } from './roles';

/** The status filter's value for actions not yet rated. */
export const NO_STATUS = '';

export interface IActionFilter {
  /** One priority area: a figure counted in its row. */
  priorityId?: number;
  /** Priority areas chosen in the list's filter; any of them matches. */
  priorityIds?: number[];
  /** Label keys of the plan's scheme; NO_STATUS for actions not rated in it. Any of them matches. */
  statuses?: string[];
  /** The key of one of `ownersOf`'s choices: a person (directly or through a role they hold), a role, "not yet named", or a name as written. */
  owner?: string;
  overdue?: boolean;
  dueSoon?: boolean;
  tag?: string;
  /** Words that must all appear in the ref, action, officer, theme or latest note. */
  text?: string;
  /** A fixed set, for figures that are not a simple condition ("improved since the board"). */
  actionIds?: number[];
  /** What a fixed set is, shown above the list ("Improved since 31 Dec 2023"). */
  description?: string;
}

export interface IFilterContext {
  scheme: IStatusScheme;
  today: IsoDate;
  dueSoonDays: number;
  /** The plan's glossary: a role's holder and deputy own its actions, and are found by name. */
  roles?: readonly IRole[];
}

/** Whether the filter lets every action through. */
export function isEmptyFilter(filter: IActionFilter): boolean {
  return (
    filter.priorityId === undefined &&
    (filter.priorityIds === undefined || filter.priorityIds.length === 0) &&
    (filter.statuses === undefined || filter.statuses.length === 0) &&
    !filter.owner &&
    !filter.overdue &&
    !filter.dueSoon &&
    !filter.tag &&
    !(filter.text ?? '').trim() &&
    filter.actionIds === undefined
  );
}

/** An owner as written, and the people it reaches now (a role's holder and deputy), for the free-text search. */
function ownerWords(assignee: Assignee | undefined, roles: readonly IRole[]): string[] {
  return [assigneeName(assignee), ...(assignee?.kind === 'person' ? [] : peopleReached(assignee, roles).map((person) => person.displayName))];
}

function searchableText(action: IAction, roles: readonly IRole[]): string {
  return [action.ref, action.text, ...ownerWords(action.responsibleOfficer, roles), ...ownerWords(action.strategicLead, roles), action.theme ?? '', action.latestNote ?? '']
    .join('\n')
    .toLowerCase();
}

/** The actions the filter lets through, in their original order. */
export function filterActions(actions: readonly IAction[], filter: IActionFilter, context: IFilterContext): IAction[] {
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter((word) => word.length > 0);
  const ids = filter.actionIds ? new Set(filter.actionIds) : undefined;
  const statuses = filter.statuses && filter.statuses.length > 0 ? new Set(filter.statuses) : undefined;
  const priorityIds = filter.priorityIds && filter.priorityIds.length > 0 ? new Set(filter.priorityIds) : undefined;
  const tag = filter.tag?.toLowerCase();
  const roles = context.roles ?? [];
  return actions.filter((action) => {
    if (ids && !ids.has(action.id)) return false;
    if (filter.priorityId !== undefined && action.priorityId !== filter.priorityId) return false;
    if (priorityIds && !priorityIds.has(action.priorityId)) return false;
    if (statuses && !statuses.has(labelForKey(context.scheme, action.status) ? (action.status as string) : NO_STATUS)) return false;
    if (filter.owner && ownerKeys(action.responsibleOfficer, roles).indexOf(filter.owner) < 0) return false;
    if (filter.overdue && !isOverdue(action, context.scheme, context.today)) return false;
    if (filter.dueSoon && !isDueWithin(action, context.scheme, context.today, context.dueSoonDays)) return false;
    if (tag && !action.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (words.length > 0) {
      const haystack = searchableText(action, roles);
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
}

/**
 * One choice of the officer filter. People are those named directly and those who hold
 * (or deputise for) a role an action names; `holder` is the role's holder now. Text that
 * names nobody yet ("TBC", "твс", "ND Workstream to confirm") is one `notNamed` choice;
 * other text is a name as written, one choice for the ways it was typed.
 */
export type OwnerChoice =
  | { kind: 'person'; key: string; name: string }
  | { kind: 'role'; key: string; name: string; holder?: string }
  | { kind: 'notNamed'; key: string }
  | { kind: 'text'; key: string; name: string };

/** The key of the "not yet named" choice. */
export const NOT_NAMED_KEY = 'notNamed';

function personKey(person: IPerson): string {
  return person.id !== undefined ? `person:${person.id}` : `person:${foldName(person.email || person.displayName)}`;
}

/** The owner choices an owner falls under: a person's; a role's and its holder's and deputy's; "not yet named"; or its text's. */
function ownerKeys(assignee: Assignee | undefined, roles: readonly IRole[]): string[] {
  if (!assignee) return [];
  if (assignee.kind === 'person') return [personKey(assignee.person)];
  const role = roleOf(assignee, roles);
  if (role) return [`role:${foldName(role.title)}`, ...peopleReached(assignee, roles).map(personKey)];
  if (assignee.kind === 'role') return [`role:${foldName(assignee.role)}`];
  return isPlaceholder(assignee.text) || assignee.pending ? [NOT_NAMED_KEY] : [`text:${foldName(assignee.text)}`];
}

/**
 * The officer filter's choices for the actions' responsible officers: people by name,
 * then roles by title, then "not yet named" (when any action waits for a name), then
 * names as written, by name in the alphabetical order of `culture` (the page's language
 * tag). Near-duplicate text ("MPFT", "mpft ") is one choice, shown as first written.
 */
export function ownersOf(actions: readonly IAction[], roles: readonly IRole[], culture: string): OwnerChoice[] {
  const people = new Map<string, OwnerChoice>();
  const named = new Map<string, OwnerChoice>();
  const texts = new Map<string, OwnerChoice>();
  let notNamed = false;
  const addPerson = (person: IPerson): void => {
    const key = personKey(person);
    if (!people.has(key)) people.set(key, { kind: 'person', key, name: person.displayName });
  };
  for (const action of actions) {
    const owner = action.responsibleOfficer;
    if (!owner) continue;
    if (owner.kind === 'person') {
      addPerson(owner.person);
      continue;
    }
    const role = roleOf(owner, roles);
    if (role) {
      const key = `role:${foldName(role.title)}`;
      if (!named.has(key)) named.set(key, { kind: 'role', key, name: role.title, holder: role.holder?.displayName });
      peopleReached(owner, roles).forEach(addPerson);
      continue;
    }
    const [key] = ownerKeys(owner, roles);
    if (key === NOT_NAMED_KEY) notNamed = true;
    else if (owner.kind === 'role' && !named.has(key)) named.set(key, { kind: 'role', key, name: owner.role });
    else if (owner.kind === 'text' && !texts.has(key)) texts.set(key, { kind: 'text', key, name: owner.text });
  }
  const byName = (left: OwnerChoice, right: OwnerChoice): number => (left.kind === 'notNamed' || right.kind === 'notNamed' ? 0 : left.name.localeCompare(right.name, culture));
  return [
    ...[...people.values()].sort(byName),
    ...[...named.values()].sort(byName),
    ...(notNamed ? [{ kind: 'notNamed' as const, key: NOT_NAMED_KEY }] : []),
    ...[...texts.values()].sort(byName)
  ];
}

/** The tags used in the actions, for the tag filter, in the alphabetical order of `culture`. */
export function tagsOf(actions: readonly IAction[], culture: string): string[] {
  const seen = new Map<string, string>();
  for (const action of actions) for (const tag of action.tags) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return Array.from(seen.values()).sort((a, b) => a.localeCompare(b, culture));
}

export type ActionSortKey = 'ref' | 'text' | 'officer' | 'due' | 'status' | 'latestUpdate';

/**
 * Actions sorted by a column. Refs sort naturally (3.2 before 3.10); undated actions
 * and unrated ones go last whichever way; ties keep ref order.
 */
export function sortActions(actions: readonly IAction[], key: ActionSortKey, descending: boolean, scheme: IStatusScheme): IAction[] {
  const statusOrder = new Map(scheme.labels.map((label, index) => [label.key, index]));
  const valueOf = (action: IAction): string | number | undefined => {
    switch (key) {
      case 'ref':
        return undefined;
      case 'text':
        return action.text.toLowerCase() || undefined;
      case 'officer':
        return assigneeName(action.responsibleOfficer).toLowerCase() || undefined;
      case 'due':
        return effectiveDueDate(action);
      case 'status':
        return action.status === undefined ? undefined : statusOrder.get(action.status) ?? scheme.labels.length;
      case 'latestUpdate':
        return action.latestUpdateDate;
    }
  };
  const direction = descending ? -1 : 1;
  return [...actions].sort((a, b) => {
    if (key === 'ref') return direction * compareRefs(a.ref, b.ref);
    const va = valueOf(a);
    const vb = valueOf(b);
    if (va !== vb) {
      if (va === undefined) return 1;
      if (vb === undefined) return -1;
      return direction * (va < vb ? -1 : 1);
    }
    return compareRefs(a.ref, b.ref);
  });
}
