/**
 * Editing an action's own fields (not its status, which moves through progress
 * updates): the form's values, their validation, and the three-way merge offered
 * when someone else saved the same action first.
 */
import { IAction, splitTags } from './plan';
import { IPlanDate, parsePlanDate } from './planDates';

/** The fields an editor may change, in the order the form shows them. */
export const EDITABLE_FIELDS = ['text', 'theme', 'revisedDue', 'revisedDueReason', 'desiredImpact', 'howWeWillKnow', 'resources', 'tags'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** The form's values: text as the person types it (a revised date as written, tags comma-separated). */
export type ActionEditValues = Record<EditableField, string>;

export type EditProblem =
  | { field: 'text'; problem: 'required' }
  | { field: 'revisedDue'; problem: 'notADate'; reason: string }
  | { field: 'revisedDueReason'; problem: 'reasonRequired' };

/** The values an action's edit form starts from. */
export function editValuesOf(action: IAction): ActionEditValues {
  return {
    text: action.text,
    theme: action.theme ?? '',
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
  const revised = values.revisedDue.trim();
  if (revised) {
    const parsed = parsePlanDate(revised);
    if (!DATED_KINDS.has(parsed.kind)) problems.push({ field: 'revisedDue', problem: 'notADate', reason: parsed.reason ?? '' });
    if (!values.revisedDueReason.trim()) problems.push({ field: 'revisedDueReason', problem: 'reasonRequired' });
  }
  return problems;
}

function same(a: string, b: string): boolean {
  return a.trim() === b.trim();
}

/** The fields whose values differ between two versions. */
export function differingFields(a: ActionEditValues, b: ActionEditValues): EditableField[] {
  return EDITABLE_FIELDS.filter((field) => !same(a[field], b[field]));
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
  const merged = { ...theirs };
  const conflicts: EditableField[] = [];
  for (const field of EDITABLE_FIELDS) {
    const iChanged = !same(mine[field], base[field]);
    const theyChanged = !same(theirs[field], base[field]);
    if (iChanged) merged[field] = mine[field];
    if (iChanged && theyChanged && !same(mine[field], theirs[field])) conflicts.push(field);
  }
  return { merged, conflicts };
}

/** The action as it reads after the edit (the original due date is never touched). */
export function applyEdit(action: IAction, values: ActionEditValues): IAction {
  const optional = (value: string): string | undefined => value.trim() || undefined;
  const revised = values.revisedDue.trim();
  return {
    ...action,
    text: values.text.trim(),
    theme: optional(values.theme),
    revisedDue: revised ? parsePlanDate(revised) : undefined,
    revisedDueReason: revised ? optional(values.revisedDueReason) : undefined,
    desiredImpact: optional(values.desiredImpact),
    howWeWillKnow: optional(values.howWeWillKnow),
    resources: optional(values.resources),
    tags: splitTags(values.tags)
  };
}
