/**
 * Who is responsible is kept in two columns side by side: a Person column for someone
 * with an account, and a text column for a role of the glossary or a name or placeholder
 * as the plan wrote it (`readAssignee` reads them back). Writing one clears the other, so
 * an owner never reads as two.
 */
import { OwnerField } from '../model/actionEdit';
import { Assignee } from '../model/plan';
import { PlanDataError } from './errors';
import { ListItem, readAssignee } from './mappers';
import { ACTION_FIELDS } from './schema';

/** The Person column and the text column that hold one owner. */
export interface IAssigneeColumns {
  person: string;
  text: string;
}

/** The Actions list's columns for each owner. */
export const OWNER_COLUMNS: Readonly<Record<OwnerField, IAssigneeColumns>> = {
  strategicLead: { person: ACTION_FIELDS.strategicLead, text: ACTION_FIELDS.strategicLeadText },
  responsibleOfficer: { person: ACTION_FIELDS.responsibleOfficer, text: ACTION_FIELDS.responsibleOfficerText }
};

/**
 * The fields an owner is written as: a person in `<Person>Id` (their site user id) with
 * the text cleared; a role (its title) or text in the text column with the person
 * cleared (null); no owner clears both.
 *
 * @throws PlanDataError for a person without a site user id (one found by the people search but not yet ensured)
 */
export function assigneeItem(columns: IAssigneeColumns, assignee: Assignee | undefined): ListItem {
  if (assignee?.kind === 'person') {
    if (assignee.person.id === undefined) throw new PlanDataError('unexpected', `assigneeItem: ${assignee.person.displayName} has no site user id (not ensured) for ${columns.person}`);
    return { [`${columns.person}Id`]: assignee.person.id, [columns.text]: '' };
  }
  const text = assignee?.kind === 'role' ? assignee.role : assignee?.kind === 'text' ? assignee.text : '';
  return { [`${columns.person}Id`]: null, [columns.text]: text };
}

/** The owner as it will read once written: text is read again, so a placeholder ("TBC", "... to confirm") is known as one. */
export function assigneeAsWritten(assignee: Assignee | undefined): Assignee | undefined {
  return assignee?.kind === 'text' ? readAssignee(undefined, assignee.text, new Set()) : assignee;
}
