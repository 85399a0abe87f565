/** The document libraries the product keeps files in, set up with the plan's lists. */

/** Library titles, as created on the site. */
export const LIBRARY_TITLES = {
  boardPacks: 'SEND Board Packs'
} as const;

/** A document library the product needs: versioned, so a file saved over keeps its first version. */
export interface ILibraryDefinition {
  title: string;
  description: string;
}

export const LIBRARY_DEFINITIONS: readonly ILibraryDefinition[] = [
  {
    title: LIBRARY_TITLES.boardPacks,
    description: 'Board packs frozen at each board date: the highlight report and narrative as the board saw them. Files here are added once and never changed by the web part.'
  }
];
