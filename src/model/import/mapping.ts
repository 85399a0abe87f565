/**
 * Which column holds what: suggested from the headers councils actually use, edited by
 * the plan officer, and saved for the next import.
 */
import { IsoDate } from '../isoDate';
import { parsePlanDate } from '../planDates';

export type ImportField =
  | 'ref'
  | 'action'
  | 'strategicLead'
  | 'responsibleOfficer'
  | 'deliveryPartners'
  | 'resources'
  | 'due'
  | 'start'
  | 'desiredImpact'
  | 'howWeWillKnow'
  | 'progress'
  | 'evidence'
  | 'status'
  | 'tags'
  | 'priority'
  | 'outcome'
  | 'theme';

/** What one column becomes. */
export type ColumnTarget =
  | { kind: 'field'; field: ImportField }
  /** A status column headed by a date ("Dec-19"): status history at that date. */
  | { kind: 'statusAt'; date: IsoDate }
  /** A column headed by a tag ("SEF"): a mark in it tags the action. */
  | { kind: 'tag'; tag: string }
  | { kind: 'ignore' };

export interface IColumnMapping {
  /** 0-based column index. */
  column: number;
  header: string;
  target: ColumnTarget;
}

/** Header words people use for each field, compared ignoring case, spacing and punctuation. */
const HEADERS: ReadonlyArray<[ImportField, string[]]> = [
  ['ref', ['ref', 'reference', 'ref no', 'action ref', 'no']],
  ['action', ['action', 'actions', 'actions designed to lead to improvement', 'what we will do', 'actions activity', 'activity', 'action description']],
  ['strategicLead', ['strategic lead', 'lead', 'lead officer', 'senior lead']],
  ['responsibleOfficer', ['responsible officer', 'responsible', 'action owner', 'owner', 'officer']],
  ['deliveryPartners', ['delivery partners', 'partners', 'delivery partner']],
  ['resources', ['resources', 'resource', 'resources cost and or time', 'cost']],
  ['due', ['by when', 'due date', 'completion date', 'due', 'deadline', 'target date', 'timescale', 'end date']],
  ['start', ['start date', 'start']],
  ['desiredImpact', ['desired impact', 'intended outcomes', 'intended outcome', 'impact', 'outcome sought']],
  ['howWeWillKnow', ['how will we know', 'how we will know', 'impact measures', 'success measures', 'outcome progress measures', 'measures']],
  ['progress', ['progress update', 'progress updates', 'update', 'updates', 'commentary', 'progress to date']],
  ['evidence', ['evidence', 'evidence links', 'evidence of impact']],
  ['status', ['rag', 'status', 'progress', 'rag rating', 'rag status', 'progress rating', 'rating']],
  ['tags', ['tags', 'tag', 'links to']],
  ['priority', ['priority', 'priority area', 'area of concern', 'key concern', 'key concern workstreams', 'workstream', 'area for improvement']],
  ['outcome', ['outcome', 'outcomes', 'objective']],
  ['theme', ['theme', 'themes']]
];

/** Longer headers recognised by what they contain ("Progress against actions/impact & RAG rating Nov 20"), checked in this order. */
const CONTAINS: ReadonlyArray<[ImportField, RegExp]> = [
  ['progress', /\bprogress (?:against|update|to date)/],
  ['howWeWillKnow', /\bhow (?:will we|we will) know\b/],
  ['status', /\brag\b/]
];

/** Tags plans mark in their own columns. */
const TAG_HEADERS = /^(SEF|DBV|AFI\s*\d*|WSOA|APP)$/i;

export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The target a header suggests; unknown headers are ignored until the officer says otherwise. */
export function suggestTarget(header: string): ColumnTarget {
  const normal = normaliseHeader(header);
  for (const [field, names] of HEADERS) {
    if (names.indexOf(normal) >= 0) return { kind: 'field', field };
  }
  for (const [field, pattern] of CONTAINS) {
    if (pattern.test(normal)) return { kind: 'field', field };
  }
  if (TAG_HEADERS.test(header.trim())) return { kind: 'tag', tag: header.trim().toUpperCase().replace(/\s+/g, '') };
  const asDate = parsePlanDate(header);
  if ((asDate.kind === 'date' || asDate.kind === 'month') && asDate.date && !asDate.tentative && /\d/.test(header)) return { kind: 'statusAt', date: asDate.date };
  return { kind: 'ignore' };
}

/**
 * A mapping for a header row. A saved mapping (from the last import) wins for the
 * headers it knows; a field is given to the first column that asks for it.
 */
export function suggestMapping(headers: readonly string[], saved: readonly IColumnMapping[] = []): IColumnMapping[] {
  const taken = new Set<ImportField>();
  return headers.map((header, column) => {
    const remembered = saved.find((entry) => normaliseHeader(entry.header) === normaliseHeader(header));
    let target = remembered ? remembered.target : suggestTarget(header);
    if (target.kind === 'field') {
      if (taken.has(target.field)) target = { kind: 'ignore' };
      else taken.add(target.field);
    }
    return { column, header, target };
  });
}

/** Whether a row looks like the header row: at least two of its cells name known fields. */
export function looksLikeHeader(cells: readonly string[]): boolean {
  return cells.filter((cell) => suggestTarget(cell).kind === 'field').length >= 2;
}

/** "C" for column index 2, "AA" for 26: how the person finds the column in their spreadsheet. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
