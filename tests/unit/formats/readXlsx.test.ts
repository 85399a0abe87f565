import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants as zlibConstants, deflateRawSync, inflateRawSync } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import { readSpreadsheet } from '../../../src/formats/readSpreadsheet';
import { writeXlsx } from '../../../src/formats/xlsxWrite';
import { readFailure } from '../../support/files';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface ITestSheet {
  name: string;
  /** The relationship's target: under xl/ ("worksheets/sheet2.xml") or from the root ("/xl/..."). */
  path: string;
  xml: string;
  state?: 'hidden' | 'veryHidden';
}

/** A workbook built part by part, the way a producer might lay it out. */
function workbook(sheets: ITestSheet[], options: { sharedStrings?: string; styles?: string; date1904?: string } = {}): Uint8Array {
  const parts: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(
      `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}">${options.date1904 ? `<x:workbookPr date1904="${options.date1904}"/>` : ''}<x:sheets>${sheets
        .map((sheet, index) => `<x:sheet name="${sheet.name}" sheetId="${index + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} rel:id="rId${index + 10}"/>`)
        .join('')}</x:sheets></x:workbook>`
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((sheet, index) => `<Relationship Id="rId${index + 10}" Type="${REL}/worksheet" Target="${sheet.path}"/>`)
        .join('')}<Relationship Id="rId1" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`
    )
  };
  for (const sheet of sheets) parts[sheet.path.startsWith('/') ? sheet.path.slice(1) : `xl/${sheet.path}`] = strToU8(`<worksheet xmlns="${MAIN}">${sheet.xml}</worksheet>`);
  if (options.sharedStrings) parts['xl/sharedStrings.xml'] = strToU8(`<sst xmlns="${MAIN}">${options.sharedStrings}</sst>`);
  if (options.styles) parts['xl/styles.xml'] = strToU8(`<styleSheet xmlns="${MAIN}">${options.styles}</styleSheet>`);
  return zipSync(parts);
}

/** A zip of deflated parts as given, every header declaring 1 KB unzipped whatever the part holds. */
function handMadeZip(parts: Array<[string, Uint8Array]>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBytes = strToU8(name);
    const header = (signature: number, size: number): DataView => {
      const view = new DataView(new ArrayBuffer(size));
      view.setUint32(0, signature, true);
      return view;
    };
    const local = header(0x04034b50, 30);
    local.setUint16(4, 20, true);
    local.setUint16(8, 8, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, 1024, true);
    local.setUint16(26, nameBytes.length, true);
    chunks.push(new Uint8Array(local.buffer), nameBytes, data);
    const central = header(0x02014b50, 46);
    central.setUint16(10, 8, true);
    central.setUint32(20, data.length, true);
    central.setUint32(24, 1024, true);
    central.setUint16(28, nameBytes.length, true);
    central.setUint32(42, offset, true);
    directory.push(new Uint8Array(central.buffer), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const size = directory.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...directory, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((sum, chunk) => sum + chunk.length, 0));
  all.reduce((at, chunk) => {
    out.set(chunk, at);
    return at + chunk.length;
  }, 0);
  return out;
}

const oneSheet = (xml: string, options?: Parameters<typeof workbook>[1]): Uint8Array => workbook([{ name: 'Plan', path: 'worksheets/sheet1.xml', xml }], options);

/** Styles: cellXfs index 0 General, then one per format listed. */
function styles(formats: Array<number | string>): string {
  const custom = formats.map((format, index) => (typeof format === 'string' ? { id: 164 + index, code: format } : undefined));
  const numFmts = custom.filter((format): format is { id: number; code: string } => format !== undefined);
  return (
    `<numFmts count="${numFmts.length}">${numFmts.map((format) => `<numFmt numFmtId="${format.id}" formatCode="${format.code.replace(/"/g, '&quot;')}"/>`).join('')}</numFmts>` +
    '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>' +
    `<cellXfs count="${formats.length + 1}"><xf numFmtId="0" xfId="0"/>${formats.map((format, index) => `<xf numFmtId="${typeof format === 'string' ? 164 + index : format}" xfId="0" applyNumberFormat="1"/>`).join('')}</cellXfs>`
  );
}


describe('readSpreadsheet: .xlsx', () => {
  it('reads every sheet in the workbook order, wherever its part is, with names and hidden state', async () => {
    const bytes = workbook([
      { name: 'Cover', path: 'worksheets/sheet3.xml', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Hidden notes</t></is></c></row></sheetData>', state: 'hidden' },
      { name: 'Action plan', path: 'worksheets/sheet2.xml', xml: '<sheetData><row r="1"><c r="B1" t="inlineStr"><is><t>Ref</t></is></c></row></sheetData>' },
      { name: 'Secret', path: '/xl/worksheets/sheet1.xml', xml: '<sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>', state: 'veryHidden' }
    ]);
    const read = await readSpreadsheet('plan.xlsx', bytes);
    expect(read.format).toBe('xlsx');
    expect(read.sheets).toEqual([
      { name: 'Cover', hidden: true, rows: [['Hidden notes']] },
      { name: 'Action plan', hidden: false, rows: [['', 'Ref']] },
      { name: 'Secret', hidden: true, rows: [[], ['x']] }
    ]);
  });

  it('reads rows and cells without the optional r attribute in sequence', async () => {
    const xml =
      '<sheetData><row><c t="inlineStr"><is><t>Ref</t></is></c><c t="inlineStr"><is><t>Action</t></is></c></row>' +
      '<row><c><v>1</v></c><c t="inlineStr"><is><t>First</t></is></c></row>' +
      '<row r="5"><c r="C5" t="inlineStr"><is><t>Jumped</t></is></c><c t="inlineStr"><is><t>next</t></is></c></row><row><c><v>6</v></c></row></sheetData>';
    expect((await readSpreadsheet('norefs.xlsx', oneSheet(xml))).sheets[0].rows).toEqual([['Ref', 'Action'], ['1', 'First'], [], [], ['', '', 'Jumped', 'next'], ['6']]);
  });

  it('joins rich-text runs, leaves phonetic guides out, decodes _x000D_ and entities, and keeps text between < and >', async () => {
    const shared =
      '<si><t>Plain</t></si>' +
      '<si><r><rPr><b/></rPr><t xml:space="preserve">Bold </t></r><r><t>then plain</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><t>waits &lt;18 weeks &amp; the &gt;12 month backlog_x000D_\nline two</t></si>';
    const xml = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row></sheetData>';
    expect((await readSpreadsheet('rich.xlsx', oneSheet(xml, { sharedStrings: shared }))).sheets[0].rows).toEqual([
      ['Plain', 'Bold then plain', 'waits <18 weeks & the >12 month backlog\r\nline two']
    ]);
  });

  it('reads booleans, error values as written, and formulas by their cached value', async () => {
    const xml =
      '<sheetData><row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><f>VLOOKUP(A1,Z:Z,2,0)</f><v>#N/A</v></c>' +
      '<c r="D1"><f>SUM(1,2)</f><v>3</v></c><c r="E1" t="str"><f>"Priority "&amp;1</f><v>Priority 1</v></c><c r="F1"><f>NOW()</f></c><c r="G1"><v>0.30000000000000004</v></c></row></sheetData>';
    expect((await readSpreadsheet('values.xlsx', oneSheet(xml))).sheets[0].rows).toEqual([['TRUE', 'FALSE', '#N/A', '3', 'Priority 1', '', '0.3']]);
  });

  it('shows numbers as their format does: month dates, built-in dates, percentages, decimals, text format', async () => {
    // 45108 is 1 July 2023; 45291 is 31 December 2023; 0.5 is midday.
    const format = styles(['mmm-yy', 14, 15, 16, 17, 22, 9, '0.0%', 10, 2, 49, 'dddd d mmmm yyyy', '[$£-809]#,##0.00', 'h:mm', '#,##0;(#,##0)']);
    const cells = [
      [1, 45108],
      [2, 45291],
      [3, 45291],
      [4, 45291],
      [5, 45108],
      [6, 45291.5],
      [7, 0.95],
      [8, 0.955],
      [9, 0.12345],
      [10, 3.14159],
      [11, 42],
      [12, 45291],
      [13, 1234.5],
      [14, 0.75],
      [15, -1234]
    ];
    const xml = `<sheetData>${cells.map(([style, value], index) => `<row r="${index + 1}"><c r="A${index + 1}" s="${style}"><v>${value}</v></c></row>`).join('')}</sheetData>`;
    const rows = (await readSpreadsheet('formats.xlsx', oneSheet(xml, { styles: format }))).sheets[0].rows.map((row) => row[0]);
    expect(rows).toEqual(['Jul-23', '31/12/2023', '31-Dec-23', '31-Dec', 'Jul-23', '31/12/2023 12:00', '95%', '95.5%', '12.35%', '3.14', '42', 'Sunday 31 December 2023', '£1,234.50', '18:00', '(1,234)']);
  });

  it('reads dates in the 1904 date system', async () => {
    // 43646 days after 1 Jan 1904 is 1 July 2023.
    const xml = '<sheetData><row r="1"><c r="A1" s="1"><v>43646</v></c><c r="B1" s="2"><v>43646</v></c></row></sheetData>';
    for (const flag of ['1', 'true']) {
      expect((await readSpreadsheet('mac.xlsx', oneSheet(xml, { styles: styles([14, 'mmm-yy']), date1904: flag }))).sheets[0].rows).toEqual([['01/07/2023', 'Jul-23']]);
    }
    expect((await readSpreadsheet('pc.xlsx', oneSheet(xml, { styles: styles([14, 'mmm-yy']) }))).sheets[0].rows).toEqual([['30/06/2019', 'Jun-19']]);
  });

  it('carries a merged block down its first column (a priority reaches each action), never sideways', async () => {
    const xml =
      '<sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>SEND Improvement Plan</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Priority</t></is></c><c r="B2" t="inlineStr"><is><t>Ref</t></is></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>1. Identification</t></is></c><c r="B3"><v>1.1</v></c></row>' +
      '<row r="4"><c r="B4"><v>1.2</v></c></row><row r="5"><c r="A5" s="0"/><c r="B5"><v>1.3</v></c></row>' +
      '</sheetData><mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="A3:A1000"/></mergeCells>';
    expect((await readSpreadsheet('merged.xlsx', oneSheet(xml))).sheets[0].rows).toEqual([
      ['SEND Improvement Plan'],
      ['Priority', 'Ref'],
      ['1. Identification', '1.1'],
      ['1. Identification', '1.2'],
      ['1. Identification', '1.3']
    ]);
  });

  it('refuses a zip bomb as soon as the unzipped bytes pass the limit, trusting no declared size', async () => {
    // 300 MB of zeros as a worksheet, deflated a megabyte at a time (each piece a
    // self-contained run of deflate blocks, so they join into one stream), in a zip whose
    // headers claim the part unzips to 1 KB.
    const piece = deflateRawSync(new Uint8Array(1024 * 1024), { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH });
    const zeros = new Uint8Array(piece.length * 300 + 2);
    for (let index = 0; index < 300; index++) zeros.set(piece, index * piece.length);
    zeros.set([0x03, 0x00], piece.length * 300);
    const deflated = (xml: string): Uint8Array => deflateRawSync(strToU8(xml));
    const bytes = handMadeZip([
      ['_rels/.rels', deflated(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`)],
      ['xl/workbook.xml', deflated(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Bomb" sheetId="1" r:id="rId1"/></sheets></workbook>`)],
      ['xl/_rels/workbook.xml.rels', deflated(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)],
      ['xl/worksheets/sheet1.xml', zeros]
    ]);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(inflateRawSync(piece, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).length).toBe(1024 * 1024);

    await readSpreadsheet('warm.xlsx', oneSheet('<sheetData><row><c><v>1</v></c></row></sheetData>')); // loads the reader, so only the read is timed
    let started = Date.now();
    expect(await readFailure(readSpreadsheet('bomb.xlsx', bytes, { maxUnzippedBytes: 10 * 1024 * 1024 }))).toMatchObject({ code: 'zipBomb', params: ['bomb.xlsx', 10] });
    // Bounds generous for a loaded CI machine: the unbounded read took minutes and 11 GB.
    expect(Date.now() - started).toBeLessThan(5000);
    started = Date.now();
    expect(await readFailure(readSpreadsheet('bomb.xlsx', bytes))).toMatchObject({ code: 'zipBomb', params: ['bomb.xlsx', 200] });
    expect(Date.now() - started).toBeLessThan(20000);
  });

  it('refuses too many rows, too many columns and a too-long cell, naming the cell and sheet', async () => {
    const far = oneSheet('<sheetData><row r="300000"><c r="A300000"><v>1</v></c></row></sheetData>');
    expect(await readFailure(readSpreadsheet('far.xlsx', far))).toMatchObject({ code: 'tooManyRows', params: ['Plan', 300000, 250000], sheet: 'Plan' });
    const wide = oneSheet('<sheetData><row r="2"><c r="XFD2"><v>1</v></c></row></sheetData>');
    expect(await readFailure(readSpreadsheet('wide.xlsx', wide))).toMatchObject({ code: 'tooManyColumns', params: ['Plan', 'XFD', 1000], row: 2, column: 'XFD' });
    const long = oneSheet(`<sheetData><row r="14"><c r="C14" t="inlineStr"><is><t>${'x'.repeat(500001)}</t></is></c></row></sheetData>`);
    expect(await readFailure(readSpreadsheet('long.xlsx', long, { maxCellChars: 500000 }))).toMatchObject({ code: 'cellTooLong', params: ['C14', 'Plan', 500001, 500000] });
    // Styled empty cells far out, as Excel writes for formatted rows, are not values.
    const styled = oneSheet('<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="1"/></row><row r="1048576" s="1" customFormat="1"/></sheetData>');
    expect((await readSpreadsheet('styled.xlsx', styled)).sheets[0].rows).toEqual([['1']]);
  });

  it('names what a file is when it is not a workbook it can read', async () => {
    expect(await readFailure(readSpreadsheet('plan.xlsx', new TextEncoder().encode('Ref,Action\n1,Do it')))).toMatchObject({ code: 'notZip', params: ['plan.xlsx'] });
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await readFailure(readSpreadsheet('old.xls', cfb))).toMatchObject({ code: 'legacyExcel' });
    const name = 'EncryptedPackage';
    for (let index = 0; index < name.length; index++) cfb[1024 + index * 2] = name.charCodeAt(index);
    expect(await readFailure(readSpreadsheet('locked.xlsx', cfb))).toMatchObject({ code: 'encrypted' });
    // A Word document is read for its tables: one with none is empty, not a broken workbook.
    expect(await readFailure(readSpreadsheet('doc.docx', zipSync({ 'word/document.xml': strToU8('<document/>') })))).toMatchObject({ code: 'empty' });
    expect(await readFailure(readSpreadsheet('plan.xlsx', oneSheet('<sheetData><row><c><v>1</c></row></sheetData>')))).toMatchObject({ code: 'damaged' });
    const truncated = oneSheet('<sheetData/>');
    expect(await readFailure(readSpreadsheet('cut.xlsx', truncated.subarray(0, truncated.length - 30)))).toMatchObject({ code: 'notZip' });
    expect(await readFailure(readSpreadsheet('blank.xlsx', oneSheet('<sheetData><row r="1"><c r="A1" s="1"/></row></sheetData>')))).toMatchObject({ code: 'empty' });
  });

  it('reads a workbook Excel saved (shared strings, a date header in mmm-yy, a 0.00 number, a skipped row)', async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/seeds/shropshire-app-2023.xlsx')));
    expect((await readSpreadsheet('shropshire.xlsx', bytes)).sheets[0].rows).toEqual([
      ['Ref', 'Actions designed to lead to improvement', 'Responsible Officer', 'By When', 'RAG', 'Jun-23', 'Progress Update'],
      ['3.2.1', 'Gather & analyse feedback from early years & educational settings regarding neurodiversity', 'Alison Parkinson', '31/07/2023', 'Green', 'Amber', 'Sep 2023: Feedback analysed.'],
      [],
      ['3.2.2', 'NO Training Steering Group will develop a plan', '', '?July 2023', 'Amber', '', '', '72.50']
    ]);
  });
});

describe('writeXlsx', () => {
  it('writes a workbook the reader reads back cell for cell, refs kept as text and formula-like cells as text', async () => {
    const rows = [
      ['Ref', 'Action', 'By When'],
      ['3.10', 'Gather & analyse <feedback> "quoted"\nover two lines', '31/07/2023'],
      ['3.2', '', 'TBC'],
      ['=HYPERLINK("http://evil")', '+44 1234', '-5 @mention']
    ];
    const bytes = writeXlsx(rows, 'Actions: all [2024]');
    const read = await readSpreadsheet('export.xlsx', bytes);
    expect(read.sheets).toEqual([{ name: 'Actions  all  2024 ', hidden: false, rows }]);
    const { unzipSync, strFromU8 } = await import('fflate');
    const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<c r="A4" s="1" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;http://evil&quot;)</t></is></c>');
    expect(sheet).toContain('<c r="A2" t="inlineStr">');
    expect(strFromU8(unzipSync(bytes)['xl/styles.xml'])).toContain('quotePrefix="1"');
  });
});
