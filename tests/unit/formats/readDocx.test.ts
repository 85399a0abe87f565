/**
 * The .docx reader: a document's paragraphs and tables as a person sees them, on the
 * documents python-docx and LibreOffice Writer saved (tests/fixtures/import, made by
 * make_docx_fixtures.py) and on small documents written here for one case each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { readDocxBlocks } from '../../../src/formats/docxRead';
import { DEFAULT_READ_LIMITS, SpreadsheetFileError, readSpreadsheet } from '../../../src/formats/readSpreadsheet';
import { DocumentBlock } from '../../../src/model/import/documentTables';

const FIXTURES = join(__dirname, '../../fixtures/import');

function fixture(name: string): DocumentBlock[] {
  return readDocxBlocks(name, new Uint8Array(readFileSync(join(FIXTURES, name))), DEFAULT_READ_LIMITS);
}

function tables(blocks: readonly DocumentBlock[]): string[][][] {
  return blocks.reduce<string[][][]>((all, block) => (block.kind === 'table' ? all.concat([block.rows]) : all), []);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A .docx with this body and, when given, the document's relationships. */
function docx(body: string, relationships: string = ''): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/_rels/document.xml.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships}</Relationships>`)
  });
}

const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (content: string, properties: string = ''): string => `<w:tc><w:tcPr>${properties}</w:tcPr>${content}</w:tc>`;
const tbl = (...rows: string[]): string => `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>${rows.map((row) => (row.startsWith('<w:tr') ? row : `<w:tr>${row}</w:tr>`)).join('')}</w:tbl>`;

function readBody(body: string, relationships?: string): DocumentBlock[] {
  return readDocxBlocks('test.docx', docx(body, relationships), DEFAULT_READ_LIMITS);
}

async function failure(promise: Promise<unknown>): Promise<SpreadsheetFileError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SpreadsheetFileError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('readDocxBlocks on a document python-docx wrote', () => {
  const blocks = fixture('plan-priorities.python-docx.docx');
  const [first, second, third, glossary] = tables(blocks);

  it('reads the paragraphs between the tables in order, headings by their style', () => {
    const paragraphs = blocks.filter((block) => block.kind === 'paragraph' && block.text !== '');
    expect(paragraphs.slice(0, 3)).toEqual([
      { kind: 'paragraph', text: 'Ashby Moor Local Area SEND Accelerated Progress Plan 2024-2025', heading: true },
      { kind: 'paragraph', text: 'Status key', heading: false },
      { kind: 'paragraph', text: 'Red - Delayed or low confidence of completion', heading: false }
    ]);
    expect(paragraphs.filter((block) => block.kind === 'paragraph' && block.heading).map((block) => block.kind === 'paragraph' && block.text)).toEqual([
      'Ashby Moor Local Area SEND Accelerated Progress Plan 2024-2025',
      'Priority 1: Identification of need in the early years',
      'Priority 2: ND pathways and waiting times',
      'Glossary'
    ]);
    expect(blocks.map((block) => block.kind).filter((kind) => kind === 'table')).toHaveLength(4);
  });

  it('keeps a cell\'s paragraphs and list items as lines, fills a vertical merge down and links evidence with its text', () => {
    expect(first).toEqual([
      ['Ref', 'Action', 'Strategic lead', 'Responsible officer', 'By when', 'Evidence', 'RAG'],
      ['1.1', 'Roll out the WellComm screening tool to all early years settings\nTrain two WellComm champions in every setting', 'Head of Early Years', 'Early Years SEND Lead', 'Sep-24', 'WellComm training log (https://ashbymoor.example.gov.uk/send/wellcomm-training-log)', 'Green'],
      ['1.2', 'Publish the early years graduated response toolkit', 'Head of Early Years', 'Area SENCO', 'Dec 2024', '', 'Amber'],
      ['1.3', 'Agree the early help offer with:\nhealth visitors\nfamily hubs', 'Assistant Director Education', 'Family Hubs Manager', 'TBC', '', 'Red']
    ]);
  });

  it('reads tracked changes as accepted: insertions kept, deletions, moved-away text and a deleted row dropped, a deleted paragraph mark joined', () => {
    expect(second.map((cells) => cells.slice(0, 2))).toEqual([
      ['Ref', 'Action'],
      ['2.1', 'Reduce the wait for an autism assessment to 18 weeks'],
      ['2.2', 'Publish the ND waiting list data monthly on the Local Offer'],
      ['2.3', 'Review the ADHD medication pathway with primary care\nshared care protocol agreed']
    ]);
  });

  it('keeps a horizontal merge in its first column with the spanned cells blank, and a nested table as lines of its cell', () => {
    expect(third).toEqual([
      ['Ref', 'Action', 'Strategic lead', 'Responsible officer', 'By when', 'Evidence', 'RAG'],
      ['Outcome 2.2: Families know where they are on the pathway', '', '', '', '', '', ''],
      ['2.4', 'Send every family on the waiting list a letter saying where they are on the pathway', 'DCO', 'ND Pathway Manager', 'Jan-25', 'Letter template | Approved\nMailing | January 2025', 'Green'],
      ['2.5', 'Offer every family waiting over 12 weeks a call from the Parent Carer Forum', 'PCF Chair', 'Engagement Officer', 'Ongoing', '', 'Purple']
    ]);
    expect(glossary[0]).toEqual(['Abbreviation', 'Role']);
  });
});

describe('readDocxBlocks on a document LibreOffice Writer saved from HTML', () => {
  const blocks = fixture('plan-merged.libreoffice.docx');
  const [key, nd, slc, slcAfterBreak, glossary] = tables(blocks);

  it('fills a rowspan down, keeps a colspan in its first column, and reads a list in a cell as lines', () => {
    expect(nd).toEqual([
      ['Ref', 'Actions', 'Lead', 'Responsible officer', 'Timescale', 'Evidence', 'Status'],
      ['A1', 'Map the neurodevelopmental pathway with families\nPublish the map on the Local Offer', 'Designated Clinical Officer', 'ND Pathway Manager', 'Apr-24', '', 'Completed embedded sustained'],
      ['A2', 'Agree a single point of access for ND referrals with:\nschools\nGPs\nearly help', 'Designated Clinical Officer', 'ND Workstream to confirm', '', '', 'On track some concerns'],
      ['A3', 'Commission additional autism assessment capacity', 'Designated Clinical Officer', 'Head of Commissioning', 'Sep-24', '', 'Off track']
    ]);
  });

  it('reads every table in document order, a link as its text and address', () => {
    expect(key[1]).toEqual(['Not due yet', 'Work has not yet fallen due']);
    expect(slc[1][5]).toBe('SLCN pathway page (https://westbrook.example.org.uk/local-offer/slcn-pathway)');
    expect(slcAfterBreak.map((cells) => cells[0])).toEqual(['Ref', 'B2']);
    expect(glossary.map((cells) => cells[0])).toEqual(['SALT', 'DCO', 'CYP', 'SENCO']);
    expect(blocks.find((block) => block.kind === 'paragraph' && block.heading)).toEqual({ kind: 'paragraph', text: 'Westbrook SEND Written Statement of Action 2023-2025', heading: true });
  });
});

describe('readDocxBlocks, one case at a time', () => {
  it('carries a vertical merge down the first column of a merged block, with a row\'s skipped grid columns blank', () => {
    const blocks = readBody(
      tbl(
        tc(p('Lead'), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>') + tc(p('x')),
        tc(p(''), '<w:gridSpan w:val="2"/><w:vMerge/>') + tc(p('y')),
        '<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>' + tc(p('z')) + '</w:tr>'
      )
    );
    expect(blocks).toEqual([{ kind: 'table', rows: [['Lead', '', 'x'], ['Lead', '', 'y'], ['', '', 'z']] }]);
  });

  it('keeps a link\'s text alone when it points inside the document or is not a web address, and the address alone when it has no text', () => {
    const blocks = readBody(
      '<w:p><w:hyperlink w:anchor="top"><w:r><w:t>Back to top</w:t></w:r></w:hyperlink></w:p>' +
        '<w:p><w:hyperlink r:id="rId1"><w:r><w:t>Write to us</w:t></w:r></w:hyperlink></w:p>' +
        '<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rId2"></w:hyperlink></w:p>',
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="mailto:send@example.gov.uk" TargetMode="External"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.gov.uk/minutes" TargetMode="External"/>'
    );
    expect(blocks.map((block) => block.kind === 'paragraph' && block.text)).toEqual(['Back to top', 'Write to us', 'See https://example.gov.uk/minutes']);
  });

  it('reads a content control\'s text and an alternate content\'s choice once, not its fallback or a text box', () => {
    const blocks = readBody(
      '<w:sdt><w:sdtContent>' + p('Inside a control') + '</w:sdtContent></w:sdt>' +
        '<w:p><w:r><w:t>Kept</w:t></w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:r><w:t xml:space="preserve"> once</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t> twice</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>' +
        '<w:p><w:r><w:t>Before</w:t></w:r><w:r><w:drawing><w:txbxContent>' + p('In a text box') + '</w:txbxContent></w:drawing></w:r></w:p>'
    );
    expect(blocks.map((block) => block.kind === 'paragraph' && block.text)).toEqual(['Inside a control', 'Kept once', 'Before']);
  });

  it('ignores a paragraph\'s properties as they were before a tracked change, and reads a tab and a line break', () => {
    const blocks = readBody(
      '<w:p><w:pPr><w:pStyle w:val="Normal"/><w:pPrChange w:id="1"><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Ref</w:t><w:tab/><w:t>3.1</w:t><w:br/><w:t>Next line</w:t></w:r></w:p>'
    );
    expect(blocks).toEqual([{ kind: 'paragraph', text: 'Ref 3.1\nNext line', heading: false }]);
  });
});

describe('readSpreadsheet with a Word document', () => {
  it('reads a .docx by its content, whatever its name', async () => {
    const bytes = docx(tbl(tc(p('Ref')) + tc(p('Action')) + tc(p('RAG')), tc(p('1.1')) + tc(p('Publish the local offer')) + tc(p('Green'))));
    const read = await readSpreadsheet('plan.xlsx', bytes);
    expect(read.format).toBe('docx');
    expect(read.sheets.map((sheet) => [sheet.name, sheet.rows])).toEqual([['Table 1', [['Ref', 'Action', 'RAG'], ['1.1', 'Publish the local offer', 'Green']]]]);
  });

  it('refuses a document with no table, one named .docx that is not one, a damaged part and one past the limits, naming the table', async () => {
    expect(await failure(readSpreadsheet('minutes.docx', docx(p('Minutes of the board'))))).toMatchObject({ code: 'empty', params: ['minutes.docx'] });
    expect(await failure(readSpreadsheet('plan.docx', strToU8('Ref,Action\n')))).toMatchObject({ code: 'damaged', params: ['plan.docx'] });
    expect(await failure(readSpreadsheet('plan.docx', docx('<w:p><w:r><w:t>unclosed</w:r></w:p>')))).toMatchObject({ code: 'damaged' });
    const long = docx(tbl(tc(p('Ref')) + tc(p('Action')), tc(p('1.1')) + tc(p('x'.repeat(50)))));
    expect(await failure(readSpreadsheet('plan.docx', long, { maxCellChars: 20 }))).toMatchObject({ code: 'cellTooLong', params: ['B2', 'Table 1', 50, 20], sheet: 'Table 1', row: 2, column: 'B' });
    expect(await failure(readSpreadsheet('plan.docx', long, { maxUnzippedBytes: 100 }))).toMatchObject({ code: 'zipBomb' });
    const wide = docx(tbl(tc(p('Ref')) + tc(p('Action')), tc(p('1.1')) + tc(p(''), '<w:gridSpan w:val="900"/>')));
    expect(await failure(readSpreadsheet('plan.docx', wide, { maxColumns: 100 }))).toMatchObject({ code: 'tooManyColumns', sheet: 'Table 1', row: 2 });
  });
});
