/**
 * A responsible officer's or lead's own actions, grouped the way they work through
 * them, and what they owe this reporting cycle.
 */
import { IsoDate } from './isoDate';
import { Assignee, IAction, IRole, isLive } from './plan';
import { ILatestNote, effectiveDueDate, isDueWithin, isOverdue, latestNoteOf, meaningOf } from './rollups';
import { compareRefs } from './refs';
import { IStatusScheme, isDone } from './statusSchemes';
import { foldName } from './roles';

export type OwnerGroup = 'overdue' | 'dueSoon' | 'later' | 'complete';

/** The order groups are shown in: what needs attention first. */
export const OWNER_GROUPS: readonly OwnerGroup[] = ['overdue', 'dueSoon', 'later', 'complete'];

export interface IOwnedAction {
  action: IAction;
  group: OwnerGroup;
  /** Not finished and no update dated after the last reporting date. */
  owedThisCycle: boolean;
  latest?: ILatestNote;
}

export interface IMyActions {
  groups: Record<OwnerGroup, IOwnedAction[]>;
  /** The reporting date the cycle started on; undefined before the first. */
  cycleStart?: IsoDate;
  owed: number;
}

/**
 * Whether the owner field names the person: as the person, or as a role they hold (`roles`:
 * its names folded), or as text that is such a role's title or abbreviation.
 */
export function namesPerson(assignee: Assignee | undefined, personId: number | undefined, roles: ReadonlySet<string>): boolean {
  if (!assignee || personId === undefined) return false;
  if (assignee.kind === 'person') return assignee.person.id === personId;
  // Text that is a role's title or abbreviation ("DCO") names the role as much as the role itself.
  return roles.has(foldName(assignee.kind === 'role' ? assignee.role : assignee.text));
}

/** Whether the person is the action's responsible officer or strategic lead, directly or through a role they hold (by any of its names). */
export function isOwnedBy(action: IAction, personId: number, rolesHeld: readonly string[] = []): boolean {
  const roles = foldedNames(rolesHeld);
  return namesPerson(action.responsibleOfficer, personId, roles) || namesPerson(action.strategicLead, personId, roles);
}

/** Role names as `namesPerson` compares them: folded, blanks left out. */
export function foldedNames(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.map(foldName).filter((name) => name !== ''));
}

/** The glossary roles a person holds now or covers as deputy: each role's title, then its abbreviation when it has one. */
export function rolesHeldBy(roles: readonly IRole[], personId: number | undefined): string[] {
  if (personId === undefined) return [];
  return roles
    .filter((role) => role.holder?.id === personId || role.deputy?.id === personId)
    .reduce<string[]>((held, role) => held.concat(role.abbreviation ? [role.title, role.abbreviation] : [role.title]), []);
}

/** The latest reporting date on or before today. */
export function lastReportingDate(reportingDates: readonly IsoDate[], today: IsoDate): IsoDate | undefined {
  return reportingDates.filter((date) => date <= today).sort().pop();
}

/** Whether the action's status says the work is finished (complete or embedded). */
export function isFinished(action: IAction, scheme: IStatusScheme): boolean {
  const meaning = meaningOf(scheme, action.status);
  return meaning !== undefined && isDone(meaning);
}

/** Where an action stands for its owner: overdue, due within `dueSoonDays`, later (or no date), complete. */
export function ownerGroup(action: IAction, scheme: IStatusScheme, today: IsoDate, dueSoonDays: number): OwnerGroup {
  if (isFinished(action, scheme)) return 'complete';
  return isOverdue(action, scheme, today) ? 'overdue' : isDueWithin(action, scheme, today, dueSoonDays) ? 'dueSoon' : 'later';
}

/**
 * Not finished and no update dated after the cycle's start (the last reporting date);
 * nothing is owed before the first. An update awaiting sign-off is an answer: the
 * owner has given it, and it now waits on the lead.
 */
export function isOwedThisCycle(action: IAction, scheme: IStatusScheme, cycleStart: IsoDate | undefined): boolean {
  if (isFinished(action, scheme) || cycleStart === undefined) return false;
  const dates = [...action.history, ...(action.awaitingSignOff ?? [])].map((entry) => entry.date);
  return !dates.some((date) => date > cycleStart);
}

/**
 * The person's live actions, in groups: overdue, due within `dueSoonDays`, later (or no
 * date), complete. Within a group, by due date then reference. Retired actions are left out.
 */
export function myActions(options: {
  actions: readonly IAction[];
  scheme: IStatusScheme;
  reportingDates: readonly IsoDate[];
  today: IsoDate;
  personId: number;
  rolesHeld?: readonly string[];
  dueSoonDays: number;
}): IMyActions {
  const { scheme, today } = options;
  const cycleStart = lastReportingDate(options.reportingDates, today);
  const groups: Record<OwnerGroup, IOwnedAction[]> = { overdue: [], dueSoon: [], later: [], complete: [] };
  let owed = 0;
  for (const action of options.actions) {
    if (!isLive(action) || !isOwnedBy(action, options.personId, options.rolesHeld)) continue;
    const group = ownerGroup(action, scheme, today, options.dueSoonDays);
    const owedThisCycle = isOwedThisCycle(action, scheme, cycleStart);
    if (owedThisCycle) owed++;
    groups[group].push({ action, group, owedThisCycle, latest: latestNoteOf(action) });
  }
  const byDue = (left: IOwnedAction, right: IOwnedAction): number => {
    // Undated actions ("TBC") sort last.
    const a = effectiveDueDate(left.action) ?? '9999-12-31';
    const b = effectiveDueDate(right.action) ?? '9999-12-31';
    return a !== b ? (a < b ? -1 : 1) : compareRefs(left.action.ref, right.action.ref);
  };
  for (const group of OWNER_GROUPS) groups[group].sort(byDue);
  return { groups, cycleStart, owed };
}
