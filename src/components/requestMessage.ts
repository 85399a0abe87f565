/**
 * A request for updates in words: each reason an action is owed, and the message one
 * person receives (the same words as HTML for Graph and as text for a mail link).
 */
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { IAction } from '../model/plan';
import { effectiveDueDate } from '../model/rollups';
import { IOwedAction, IRecipient, IUnaskable, OwedReason } from '../model/updateRequests';
import { IMailMessage } from '../services/IMailSender';
import { formatDate, formatString } from './format';
import { actionPageLink, planPageLink } from './navigation';

/** One reason in words ("overdue: due 30 September 2023"). */
export function reasonText(reason: OwedReason, action: IAction, cycleStart: IsoDate | undefined, culture: string): string {
  const due = formatDate(effectiveDueDate(action), '', culture);
  switch (reason) {
    case 'noUpdateSinceBoard':
      return formatString(strings.RequestsReasonNoUpdate, formatDate(cycleStart, '', culture));
    case 'overdue':
      return formatString(strings.RequestsReasonOverdue, due);
    case 'dueSoon':
      return formatString(strings.RequestsReasonDueSoon, due);
  }
}

/** Every reason an action is owed, in words. */
export function reasonsText(owed: IOwedAction, cycleStart: IsoDate | undefined, culture: string): string {
  return owed.reasons.map((reason) => reasonText(reason, owed.action, cycleStart, culture)).join(strings.RequestsReasonSeparator);
}

/** Why nobody can be asked about an action, in words. */
export function noOneToAskText(entry: IUnaskable): string {
  const owner = entry.ownerText ?? '';
  switch (entry.why) {
    case 'placeholder':
      return formatString(strings.RequestsWhyPlaceholder, owner);
    case 'nameNotLinked':
      return formatString(strings.RequestsWhyNameNotLinked, owner);
    case 'roleWithoutHolder':
      return formatString(strings.RequestsWhyRoleWithoutHolder, owner);
    case 'noEmail':
      return formatString(strings.RequestsWhyNoEmail, owner);
    case 'noOwner':
      return strings.RequestsWhyNoOwner;
  }
}

/** Text safe inside HTML, attribute values included. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export interface IRequestContext {
  planTitle: string;
  /** The board the updates are for. */
  boardDate: IsoDate;
  /** The last board: updates dated after it count. */
  cycleStart?: IsoDate;
  /** The page the web part is on; each action's link opens its panel there. */
  pageUrl: string;
}

/** The message asking one person for their updates: each action with its ref, text, why, and a link that opens it. */
export function requestMessage(recipient: IRecipient, context: IRequestContext, culture: string): IMailMessage {
  const board = formatDate(context.boardDate, context.boardDate, culture);
  const planLink = planPageLink(context.pageUrl);
  const greeting = formatString(strings.RequestMailGreeting, recipient.person.displayName);
  const intro = formatString(strings.RequestMailIntro, context.planTitle, board);
  const items = recipient.owed.map((owed) => ({ owed, link: actionPageLink(context.pageUrl, owed.action.id), why: reasonsText(owed, context.cycleStart, culture) }));
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    '<ul>',
    ...items.map(({ owed, link, why }) => `<li><a href="${escapeHtml(link)}">${escapeHtml(owed.action.ref)}</a> ${escapeHtml(owed.action.text)} (${escapeHtml(why)})</li>`),
    '</ul>',
    `<p>${escapeHtml(strings.RequestMailHowTo)}</p>`,
    `<p><a href="${escapeHtml(planLink)}">${escapeHtml(strings.RequestMailOpenPlanLink)}</a></p>`,
    `<p>${escapeHtml(strings.RequestMailThanks)}</p>`
  ].join('\n');
  return {
    to: { address: recipient.person.email, name: recipient.person.displayName },
    subject: formatString(strings.RequestMailSubject, board, context.planTitle),
    html,
    text: {
      opening: [greeting, '', intro],
      items: items.map(({ owed, link, why }) => formatString(strings.RequestMailItem, owed.action.ref, owed.action.text, why, link)),
      closing: [strings.RequestMailHowTo, formatString(strings.RequestMailOpenPlan, planLink), '', strings.RequestMailThanks]
    }
  };
}

/** The line a mail link ends its list with when it had to leave actions out. */
export function andMoreText(count: number): string {
  return formatString(strings.RequestMailAndMore, count);
}
