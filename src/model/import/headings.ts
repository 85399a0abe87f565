/**
 * The rows of a plan that are not actions: headings naming a priority area (whatever the
 * plan calls it: priority, key concern, area of concern, recommendation, workstream), an
 * outcome, or a theme line for the rows under them; and how a name splits into the
 * number the plan gives it and its title.
 */

/**
 * A heading naming a priority area by its word, with its number when written. (Each
 * pattern spells the words out: the linter rightly refuses patterns built at run time.)
 */
export const PRIORITY_HEADING = /^(?:(?:priority(?:\s+area)?|area\s+of\s+(?:concern|weakness)|area\s+for\s+improvement|key\s+concern|recommendation|workstream|improvement\s+area)\b|area\s+(?=\d))\s*(\d+)?/i;
/** A heading naming an outcome by its word. */
export const OUTCOME_HEADING = /^(?:outcome|objective|aim)\b\s*(\d+(?:\.\d+)*)?/i;
const NUMBERED_HEADING = /^(\d+(?:\.\d+)*)\s*[.:)\-–]?\s+\S/;
/** A name's leading words and number ("Key concern 2 -", "3.2", "Outcome 1:"), the number captured. */
const NAME_PREFIX = /^(?:(?:priority(?:\s+area)?|area\s+of\s+(?:concern|weakness)|area\s+for\s+improvement|key\s+concern|recommendation|workstream|improvement\s+area|area|outcome|objective|aim)\b)?\s*(\d+(?:\.\d+)*)?\s*[:.\-–)]?\s*/i;

/** A priority or outcome name as its number ("3", "3.2") and title ("THE VARIATION ..."); either may be missing. */
export function splitName(name: string): { number?: string; title: string } {
  const text = name.trim();
  const match = NAME_PREFIX.exec(text);
  const number = match?.[1];
  const title = text.slice(match ? match[0].length : 0).trim();
  // A name that is only words keeps them all as its title.
  return { number, title: title || (number === undefined ? text : '') };
}

/** Whether a lone cell names a priority or an outcome by its word. */
export function namesPriorityOrOutcome(text: string): boolean {
  return PRIORITY_HEADING.test(text) || OUTCOME_HEADING.test(text);
}

/** What a row with no action is: a heading naming a priority, an outcome or a theme for the rows under it. */
export function headingKind(text: string): 'priority' | 'outcome' | 'theme' {
  if (OUTCOME_HEADING.test(text)) return 'outcome';
  if (PRIORITY_HEADING.test(text)) return 'priority';
  const numbered = NUMBERED_HEADING.exec(text);
  if (numbered) return numbered[1].indexOf('.') >= 0 ? 'outcome' : 'priority';
  return 'theme';
}

/** An outcome's number in full, as refs carry it: outcome "2" of priority 3 is 3.2. */
export function outcomeBase(priority: string, outcome: string): string {
  return outcome.indexOf('.') >= 0 ? outcome : `${priority}.${outcome}`;
}
