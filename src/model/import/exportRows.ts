/**
 * A list of actions as a spreadsheet: the columns a reader expects, headed the way the
 * import reads them back, so an export can be imported into another plan unchanged.
 */
import { IAction, IOutcome, IPriorityArea, assigneeName } from '../plan';
import { IStatusScheme, labelForKey } from '../statusSchemes';

export const EXPORT_HEADERS = ['Ref', 'Priority', 'Outcome', 'Theme', 'Action', 'Strategic Lead', 'Responsible Officer', 'Start Date', 'By When', 'Revised Due', 'RAG', 'Desired Impact', 'How will we know', 'Tags', 'Evidence', 'Progress Update'] as const;

/** Header row, then one row per action in the order given (a view's filter and sort applied). */
export function exportRows(actions: readonly IAction[], priorities: readonly IPriorityArea[], outcomes: readonly IOutcome[], scheme: IStatusScheme): string[][] {
  const priorityName = new Map(priorities.map((priority) => [priority.id, priority.number ? `${priority.number}. ${priority.title}` : priority.title]));
  const outcomeName = new Map(outcomes.map((outcome) => [outcome.id, outcome.number ? `${outcome.number} ${outcome.title}` : outcome.title]));
  const rows = actions.map((action) => [
    action.ref,
    priorityName.get(action.priorityId) ?? '',
    action.outcomeId === undefined ? '' : outcomeName.get(action.outcomeId) ?? '',
    action.theme ?? '',
    action.text,
    assigneeName(action.strategicLead),
    assigneeName(action.responsibleOfficer),
    action.start.text,
    action.due.text,
    action.revisedDue ? `${action.revisedDue.text}${action.revisedDueReason ? ` (${action.revisedDueReason})` : ''}` : '',
    labelForKey(scheme, action.status)?.label ?? '',
    action.desiredImpact ?? '',
    action.howWeWillKnow ?? '',
    action.tags.join(', '),
    action.evidence.map((link) => link.url).join('\n'),
    // Dated the British way, which the import splits back into a log entry.
    action.latestNote && action.latestUpdateDate ? `${action.latestUpdateDate.split('-').reverse().join('/')}: ${action.latestNote}` : action.latestNote ?? ''
  ]);
  return [[...EXPORT_HEADERS], ...rows];
}
