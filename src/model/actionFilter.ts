/**
 * Filtering and sorting a plan's actions, as the workstreams view offers it and as
 * every figure on the summary opens it: a figure is a filter, so the list behind a
 * number always holds exactly the actions that number counted.
 */
import { IsoDate } from './isoDate';
import { IAction, assigneeName } from './plan';
import { compareRefs } from './refs';
import { effectiveDueDate, isDueWithin, isOverdue } from './rollups';
import { IStatusScheme, labelForKey } from './statusSchemes';

/** The status filter's value for actions not yet rated. */
export const NO_STATUS = '';

export interface IActionFilter {
  priorityId?: number;
  /** Label keys of the plan's scheme; NO_STATUS for actions not rated in it. Any of them matches. */
  statuses?: string[];
  /** The responsible officer as shown (a person's name, a role, or the text written). */
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
}

/** Whether the filter lets every action through. */
export function isEmptyFilter(filter: IActionFilter): boolean {
  return (
    filter.priorityId === undefined &&
    (filter.statuses === undefined || filter.statuses.length === 0) &&
    !filter.owner &&
    !filter.overdue &&
    !filter.dueSoon &&
    !filter.tag &&
    !(filter.text ?? '').trim() &&
    filter.actionIds === undefined
  );
}

function searchableText(action: IAction): string {
  return [action.ref, action.text, assigneeName(action.responsibleOfficer), assigneeName(action.strategicLead), action.theme ?? '', action.latestNote ?? '']
    .join('\n')
    .toLowerCase();
}

/** The actions the filter lets through, in their original order. */
export function filterActions(actions: readonly IAction[], filter: IActionFilter, context: IFilterContext): IAction[] {
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter((word) => word.length > 0);
  const ids = filter.actionIds ? new Set(filter.actionIds) : undefined;
  const statuses = filter.statuses && filter.statuses.length > 0 ? new Set(filter.statuses) : undefined;
  const tag = filter.tag?.toLowerCase();
  return actions.filter((action) => {
    if (ids && !ids.has(action.id)) return false;
    if (filter.priorityId !== undefined && action.priorityId !== filter.priorityId) return false;
    if (statuses && !statuses.has(labelForKey(context.scheme, action.status) ? (action.status as string) : NO_STATUS)) return false;
    if (filter.owner && assigneeName(action.responsibleOfficer) !== filter.owner) return false;
    if (filter.overdue && !isOverdue(action, context.scheme, context.today)) return false;
    if (filter.dueSoon && !isDueWithin(action, context.scheme, context.today, context.dueSoonDays)) return false;
    if (tag && !action.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (words.length > 0) {
      const haystack = searchableText(action);
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
}

/** The responsible officers named in the actions, for the owner filter. */
export function ownersOf(actions: readonly IAction[]): string[] {
  return Array.from(new Set(actions.map((action) => assigneeName(action.responsibleOfficer)).filter((name) => name !== ''))).sort((a, b) =>
    a.localeCompare(b, 'en-GB')
  );
}

/** The tags used in the actions, for the tag filter. */
export function tagsOf(actions: readonly IAction[]): string[] {
  const seen = new Map<string, string>();
  for (const action of actions) for (const tag of action.tags) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return Array.from(seen.values()).sort((a, b) => a.localeCompare(b, 'en-GB'));
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
