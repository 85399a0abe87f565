/**
 * Revisions of an action's key fields: every change of its text, owner or due date is
 * kept (who, when, old, new, reason), so the plan can be read as it stood at any date
 * and a board sees that a date moved ("revised twice, first due Apr-23"). Status moves
 * are kept in the status history, not here.
 */
import { IsoDate } from './isoDate';
import { Assignee, IAction, assigneeName } from './plan';
import { IPlanDate, parsePlanDate } from './planDates';

/** The key fields whose changes are kept. */
export type RevisedField = 'text' | 'revisedDue' | 'strategicLead' | 'responsibleOfficer';

export const REVISED_FIELDS: readonly RevisedField[] = ['text', 'revisedDue', 'strategicLead', 'responsibleOfficer'];

/** One change of one key field. */
export interface IRevision {
  /** The day it was made: the plan reads the new value from this date on. */
  date: IsoDate;
  /** When it was saved (an ISO timestamp), ordering revisions made the same day. */
  at: string;
  /** Who made it, as their name reads. */
  by: string;
  field: RevisedField;
  /** The value before, as written ("" for none). */
  old: string;
  /** The value after, as written ("" for none). */
  new: string;
  /** Why, when the person said (a moved due date always says). */
  reason?: string;
}

/** The field's value as written: the text, the revised due date as written, the owner's name or role. */
export function revisedValue(action: IAction, field: RevisedField): string {
  switch (field) {
    case 'text':
      return action.text;
    case 'revisedDue':
      return action.revisedDue?.text ?? '';
    case 'strategicLead':
      return assigneeName(action.strategicLead);
    case 'responsibleOfficer':
      return assigneeName(action.responsibleOfficer);
  }
}

/**
 * The revisions an edit makes: one per key field whose value changed, in field order.
 * A moved due date carries the reason given for it.
 */
export function revisionsOf(before: IAction, after: IAction, made: { date: IsoDate; at: string; by: string }): IRevision[] {
  return REVISED_FIELDS.filter((field) => revisedValue(before, field).trim() !== revisedValue(after, field).trim()).map((field) => ({
    ...made,
    field,
    old: revisedValue(before, field),
    new: revisedValue(after, field),
    ...(field === 'revisedDue' && after.revisedDueReason ? { reason: after.revisedDueReason } : {})
  }));
}

/** Revisions in the order they were made. */
export function compareRevisions(a: IRevision, b: IRevision): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
}

/** A field's value as written at the end of `date`: the current value, unwound through the revisions made after it. */
export function valueAsAt(action: IAction, field: RevisedField, date: IsoDate): string {
  let value = revisedValue(action, field);
  const later = action.revisions.filter((revision) => revision.field === field && revision.date > date).sort(compareRevisions);
  // The earliest revision after the date says what the value was before it.
  if (later.length > 0) value = later[0].old;
  return value;
}

/** How often the due date had been revised by `date`, and what it was first: "revised twice, first due Apr-23". */
export function dueRevisionsAsAt(action: IAction, date: IsoDate): { count: number; firstDue: string } {
  const made = action.revisions.filter((revision) => revision.field === 'revisedDue' && revision.date <= date);
  return { count: made.length, firstDue: action.due.text };
}

function assigneeAsAt(current: Assignee | undefined, written: string): Assignee | undefined {
  if (written === assigneeName(current)) return current;
  return written ? { kind: 'text', text: written, pending: false } : undefined;
}

/** The action's key fields as they stood at the end of `date` (status, log and notes are the caller's). */
export function keyFieldsAsAt(action: IAction, date: IsoDate): Pick<IAction, 'text' | 'revisedDue' | 'revisedDueReason' | 'strategicLead' | 'responsibleOfficer' | 'revisions'> {
  const revisedDueText = valueAsAt(action, 'revisedDue', date);
  const revisedDue: IPlanDate | undefined = revisedDueText === (action.revisedDue?.text ?? '') ? action.revisedDue : revisedDueText ? parsePlanDate(revisedDueText) : undefined;
  const dueRevisions = action.revisions.filter((revision) => revision.field === 'revisedDue' && revision.date <= date).sort(compareRevisions);
  const reason = dueRevisions.length > 0 ? dueRevisions[dueRevisions.length - 1].reason : undefined;
  return {
    text: valueAsAt(action, 'text', date),
    revisedDue,
    revisedDueReason: revisedDue ? reason ?? (revisedDue === action.revisedDue ? action.revisedDueReason : undefined) : undefined,
    strategicLead: assigneeAsAt(action.strategicLead, valueAsAt(action, 'strategicLead', date)),
    responsibleOfficer: assigneeAsAt(action.responsibleOfficer, valueAsAt(action, 'responsibleOfficer', date)),
    revisions: action.revisions.filter((revision) => revision.date <= date)
  };
}
