/**
 * The roles glossary: which role an owner names, who that reaches now (its holder, or
 * its deputy), placeholders that reach nobody yet, and what a change to an entry means.
 */
import { IsoDate } from './isoDate';
import { Assignee, IPerson, IRole } from './plan';

/**
 * Cyrillic letters that look like Latin ones, as they reach a plan from a keyboard left
 * on another layout ("ТВС" for "TBC"). Each maps to the Latin letter it looks like.
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's'
};

/**
 * A name folded so that the ways one name gets typed compare equal: case, spacing,
 * Cyrillic lookalikes and stray punctuation at either end ("TBC", "твс", "tbc ", "T.B.C.").
 */
export function foldName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[а-яёіјѕ]/g, (letter) => LOOKALIKES[letter] ?? letter)
    .replace(/(\w)\.(?=\w)/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:!?*_-]+|[\s.,;:!?*_-]+$/g, '');
}

/** Placeholders plans write where a name will go: "TBC", "TBA", "to confirm", "to be confirmed", or nothing. */
const PLACEHOLDER = /^(?:tbc|tba|tbd|n\/?a|unknown|not known|to be (?:confirmed|agreed|named))?$|\bto (?:be )?confirm(?:ed)?\b/;

/** Whether the text is a placeholder for a name not yet given ("TBC", "ND Workstream to confirm"), however typed. */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(foldName(text));
}

/** The glossary's role of that title or abbreviation, however capitalised or spaced. */
export function findRole(roles: readonly IRole[], name: string): IRole | undefined {
  const wanted = foldName(name);
  if (!wanted) return undefined;
  return roles.find((role) => foldName(role.title) === wanted) ?? roles.find((role) => role.abbreviation !== undefined && foldName(role.abbreviation) === wanted);
}

/** The glossary role an owner names: a role, or text that is a role's title or abbreviation ("DCO"). */
export function roleOf(assignee: Assignee | undefined, roles: readonly IRole[]): IRole | undefined {
  if (!assignee || assignee.kind === 'person') return undefined;
  return findRole(roles, assignee.kind === 'role' ? assignee.role : assignee.text);
}

/** Who an owner reaches now: the person named; for a role, its holder and its deputy (either may be missing). */
export function peopleReached(assignee: Assignee | undefined, roles: readonly IRole[]): IPerson[] {
  if (!assignee) return [];
  if (assignee.kind === 'person') return [assignee.person];
  const role = roleOf(assignee, roles);
  return role ? [role.holder, role.deputy].filter((person): person is IPerson => person !== undefined) : [];
}

/** Whether two people are the same: by site user id when both have one, else by e-mail, else by name. */
export function samePerson(left: IPerson | undefined, right: IPerson | undefined): boolean {
  if (!left || !right) return left === right;
  if (left.id !== undefined && right.id !== undefined) return left.id === right.id;
  if (left.email && right.email) return left.email.toLowerCase() === right.email.toLowerCase();
  return foldName(left.displayName) === foldName(right.displayName);
}

/** A glossary entry as a plan officer edits it. */
export interface IRoleEdit {
  title: string;
  abbreviation?: string;
  holder?: IPerson;
  deputy?: IPerson;
}

/** Why a glossary entry cannot be saved. */
export type RoleEditProblem = 'titleRequired' | 'titleTaken' | 'deputyIsHolder';

/** What stops the entry being saved; empty when nothing does. `others` are the glossary's other roles: no two roles answer to one name. */
export function roleEditProblems(edit: IRoleEdit, others: readonly IRole[]): RoleEditProblem[] {
  const problems: RoleEditProblem[] = [];
  const title = foldName(edit.title);
  // A title or abbreviation another role already answers to would make an owner's name ambiguous.
  const taken = new Set(others.reduce<string[]>((names, role) => names.concat([role.title, role.abbreviation ?? ''].map(foldName)), []).filter((name) => name !== ''));
  if (!title) problems.push('titleRequired');
  else if (taken.has(title) || taken.has(foldName(edit.abbreviation ?? ''))) problems.push('titleTaken');
  if (edit.holder && edit.deputy && samePerson(edit.holder, edit.deputy)) problems.push('deputyIsHolder');
  return problems;
}

/**
 * The entry after a plan officer's edit on `today`: a new holder holds it from today
 * (the same holder keeps their date), and saving confirms the entry as at today.
 */
export function roleAfterEdit<T extends IRole>(role: T, edit: IRoleEdit, today: IsoDate): T {
  const newHolder = !samePerson(role.holder, edit.holder);
  return {
    ...role,
    title: edit.title.trim(),
    abbreviation: edit.abbreviation?.trim() || undefined,
    holder: edit.holder,
    holderSince: edit.holder ? (newHolder ? today : role.holderSince) : undefined,
    deputy: edit.deputy,
    reviewed: today
  };
}
