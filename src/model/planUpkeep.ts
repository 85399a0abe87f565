/**
 * Keeping a plan up to date between boards: what a plan officer types to add or rename a
 * priority or an outcome, add an action, retire one or start a new plan, and what is wrong
 * with it, as codes the panel words. A ref is unique in its plan, retired actions
 * included (their logs keep it).
 */

/** SharePoint keeps at most this many characters in a single line of text (numbers, refs, titles). */
export const SINGLE_LINE_LIMIT = 255;

/** A priority's or an outcome's number and title, as the plan writes them ("3", "ND pathways"). */
export interface INumberedDraft {
  number: string;
  title: string;
}

/** A new action as typed: its ref, wording, and due date as written ("Sep-24", "TBC"). */
export interface INewActionDraft {
  ref: string;
  text: string;
  due: string;
}

/** A new, empty plan. */
export interface INewPlanDraft {
  name: string;
  localArea: string;
}

/** The field a problem is about. */
export type UpkeepField = 'number' | 'title' | 'ref' | 'text' | 'due' | 'reason' | 'name' | 'localArea' | 'outcome';

/** What is wrong with a draft, by field. */
export type UpkeepProblem =
  | { field: UpkeepField; code: 'required' }
  | { field: UpkeepField; code: 'tooLong'; limit: number }
  | { field: 'number'; code: 'numberTaken'; number: string }
  | { field: 'ref'; code: 'refTaken'; ref: string };

/** A ref or number as compared for uniqueness: "3.1.1 " and "3.1.1" are the same, as are "a" and "A". */
export function sameKey(left: string, right: string): boolean {
  return left.trim().toLowerCase() === right.trim().toLowerCase();
}

function required(field: UpkeepField, value: string, limit?: number): UpkeepProblem[] {
  if (!value.trim()) return [{ field, code: 'required' }];
  if (limit !== undefined && value.trim().length > limit) return [{ field, code: 'tooLong', limit }];
  return [];
}

/**
 * Problems with a priority's or an outcome's number and title: both needed, each one line,
 * and the number not already used by a sibling (another priority of the plan, another
 * outcome of the priority); `selfId` is the item being renamed.
 */
export function validateNumbered(draft: INumberedDraft, siblings: ReadonlyArray<{ id: number; number: string }>, selfId?: number): UpkeepProblem[] {
  const problems = [...required('number', draft.number, SINGLE_LINE_LIMIT), ...required('title', draft.title, SINGLE_LINE_LIMIT)];
  const taken = draft.number.trim() !== '' && siblings.some((sibling) => sibling.id !== selfId && sameKey(sibling.number, draft.number));
  return taken ? [{ field: 'number', code: 'numberTaken', number: draft.number.trim() }, ...problems] : problems;
}

/**
 * The number a new outcome of a priority is offered: the next in the style its outcomes
 * have ("3.3" after "3.1" and "3.2"; "3" after "1" and "2"), "<priority>.1" for the first.
 */
export function nextOutcomeNumber(priorityNumber: string, outcomes: ReadonlyArray<{ number: string }>): string {
  const prefix = `${priorityNumber.trim()}.`;
  const next = outcomes.length + 1;
  return outcomes.every((outcome) => outcome.number.trim().startsWith(prefix)) ? `${prefix}${next}` : String(next);
}

/** Problems with a new action: a ref not used in the plan (retired actions included) and its wording; the due date is kept as written. */
export function validateNewAction(draft: INewActionDraft, planRefs: readonly string[]): UpkeepProblem[] {
  const problems = [...required('ref', draft.ref, SINGLE_LINE_LIMIT), ...required('text', draft.text)];
  const taken = draft.ref.trim() !== '' && planRefs.some((ref) => sameKey(ref, draft.ref));
  return taken ? [{ field: 'ref', code: 'refTaken', ref: draft.ref.trim() }, ...problems] : problems;
}

/** Problems with a retirement: it needs its reason, which stays with the action. */
export function validateRetirement(reason: string): UpkeepProblem[] {
  return required('reason', reason);
}

/** Problems with a new plan: its name and local area. */
export function validateNewPlan(draft: INewPlanDraft): UpkeepProblem[] {
  return [...required('name', draft.name, SINGLE_LINE_LIMIT), ...required('localArea', draft.localArea, SINGLE_LINE_LIMIT)];
}
