/**
 * Editing an action's own fields (not its status, which moves through progress
 * updates): the form's values, their validation, and the three-way merge offered
 * when someone else saved the same action first.
 */
import { Assignee, IAction, IPerson, splitTags } from './plan';
import { IPlanDate, PlanDateReason, parsePlanDate } from './planDates';

/** The fields edited as text, as the person types them. */
export type TextField = 'text' | 'theme' | 'revisedDue' | 'revisedDueReason' | 'desiredImpact' | 'howWeWillKnow' | 'resources' | 'tags';
/** The fields that name who is responsible. */
export type OwnerField = 'strategicLead' | 'responsibleOfficer';
export const OWNER_FIELDS: readonly OwnerField[] = ['strategicLead', 'responsibleOfficer'];

/** The fields an editor may change, in the order the form shows them. */
export const EDITABLE_FIELDS = ['text', 'theme', 'strategicLead', 'responsibleOfficer', 'revisedDue', 'revisedDueReason', 'desiredImpact', 'howWeWillKnow', 'resources', 'tags'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/**
 * An owner as the form holds it: a person (none yet while being chosen), a role of the
 * plan's glossary (empty while being chosen), or text as written: a placeholder such as
 * "ND Workstream to confirm", or "" for no one.
 */
export type OwnerValue =
  | {
      kind: 'person';
      person?: IPerson;
      /** For a person found by the people search, their claims login: they get a site user id when the edit is saved. */
      loginName?: string;
    }
  | { kind: 'role'; role: string }
  | { kind: 'text'; text: string };

/** The form's values: text as the person types it (a revised date as written, tags comma-separated), and the two owners. */
export type ActionEditValues = Record<TextField, string> & Record<OwnerField, OwnerValue>;

export type EditProblem =
  | { field: 'text'; problem: 'required' }
  | { field: 'revisedDue'; problem: 'notADate'; reason: PlanDateReason }
  | { field: 'revisedDueReason'; problem: 'reasonRequired' }
  | { field: OwnerField; problem: 'personRequired' | 'roleRequired' };

/** Whether a field names an owner (its value is an `OwnerValue`, not text). */
export function isOwnerField(field: EditableField): field is OwnerField {
  return field === 'strategicLead' || field === 'responsibleOfficer';
}

/** How the form holds an action's owner: no owner is empty text. */
export function ownerValueOf(assignee: Assignee | undefined): OwnerValue {
  if (!assignee) return { kind: 'text', text: '' };
  if (assignee.kind === 'person') return { kind: 'person', person: assignee.person };
  if (assignee.kind === 'role') return { kind: 'role', role: assignee.role };
  return { kind: 'text', text: assignee.text };
}

/** An owner compared across versions: the same person (by site user id, else e-mail, else name), role or text. */
function ownerKey(owner: OwnerValue): string {
  if (owner.kind === 'person') return `person:${owner.person?.id ?? owner.person?.email?.toLowerCase() ?? owner.person?.displayName ?? ''}`;
  if (owner.kind === 'role') return `role:${owner.role.trim()}`;
  return `text:${owner.text.trim()}`;
}

/** The values an action's edit form starts from. */
export function editValuesOf(action: IAction): ActionEditValues {
  return {
    text: action.text,
    theme: action.theme ?? '',
    strategicLead: ownerValueOf(action.strategicLead),
    responsibleOfficer: ownerValueOf(action.responsibleOfficer),
    revisedDue: action.revisedDue?.text ?? '',
    revisedDueReason: action.revisedDueReason ?? '',
    desiredImpact: action.desiredImpact ?? '',
    howWeWillKnow: action.howWeWillKnow ?? '',
    resources: action.resources ?? '',
    tags: action.tags.join(', ')
  };
}

/** Date kinds that can stand as a revised due date: a deadline someone can be held to. */
const DATED_KINDS: ReadonlySet<IPlanDate['kind']> = new Set(['date', 'month', 'tbc']);

/**
 * What stops the values being saved: the action needs its text; a revised due date
 * must read as a date (or TBC), and moving a date needs a reason.
 */
export function validateEdit(values: ActionEditValues): EditProblem[] {
  const problems: EditProblem[] = [];
  if (!values.text.trim()) problems.push({ field: 'text', problem: 'required' });
  for (const field of OWNER_FIELDS) {
    const owner = values[field];
    if (owner.kind === 'person' && !owner.person) problems.push({ field, problem: 'personRequired' });
    if (owner.kind === 'role' && !owner.role.trim()) problems.push({ field, problem: 'roleRequired' });
  }
  const revised = values.revisedDue.trim();
  if (revised) {
    const parsed = parsePlanDate(revised);
    if (!DATED_KINDS.has(parsed.kind)) problems.push({ field: 'revisedDue', problem: 'notADate', reason: parsed.reason ?? { code: 'unreadable' } });
    if (!values.revisedDueReason.trim()) problems.push({ field: 'revisedDueReason', problem: 'reasonRequired' });
  }
  return problems;
}

/** Whether a field holds the same in two versions (text ignoring surrounding spaces; an owner as `ownerKey` reads it). */
function same(a: ActionEditValues, b: ActionEditValues, field: EditableField): boolean {
  if (isOwnerField(field)) return ownerKey(a[field]) === ownerKey(b[field]);
  return a[field].trim() === b[field].trim();
}

/** The values with one field taken from another version. */
export function withFieldFrom(values: ActionEditValues, field: EditableField, from: ActionEditValues): ActionEditValues {
  return { ...values, [field]: from[field] };
}

/** The fields whose values differ between two versions. */
export function differingFields(a: ActionEditValues, b: ActionEditValues): EditableField[] {
  return EDITABLE_FIELDS.filter((field) => !same(a, b, field));
}

export interface IMergeResult {
  merged: ActionEditValues;
  /** Fields both people changed to different values: the person must choose. */
  conflicts: EditableField[];
}

/**
 * Three-way merge of an edit against what someone else saved meanwhile: each field
 * takes whichever side changed it from the version both started from; a field both
 * changed differently keeps "mine" in `merged` and is listed as a conflict.
 */
export function mergeEdits(base: ActionEditValues, mine: ActionEditValues, theirs: ActionEditValues): IMergeResult {
  let merged = { ...theirs };
  const conflicts: EditableField[] = [];
  for (const field of EDITABLE_FIELDS) {
    const iChanged = !same(mine, base, field);
    const theyChanged = !same(theirs, base, field);
    if (iChanged) merged = withFieldFrom(merged, field, mine);
    if (iChanged && theyChanged && !same(mine, theirs, field)) conflicts.push(field);
  }
  return { merged, conflicts };
}

/**
 * The owner as the edit leaves it: unchanged, the action's own (with all it knows);
 * changed, the person, role or text chosen ("" is no one). Text is not yet known to be a
 * placeholder: the store decides that as it reads the column.
 */
function ownerAfter(current: Assignee | undefined, owner: OwnerValue): Assignee | undefined {
  if (ownerKey(owner) === ownerKey(ownerValueOf(current))) return current;
  if (owner.kind === 'person') return owner.person ? { kind: 'person', person: owner.person } : undefined;
  if (owner.kind === 'role') return owner.role.trim() ? { kind: 'role', role: owner.role.trim() } : undefined;
  return owner.text.trim() ? { kind: 'text', text: owner.text.trim(), pending: false } : undefined;
}

/** The owner fields whose owner the edit changes, for the store to write only those. */
export function changedOwners(action: IAction, values: ActionEditValues): OwnerField[] {
  return OWNER_FIELDS.filter((field) => ownerKey(values[field]) !== ownerKey(ownerValueOf(action[field])));
}

/** The action as it reads after the edit (the original due date is never touched). */
export function applyEdit(action: IAction, values: ActionEditValues): IAction {
  const optional = (value: string): string | undefined => value.trim() || undefined;
  const revised = values.revisedDue.trim();
  return {
    ...action,
    text: values.text.trim(),
    theme: optional(values.theme),
    strategicLead: ownerAfter(action.strategicLead, values.strategicLead),
    responsibleOfficer: ownerAfter(action.responsibleOfficer, values.responsibleOfficer),
    revisedDue: revised ? parsePlanDate(revised) : undefined,
    revisedDueReason: revised ? optional(values.revisedDueReason) : undefined,
    desiredImpact: optional(values.desiredImpact),
    howWeWillKnow: optional(values.howWeWillKnow),
    resources: optional(values.resources),
    tags: splitTags(values.tags)
  };
}
