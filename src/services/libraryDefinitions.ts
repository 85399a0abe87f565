/** The document libraries the product keeps files in, set up with the plan's lists. */
import { IColumnDefinition } from './listDefinitions';

/** Library titles, as created on the site. */
export const LIBRARY_TITLES = {
  boardPacks: 'SEND Board Packs',
  evidence: 'SEND Evidence'
} as const;

/** The evidence library's own columns: which plan, action and update a file came with. */
export const EVIDENCE_FIELDS = {
  /** The plan's item id, a plain number (indexed: a plan's files are found by it). */
  planId: 'PlanItemId',
  /** The action's item id, a plain number (indexed), as the log's ActionItemId. */
  actionId: 'ActionItemId',
  /** The progress-log entry's key (the log's UpdateKey). */
  updateKey: 'UpdateKey',
  /** The library's built-in Title: the file's name as the person chose it. */
  title: 'Title'
} as const;

/** A document library the product needs: versioned, so a file saved over keeps its first version. */
export interface ILibraryDefinition {
  title: string;
  description: string;
  /** Columns beyond the library's own (Name, Title, Modified...). */
  columns: IColumnDefinition[];
}

export const LIBRARY_DEFINITIONS: readonly ILibraryDefinition[] = [
  {
    title: LIBRARY_TITLES.boardPacks,
    description: 'Board packs frozen at each board date: the highlight report and narrative as the board saw them. Files here are added once and never changed by the web part.',
    columns: []
  },
  {
    title: LIBRARY_TITLES.evidence,
    description: 'Evidence files uploaded with progress updates, one folder per plan (plan-<id>). Each file names its plan, action and update.',
    columns: [
      { name: EVIDENCE_FIELDS.planId, title: 'Plan id', type: 'Number', indexed: true },
      { name: EVIDENCE_FIELDS.actionId, title: 'Action id', type: 'Number', indexed: true },
      { name: EVIDENCE_FIELDS.updateKey, title: 'Update key', type: 'Text', description: 'The key of the progress update the file was uploaded with (the log\'s Update key).' }
    ]
  }
];
