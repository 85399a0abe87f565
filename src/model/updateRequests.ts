/**
 * Requests for updates before a board: who owes what for the next board date, grouped
 * by the person to ask, and how far each request sent has been answered.
 */
import { IsoDate, dateOf, daysBetween } from './isoDate';
import { Assignee, IAction, IPerson, IRole, isLive } from './plan';
import { isOwedThisCycle, lastReportingDate, ownerGroup } from './myActions';
import { compareRefs } from './refs';
import { isPlaceholder, roleOf } from './roles';
import { IStatusScheme } from './statusSchemes';

/** Why an action is on a request: no update since the last board, past its due date, or due soon. */
export type OwedReason = 'noUpdateSinceBoard' | 'overdue' | 'dueSoon';

/** Why nobody can be asked about an action. */
export type NoOneToAskReason =
  /** A placeholder waiting for a name ("ND Workstream to confirm", "TBC"). */
  | 'placeholder'
  /** A name as written, not linked to anyone's account. */
  | 'nameNotLinked'
  /** A role the glossary does not list, or lists with neither holder nor deputy. */
  | 'roleWithoutHolder'
  /** A person (or a role's holder, with no deputy to ask) with no e-mail address on their account. */
  | 'noEmail'
  /** Neither a responsible officer nor a strategic lead. */
  | 'noOwner';

/** How a person comes to be asked about an action its owner names as a role. */
export interface IOwedVia {
  /** The glossary role's title. */
  role: string;
  /** True when they cover it as deputy (the holder is not set or has no e-mail address). */
  asDeputy: boolean;
}

/** One action someone is asked about, and why. */
export interface IOwedAction {
  action: IAction;
  /** In the order listed in `OwedReason`; never empty. */
  reasons: OwedReason[];
  /** Set when the action names a role and this person is asked as its holder or deputy. */
  via?: IOwedVia;
}

/** Someone to ask and what they owe. */
export interface IRecipient {
  person: IPerson & { email: string };
  /** Their actions, by ref. */
  owed: IOwedAction[];
}

/** An action nobody can be asked about, and why (from the responsible officer, else the lead). */
export interface IUnaskable extends IOwedAction {
  why: NoOneToAskReason;
  /** The owner as written: the placeholder, name or role. */
  ownerText?: string;
}

/** Who owes what for the next board. */
export interface IWhoOwes {
  /** The first reporting date after today; undefined when the plan has none ahead. */
  boardDate?: IsoDate;
  /** The last reporting date on or before today: updates dated after it count for this cycle. */
  cycleStart?: IsoDate;
  /** By name. */
  recipients: IRecipient[];
  /** By ref. */
  noOneToAsk: IUnaskable[];
}

/** How a request was sent: through Microsoft Graph, or as a mail link the sender opened in their mail app. */
export type RequestChannel = 'graph' | 'mailLink';

/** A request for updates as recorded: who was asked about which actions, when and by whom. */
export interface IUpdateRequest {
  /** The list item's id; 0 before it is recorded. */
  id: number;
  planId: number;
  /** The board the updates are for. */
  boardDate: IsoDate;
  recipient: { id?: number; email: string; name: string };
  actionIds: number[];
  /** When it was sent, as an ISO date-time. */
  sentAt: string;
  /** Who sent it (display name). */
  sentBy: string;
  channel: RequestChannel;
}

/** The first reporting date after today. */
export function nextBoardDate(reportingDates: readonly IsoDate[], today: IsoDate): IsoDate | undefined {
  return [...reportingDates].sort().find((date) => date > today);
}

type Resolution =
  | { kind: 'person'; person: IPerson & { email: string }; via?: IOwedVia }
  | { kind: 'none'; why: NoOneToAskReason; ownerText?: string };

/** The person as someone to ask, or why they cannot be. */
function reachable(person: IPerson): Resolution {
  const email = person.email?.trim();
  return email ? { kind: 'person', person: { ...person, email } } : { kind: 'none', why: 'noEmail', ownerText: person.displayName };
}

/**
 * The person an assignee reaches now: the person; for a role (or text naming one), its
 * holder, or its deputy when the holder is not set or cannot be written to. A placeholder
 * ("TBC", "to confirm", however typed) reaches nobody.
 */
function resolve(assignee: Assignee | undefined, roles: readonly IRole[]): Resolution {
  if (!assignee) return { kind: 'none', why: 'noOwner' };
  if (assignee.kind === 'person') return reachable(assignee.person);
  const role = roleOf(assignee, roles);
  if (!role) {
    if (assignee.kind === 'role') return { kind: 'none', why: 'roleWithoutHolder', ownerText: assignee.role };
    return { kind: 'none', why: assignee.pending || isPlaceholder(assignee.text) ? 'placeholder' : 'nameNotLinked', ownerText: assignee.text };
  }
  const holder = role.holder ? reachable(role.holder) : undefined;
  if (holder?.kind === 'person') return { ...holder, via: { role: role.title, asDeputy: false } };
  const deputy = role.deputy ? reachable(role.deputy) : undefined;
  if (deputy?.kind === 'person') return { ...deputy, via: { role: role.title, asDeputy: true } };
  return holder ?? deputy ?? { kind: 'none', why: 'roleWithoutHolder', ownerText: assignee.kind === 'role' ? assignee.role : assignee.text };
}

/** Why the action is owed this cycle; empty when it is not. */
function owedReasons(action: IAction, scheme: IStatusScheme, today: IsoDate, dueSoonDays: number, cycleStart: IsoDate | undefined): OwedReason[] {
  const group = ownerGroup(action, scheme, today, dueSoonDays);
  if (group === 'complete') return [];
  const reasons: OwedReason[] = [];
  if (isOwedThisCycle(action, scheme, cycleStart)) reasons.push('noUpdateSinceBoard');
  if (group === 'overdue' || group === 'dueSoon') reasons.push(group);
  return reasons;
}

/**
 * Who owes what for the next board: every live, unfinished action with no update since
 * the last board, overdue, or due within `dueSoonDays`, grouped by the person to ask: the
 * responsible officer (a person, or a role's holder from the glossary, or its deputy
 * when no holder can be asked), else the strategic lead. What reaches nobody is listed
 * apart, with the reason. Retired actions owe nothing. People are listed by name in the
 * order of `culture` (the page's language tag).
 */
export function whoOwes(options: { actions: readonly IAction[]; roles: readonly IRole[]; scheme: IStatusScheme; reportingDates: readonly IsoDate[]; today: IsoDate; dueSoonDays: number; culture: string }): IWhoOwes {
  const { roles, scheme, today, dueSoonDays } = options;
  const cycleStart = lastReportingDate(options.reportingDates, today);
  const byPerson = new Map<string, IRecipient>();
  const noOneToAsk: IUnaskable[] = [];
  for (const action of options.actions) {
    if (!isLive(action)) continue;
    const reasons = owedReasons(action, scheme, today, dueSoonDays, cycleStart);
    if (reasons.length === 0) continue;
    const officer = resolve(action.responsibleOfficer, roles);
    const asked = officer.kind === 'person' ? officer : resolve(action.strategicLead, roles);
    if (asked.kind === 'person') {
      const key = asked.person.email.toLowerCase();
      const recipient = byPerson.get(key) ?? { person: asked.person, owed: [] };
      recipient.owed.push(asked.via ? { action, reasons, via: asked.via } : { action, reasons });
      byPerson.set(key, recipient);
    } else {
      // Say why the officer cannot be asked; the lead's reason only when no officer is named.
      const why = officer.kind === 'none' && officer.why !== 'noOwner' ? officer : asked;
      noOneToAsk.push({ action, reasons, why: why.why, ownerText: why.ownerText });
    }
  }
  const byRef = (left: IOwedAction, right: IOwedAction): number => compareRefs(left.action.ref, right.action.ref);
  const recipients = [...byPerson.values()].sort((left, right) => left.person.displayName.localeCompare(right.person.displayName, options.culture));
  recipients.forEach((recipient) => recipient.owed.sort(byRef));
  return { boardDate: nextBoardDate(options.reportingDates, today), cycleStart, recipients, noOneToAsk: noOneToAsk.sort(byRef) };
}

/** How far a request has been answered. */
export interface IAnswerRate {
  /** Days from the day it was sent to today (0: today). */
  daysAgo: number;
  /** Actions it asked about. */
  asked: number;
  /** Of those, how many have an update since. */
  updated: number;
}

/**
 * How far a request has been answered: of its actions, how many have an update dated
 * on or after the day it was sent, or recorded after it was sent (an update written
 * after the request may speak for an earlier date), approved or awaiting sign-off. An
 * action no longer in the plan counts as asked and not updated.
 */
export function answerRate(request: IUpdateRequest, actions: readonly IAction[], today: IsoDate): IAnswerRate {
  const sentOn = dateOf(request.sentAt);
  const byId = new Map(actions.map((action) => [action.id, action]));
  // An update awaiting sign-off answers the request: the person asked has given it.
  const answered = (action: IAction | undefined): boolean =>
    !!action &&
    (action.history.some((entry) => entry.date >= sentOn || (entry.recordedAt !== undefined && entry.recordedAt >= request.sentAt)) ||
      (action.awaitingSignOff ?? []).some((entry) => entry.date >= sentOn || entry.submittedAt >= request.sentAt));
  return {
    daysAgo: Math.max(0, daysBetween(sentOn, today)),
    asked: request.actionIds.length,
    updated: request.actionIds.filter((id) => answered(byId.get(id))).length
  };
}

/** The requests sent for a board, latest first. */
export function requestsForBoard(requests: readonly IUpdateRequest[], boardDate: IsoDate | undefined): IUpdateRequest[] {
  return requests.filter((request) => request.boardDate === boardDate).sort((left, right) => (left.sentAt < right.sentAt ? 1 : left.sentAt > right.sentAt ? -1 : 0));
}
