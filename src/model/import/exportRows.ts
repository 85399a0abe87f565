/**
 * A list of actions as a spreadsheet: every field the import reads, headed the way the
 * import reads them back, so an export imports into another plan unchanged.
 */
import { IsoDate, endOfMonth } from '../isoDate';
import { IAction, IEvidenceLink, IOutcome, IPriorityArea, assigneeName, priorityName } from '../plan';
import { statusAsAtInOrder } from '../rollups';
import { IStatusScheme, labelForKey } from '../statusSchemes';

/** The columns before the status history, in order. */
const LEADING_HEADERS = ['Ref', 'Priority', 'Outcome', 'Theme', 'Action', 'Strategic Lead', 'Responsible Officer', 'Delivery Partners', 'Resources', 'Start Date', 'By When', 'Revised Due', 'Revised Due Reason', 'RAG'];
/** The columns after it. */
const TRAILING_HEADERS = ['Desired Impact', 'How will we know', 'Tags', 'Evidence', 'Progress Update'];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2023-12-15 as 15/12/2023, the British way the import reads dates. */
function britishDate(date: IsoDate): string {
  return date.split('-').reverse().join('/');
}

/**
 * A status-history column's header: "RAG Dec-23" for a board date at the end of its
 * month (the import reads a month as its last day), else "RAG 15/12/2023", so the
 * status lands on the same date either way.
 */
function historyHeader(date: IsoDate): string {
  const [year, month] = date.split('-').map(Number);
  return endOfMonth(year, month) === date ? `RAG ${MONTHS[month - 1]}-${String(year).slice(2)}` : `RAG ${britishDate(date)}`;
}

/** A link as "Title (https://...)", or the address alone when it has no other title. */
function evidenceLine(link: IEvidenceLink): string {
  const title = link.description.trim();
  if (!link.url) return title;
  return title === '' || title === link.url ? link.url : `${title} (${link.url})`;
}

/**
 * Header row, then one row per action in the order given (a view's filter and sort
 * applied). Each reporting date that the actions' history reaches gets a status column:
 * each action's status as at that date.
 */
export function exportRows(actions: readonly IAction[], priorities: readonly IPriorityArea[], outcomes: readonly IOutcome[], scheme: IStatusScheme, reportingDates: readonly IsoDate[] = []): string[][] {
  const priorityNames = new Map(priorities.map((priority) => [priority.id, priorityName(priority)]));
  const outcomeName = new Map(outcomes.map((outcome) => [outcome.id, outcome.number ? `${outcome.number} ${outcome.title}` : outcome.title]));
  const label = (key: string | undefined): string => labelForKey(scheme, key)?.label ?? '';
  let lastHistoryDate = '';
  for (const action of actions) for (const mark of action.history) if (mark.status !== undefined && mark.date > lastHistoryDate) lastHistoryDate = mark.date;
  const historyDates = [...reportingDates].sort().filter((date) => date <= lastHistoryDate && actions.some((action) => statusAsAtInOrder(action.history, date) !== undefined));

  const rows = actions.map((action) => [
    action.ref,
    priorityNames.get(action.priorityId) ?? '',
    action.outcomeId === undefined ? '' : outcomeName.get(action.outcomeId) ?? '',
    action.theme ?? '',
    action.text,
    assigneeName(action.strategicLead),
    assigneeName(action.responsibleOfficer),
    action.deliveryPartners.join('\n'),
    action.resources ?? '',
    action.start.text,
    action.due.text,
    action.revisedDue?.text ?? '',
    action.revisedDueReason ?? '',
    label(action.status),
    ...historyDates.map((date) => label(statusAsAtInOrder(action.history, date))),
    action.desiredImpact ?? '',
    action.howWeWillKnow ?? '',
    action.tags.join(', '),
    action.evidence.map(evidenceLine).join('\n'),
    // Dated the British way, which the import splits back into a log entry.
    action.latestNote && action.latestUpdateDate ? `${britishDate(action.latestUpdateDate)}: ${action.latestNote}` : action.latestNote ?? ''
  ]);
  return [[...LEADING_HEADERS, ...historyDates.map(historyHeader), ...TRAILING_HEADERS], ...rows];
}
