/**
 * The choices the import screen offers and how it words them: what a column can be
 * read as, how sure a suggestion is, the status key the
 * officer confirms, the mapping remembered per plan, and a file that cannot be read.
 */
import * as strings from 'ImprovementPlanWebPartStrings';
import { SpreadsheetFileError } from '../../formats/spreadsheetFile';
import { ColumnTarget, IColumnMapping, ImportField } from '../../model/import/mapping';
import { ISchemeProposal } from '../../model/import/schemeInference';
import { CANONICAL_STATUSES, CanonicalStatus, IStatusScheme, labelWithMeaning } from '../../model/statusSchemes';
import { errorMessage, formatDate, formatString } from '../format';
import { problemText } from '../problemText';
import { statusDescription } from '../schemeText';

/** The fields a column can be read as, in the order the plan officer meets them. */
export const IMPORT_FIELDS: readonly ImportField[] = [
  'ref',
  'action',
  'priority',
  'outcome',
  'theme',
  'strategicLead',
  'responsibleOfficer',
  'deliveryPartners',
  'resources',
  'start',
  'due',
  'revisedDue',
  'revisedDueReason',
  'status',
  'desiredImpact',
  'howWeWillKnow',
  'progress',
  'evidence',
  'tags'
];

/** A field's name as the officer reads it. */
export function fieldLabel(field: ImportField): string {
  return (strings as unknown as Record<string, string>)[`ImportField_${field}`] ?? field;
}

/** A status meaning in words. */
export function meaningLabel(meaning: CanonicalStatus): string {
  return (strings as unknown as Record<string, string>)[`ImportMeaning_${meaning}`] ?? meaning;
}

/** The six meanings, for a dropdown. */
export const MEANING_OPTIONS: ReadonlyArray<{ key: CanonicalStatus; text: string }> = CANONICAL_STATUSES.map((meaning) => ({ key: meaning, text: meaningLabel(meaning) }));

/** One key per choice in the "Read as" dropdown. */
export function targetKey(target: ColumnTarget): string {
  switch (target.kind) {
    case 'field':
      return target.field;
    case 'statusAt':
      return `statusAt:${target.date}`;
    case 'progressAt':
      return `progressAt:${target.date}`;
    case 'tag':
      return `tag:${target.tag}`;
    default:
      return 'ignore';
  }
}

/** What a column is read as, in words. */
export function targetText(target: ColumnTarget, culture: string): string {
  switch (target.kind) {
    case 'field':
      return fieldLabel(target.field);
    case 'statusAt':
      return formatString(strings.ImportStatusAt, formatDate(target.date, target.date, culture));
    case 'progressAt':
      return formatString(strings.ImportProgressAt, formatDate(target.date, target.date, culture));
    case 'tag':
      return formatString(strings.ImportTag, target.tag);
    default:
      return strings.ImportIgnore;
  }
}

/**
 * The choices for one column: leave out, the dated or tag reading its header suggested
 * (so the officer can return to it), then every field.
 */
export function readAsChoices(suggested: ColumnTarget, current: ColumnTarget): ColumnTarget[] {
  const choices: ColumnTarget[] = [{ kind: 'ignore' }];
  for (const target of [suggested, current]) {
    if (target.kind !== 'field' && target.kind !== 'ignore' && !choices.some((choice) => targetKey(choice) === targetKey(target))) choices.push(target);
  }
  return choices.concat(IMPORT_FIELDS.map((field): ColumnTarget => ({ kind: 'field', field })));
}

/** The target a dropdown key stands for among a column's choices. */
export function targetForKey(choices: readonly ColumnTarget[], key: string): ColumnTarget {
  return choices.find((choice) => targetKey(choice) === key) ?? { kind: 'ignore' };
}

/** How sure a suggestion is, in words: sure from 0.8, likely from 0.5, a guess below; nothing suggested is "not recognised". */
export function confidenceText(confidence: number, target: ColumnTarget, chosen: boolean): string {
  if (chosen) return strings.ImportConfidenceChosen;
  if (target.kind === 'ignore' && confidence < 0.5) return strings.ImportConfidenceNone;
  if (confidence >= 0.8) return strings.ImportConfidenceSure;
  if (confidence >= 0.5) return strings.ImportConfidenceLikely;
  return strings.ImportConfidenceGuess;
}

/**
 * The status key as the officer confirmed it: the proposal's own scheme when no meaning
 * was changed, else a custom scheme in which each changed label takes its new meaning
 * (and the look of that meaning).
 */
export function confirmedScheme(proposal: ISchemeProposal, meanings: Readonly<Record<string, CanonicalStatus>>): IStatusScheme {
  const changed = (key: string, meaning: CanonicalStatus): boolean => meanings[key] !== undefined && meanings[key] !== meaning;
  if (!proposal.scheme.labels.some((label) => changed(label.key, label.meaning))) return proposal.scheme;
  return {
    id: 'custom',
    name: proposal.scheme.name,
    // A preset's explanations live in loc: a custom copy keeps them in words on each unchanged label.
    labels: proposal.scheme.labels.map((label) => (changed(label.key, label.meaning) ? labelWithMeaning(label.key, meanings[label.key], label.aliases) : { ...label, description: statusDescription(proposal.scheme, label) }))
  };
}

/** The mapping the plan officer used last time for a plan, kept in the browser. */
function savedMappingKey(planId: number): string {
  return `send-plan-import-mapping-${planId}`;
}

function isMapping(entry: unknown): entry is IColumnMapping {
  const candidate = entry as Partial<IColumnMapping> | undefined;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.column === 'number' && typeof candidate.header === 'string' && typeof candidate.target === 'object' && candidate.target !== null && typeof candidate.target.kind === 'string';
}

/** The mapping saved for a plan; none when storage is blocked, empty or holds something else. */
export function readSavedMapping(planId: number | undefined): IColumnMapping[] {
  if (planId === undefined) return [];
  try {
    const saved: unknown = JSON.parse(window.localStorage.getItem(savedMappingKey(planId)) ?? '[]');
    return Array.isArray(saved) ? saved.filter(isMapping) : [];
  } catch {
    return [];
  }
}

/** Remembers a plan's mapping; a blocked or full storage only means it is suggested afresh next time. */
export function saveMapping(planId: number, mapping: readonly IColumnMapping[]): void {
  try {
    window.localStorage.setItem(savedMappingKey(planId), JSON.stringify(mapping.map(({ column, header, target }) => ({ column, header, target }))));
  } catch {
    // Nothing to do: remembering the mapping is a convenience.
  }
}

/** A file that could not be read, in words: the reader's code through the loc strings, never a stack trace. */
export function fileErrorText(error: unknown): string {
  if (error instanceof SpreadsheetFileError) return problemText({ row: error.row ?? 0, code: error.code, params: error.params, severity: 'error' }, strings as unknown as Record<string, unknown>, 'FileError_');
  return errorMessage(error);
}
