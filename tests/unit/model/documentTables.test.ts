/**
 * Stitching a document's tables into the sheets the import reads (pure: paragraphs and
 * tables as text in, sheets out), and the status key a document prints.
 */
import { DocumentBlock, HEADING_COLUMN, stitchDocument, tableRowPlace } from '../../../src/model/import/documentTables';
import { planImport } from '../../../src/model/import/dryRun';
import { analyseSheet } from '../../../src/model/import/mapping';
import { inferScheme, readStatusKey, statusKeyEntries } from '../../../src/model/import/schemeInference';
import { BRAGG_SCHEME, RAGC_SCHEME } from '../../../src/model/statusSchemes';

const HEADER = ['Ref', 'Action', 'Responsible officer', 'RAG'];
const para = (text: string, heading: boolean = false): DocumentBlock => ({ kind: 'paragraph', text, heading });
const table = (...rows: string[][]): DocumentBlock => ({ kind: 'table', rows });

describe('stitchDocument', () => {
  it('makes one sheet of tables with the same header, dropping the header each repeats, each under the heading above it', () => {
    const { sheets } = stitchDocument([
      para('Northmoor SEND Written Statement of Action', true),
      para('Priority 1: Identification of need', true),
      table(HEADER, ['1.1', 'Screen every two-year-old', 'Health Visiting Lead', 'Green']),
      para('Priority 2: Waiting times', true),
      table(['ref', 'ACTION', 'Responsible  officer', 'RAG'], ['2.1', 'Cut the wait for an assessment', 'ND Lead', 'Amber']),
      table(HEADER, ['2.2', 'Publish the waiting list monthly', 'BI Manager', 'Red'])
    ]);
    expect(sheets).toHaveLength(1);
    expect(sheets[0].name).toBe('Tables 1-3');
    expect(sheets[0].rows).toEqual([
      ['Northmoor SEND Written Statement of Action', '', '', ''],
      HEADER,
      ['Priority 1: Identification of need', '', '', ''],
      ['1.1', 'Screen every two-year-old', 'Health Visiting Lead', 'Green'],
      ['Priority 2: Waiting times', '', '', ''],
      ['2.1', 'Cut the wait for an assessment', 'ND Lead', 'Amber'],
      ['2.2', 'Publish the waiting list monthly', 'BI Manager', 'Red']
    ]);
    expect(sheets[0].places).toEqual([undefined, { table: 1, row: 1 }, { table: 1, row: 0 }, { table: 1, row: 2 }, { table: 2, row: 0 }, { table: 2, row: 2 }, { table: 3, row: 2 }]);
    expect(tableRowPlace(sheets[0], 7)).toEqual({ table: 3, row: 2 });
  });

  it('goes on from the table before with a table that has no header and the same columns, under its own heading', () => {
    const { sheets } = stitchDocument([
      para('Priority 1: Identification of need', true),
      table(HEADER, ['1.1', 'Screen every two-year-old', 'Health Visiting Lead', 'Green']),
      para('Priority 2: Waiting times', true),
      table(['2.1', 'Cut the wait for an assessment', 'ND Lead', 'Amber'])
    ]);
    expect(sheets).toHaveLength(1);
    expect(sheets[0].rows.slice(-2)).toEqual([
      ['Priority 2: Waiting times', '', '', ''],
      ['2.1', 'Cut the wait for an assessment', 'ND Lead', 'Amber']
    ]);
    expect(sheets[0].places[sheets[0].places.length - 1]).toEqual({ table: 2, row: 1 });
  });

  it('gives rows a priority column when the headings name no priority by word or number, carried to the tables after until the next', () => {
    const { sheets } = stitchDocument([
      para('Plan title', true),
      para('ND pathways and waiting times', true),
      table(HEADER, ['Actions to help families wait well', '', '', ''], ['A1', 'Map the pathway', 'DCO', 'Green']),
      table(HEADER, ['A2', 'Publish the waiting list', 'BI Manager', 'Amber']),
      para('Speech and language', true),
      table(HEADER, ['B1', 'Publish the SLCN pathway', 'SALT Manager', 'Red'])
    ]);
    expect(sheets[0].rows).toEqual([
      ['Plan title', '', '', '', ''],
      [...HEADER, HEADING_COLUMN],
      // A lone cell is the table's own heading row: nothing beside it.
      ['Actions to help families wait well', '', '', '', ''],
      ['A1', 'Map the pathway', 'DCO', 'Green', 'ND pathways and waiting times'],
      ['A2', 'Publish the waiting list', 'BI Manager', 'Amber', 'ND pathways and waiting times'],
      ['B1', 'Publish the SLCN pathway', 'SALT Manager', 'Red', 'Speech and language']
    ]);
    const analysis = analyseSheet(sheets[0].rows);
    expect(analysis?.columns[4].target).toEqual({ kind: 'field', field: 'priority' });
    const plan = planImport(sheets[0].rows, analysis?.columns ?? [], analysis?.headerRow ?? 0, { target: { kind: 'new', name: 'Plan', localArea: '' }, scheme: RAGC_SCHEME, priorities: [], outcomes: [], actions: [] });
    expect(plan.newPriorities.map((priority) => priority.title)).toEqual(['ND pathways and waiting times', 'Speech and language']);
    expect(plan.actions.map((action) => [action.ref, action.priority])).toEqual([
      ['A1', '1'],
      ['A2', '1'],
      ['B1', '2']
    ]);
    expect(plan.actions[0].theme).toBe('Actions to help families wait well');
  });

  it('reads a title row above a table\'s header as its heading, and the document\'s title above the first priority as no heading', () => {
    const { sheets } = stitchDocument([
      para('Eastwick Accelerated Progress Plan', true),
      table(['Priority 3: ND pathways', '', '', ''], HEADER, ['3.1', 'Map the pathway', 'DCO', 'Green'])
    ]);
    expect(sheets[0].rows).toEqual([['Eastwick Accelerated Progress Plan', '', '', ''], HEADER, ['Priority 3: ND pathways', '', '', ''], ['3.1', 'Map the pathway', 'DCO', 'Green']]);
  });

  it('leaves out a glossary, headed or not, and a status key table, and keeps the key among the title rows', () => {
    const stitched = stitchDocument([
      para('Westbrook plan', true),
      table(HEADER, ['1.1', 'Map the pathway', 'DCO', 'Green']),
      table(['Status', 'Meaning'], ['Red', 'Off track'], ['Amber', 'At risk but being managed'], ['Green', 'On track']),
      table(['Abbreviation', 'Role'], ['Director of Children\'s Services', 'The DCS'], ['Head of SEND', 'HoS'], ['Principal EP', 'PEP']),
      table(['DCO', 'Designated Clinical Officer'], ['PCF', 'Parent Carer Forum'], ['SENCO', 'Special educational needs co-ordinator'])
    ]);
    expect(stitched.leftOut).toEqual([
      { table: 2, kind: 'statusKey' },
      { table: 3, kind: 'glossary' },
      { table: 4, kind: 'glossary' }
    ]);
    expect(stitched.glossaries[1]).toEqual({
      table: 4,
      entries: [
        { term: 'DCO', meaning: 'Designated Clinical Officer' },
        { term: 'PCF', meaning: 'Parent Carer Forum' },
        { term: 'SENCO', meaning: 'Special educational needs co-ordinator' }
      ]
    });
    expect(stitched.statusKey.map((entry) => [entry.label, entry.meaning])).toEqual([
      ['Red', 'offTrack'],
      ['Amber', 'atRisk'],
      ['Green', 'onTrack']
    ]);
    expect(stitched.sheets).toHaveLength(1);
    expect(stitched.sheets[0].rows.slice(0, 4).map((cells) => cells[0])).toEqual(['Westbrook plan', 'Red - Off track', 'Amber - At risk but being managed', 'Green - On track']);
  });

  it('keeps a table with no header that goes on from nothing as a sheet of its own, and a two-column table of prose in the plan', () => {
    const { sheets, leftOut } = stitchDocument([table(['Version', '1.2'], ['Date', 'March 2024'], ['Author', 'Plan Officer'])]);
    expect(leftOut).toEqual([]);
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Table 1']);
  });
});

describe('the status key a document prints', () => {
  it('reads a key one label a line, after a line introducing it, stopping at the prose after it', () => {
    expect(readStatusKey(['Northmoor plan', 'RAG key', 'Red - Delayed', 'Amber – Completion at risk', 'Green: on track', 'The plan has six priorities.'])).toEqual([
      { label: 'Red', meaning: 'offTrack', description: 'Delayed' },
      { label: 'Amber', meaning: 'atRisk', description: 'Completion at risk' },
      { label: 'Green', meaning: 'onTrack', description: 'on track' }
    ]);
  });

  it('reads a key on one line, a part with no label continuing the meaning before it', () => {
    expect(statusKeyEntries('RAG key: B = Blue – outcome embedded and sustained; G = Green – completed; Grey = not started, no concerns')).toEqual([
      { label: 'B', meaning: 'embedded', description: 'Blue – outcome embedded and sustained' },
      { label: 'G', meaning: 'complete', description: 'Green – completed' },
      { label: 'Grey', meaning: 'notStarted', description: 'not started, no concerns' }
    ]);
    expect(statusKeyEntries('The board met in March: progress is on track.')).toBeUndefined();
    expect(readStatusKey(['Progress: the work is on track.'])).toEqual([]);
  });

  it('proposes the preset a key reproduces, else the key\'s own labels with their meanings, descriptions and the preset\'s spellings', () => {
    const rag = readStatusKey(['R: Delayed or Low confidence of completion; A: Completion delayed or at risk but being managed; G: Completion on track and will be met; C: Completed;']);
    expect(inferScheme(['R', 'G'], undefined, rag).scheme).toBe(RAGC_SCHEME);
    const own = readStatusKey(['Red - Delayed', 'Amber - At risk', 'Green - On track', 'Purple - Completed and embedded in practice']);
    const proposal = inferScheme(['G', 'Purple', 'Red', 'Blue'], undefined, own);
    expect(proposal.source).toBe('custom');
    expect(proposal.scheme.labels.map((label) => [label.label, label.meaning, label.description, label.aliases])).toEqual([
      ['Red', 'offTrack', 'Delayed', ['R']],
      ['Amber', 'atRisk', 'At risk', ['A']],
      ['Green', 'onTrack', 'On track', ['G']],
      ['Purple', 'embedded', 'Completed and embedded in practice', []]
    ]);
    expect(proposal.labels.map((label) => label.found)).toEqual([1, 0, 1, 1]);
    expect(proposal.unmatched).toEqual([{ value: 'Blue', found: 1 }]);
    // The plan's own scheme wins over any key printed.
    expect(inferScheme(['G'], BRAGG_SCHEME, own).scheme).toBe(BRAGG_SCHEME);
  });
});
