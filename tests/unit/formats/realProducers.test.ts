import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readSpreadsheet } from '../../../src/formats/readSpreadsheet';

/**
 * Files saved by real software (openpyxl, LibreOffice, the encodings Excel writes), made by
 * tests/fixtures/import/make_fixtures.py; expected.json says what a person sees in each, written
 * by the same script from the values it wrote and checked against LibreOffice's own display.
 */
const FIXTURES = join(__dirname, '../../fixtures/import');

interface IExpectedSheet {
  /** null for a CSV: its one sheet's name is the reader's choice. */
  name: string | null;
  hidden: boolean;
}

interface IExpectedCells {
  /** Index into the file's sheets. */
  sheet: number;
  name: string | null;
  /** A1 address -> the exact text shown; '' for a cell that must be empty. */
  cells: Record<string, string>;
}

interface IExpectedFixture {
  file: string;
  format: 'csv' | 'xlsx';
  producer: string;
  description: string;
  encoding?: string;
  separator?: string;
  sheets: IExpectedSheet[];
  cells: IExpectedCells[];
}

type Workbook = Awaited<ReturnType<typeof readSpreadsheet>>;

const EXPECTED: IExpectedFixture[] = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')).fixtures;

/** Files read once and shared by the tests that look at them. */
const reads = new Map<string, Promise<Workbook>>();
function read(file: string): Promise<Workbook> {
  let workbook = reads.get(file);
  if (!workbook) {
    workbook = readSpreadsheet(file, new Uint8Array(readFileSync(join(FIXTURES, file))));
    reads.set(file, workbook);
  }
  return workbook;
}

/** The text at an A1 address; rows[0] is row 1 and a cell past a row's end is empty. */
function cellAt(rows: string[][], address: string): string {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) throw new Error(`Bad address in expected.json: ${address}`);
  let column = 0;
  for (const letter of match[1]) column = column * 26 + (letter.charCodeAt(0) - 64);
  const row = rows[Number(match[2]) - 1];
  return (row && row[column - 1]) || '';
}

/** A sheet's rows without trailing empty cells and rows, so producers that write empty styled cells compare equal. */
function trimmed(rows: string[][]): string[][] {
  const out = rows.map((row) => {
    let end = row.length;
    while (end > 0 && !row[end - 1]) end--;
    return row.slice(0, end);
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

function show(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 117)}...` : text);
}

describe('expected.json', () => {
  it('has expectations for every fixture in the folder, and every fixture it names exists', () => {
    const files = readdirSync(FIXTURES).filter((name) => /\.(xlsx|csv|txt)$/.test(name)).sort();
    expect(EXPECTED.map((fixture) => fixture.file).sort()).toEqual(files);
  });
});

describe.each(EXPECTED.map((fixture) => [fixture.file, fixture] as const))('%s', (file, fixture) => {
  it(`is read as ${fixture.format}${fixture.encoding ? ` in ${fixture.encoding}, separated by ${JSON.stringify(fixture.separator)}` : ''}`, async () => {
    const workbook = await read(file);
    expect(workbook.format).toBe(fixture.format);
    if (fixture.format === 'csv') {
      expect({ encoding: workbook.encoding, separator: workbook.separator }).toEqual({ encoding: fixture.encoding, separator: fixture.separator });
    }
  });

  it('lists the sheets in workbook order with their hidden flags', async () => {
    const workbook = await read(file);
    const sheets = workbook.sheets.map((sheet) => ({ name: sheet.name, hidden: sheet.hidden }));
    if (fixture.format === 'csv') {
      expect(sheets).toHaveLength(1);
      expect(sheets[0].hidden).toBe(false);
    } else {
      expect(sheets).toEqual(fixture.sheets);
    }
  });

  it('shows every cell as the person sees it', async () => {
    const workbook = await read(file);
    const wrong: string[] = [];
    for (const expected of fixture.cells) {
      const sheet = workbook.sheets[expected.sheet];
      const label = expected.name === null ? '' : `${expected.name}!`;
      if (!sheet) {
        wrong.push(`${label}: sheet ${expected.sheet} missing`);
        continue;
      }
      for (const address of Object.keys(expected.cells)) {
        const actual = cellAt(sheet.rows, address);
        if (actual !== expected.cells[address]) wrong.push(`${label}${address}: expected ${show(expected.cells[address])}, read ${show(actual)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no replacement character (U+FFFD) in any cell', async () => {
    const workbook = await read(file);
    const garbled: string[] = [];
    workbook.sheets.forEach((sheet) => {
      sheet.rows.forEach((row, rowIndex) => {
        row.forEach((cell, columnIndex) => {
          if (cell.indexOf('\uFFFD') >= 0) garbled.push(`${sheet.name} row ${rowIndex + 1} column ${columnIndex + 1}: ${show(cell)}`);
        });
      });
    });
    expect(garbled).toEqual([]);
  });
});

/** The same sheet saved by different producers must read the same, cell for cell. */
const SAME_CONTENT: Array<{ files: string[]; sheets?: number[] }> = [
  { files: ['bracketed-headers.openpyxl.xlsx', 'bracketed-headers.libreoffice.xlsx'] },
  { files: ['no-ref-recommendations.openpyxl.xlsx', 'no-ref-recommendations.libreoffice.xlsx'] },
  { files: ['kpi-scorecard.openpyxl.xlsx', 'kpi-scorecard.libreoffice.xlsx'] },
  {
    files: [
      'numbered-actions.csv',
      'numbered-actions.utf8bom.csv',
      'numbered-actions.utf16.txt',
      'numbered-actions.semicolon.csv',
      'numbered-actions.libreoffice.csv',
      'numbered-actions.libreoffice.xlsx'
    ]
  },
  // openpyxl stores no value for a formula: only the Actions sheet compares with LibreOffice's.
  { files: ['excel-oddities.openpyxl.xlsx', 'excel-oddities.libreoffice.xlsx'], sheets: [0] },
  { files: ['excel-oddities.openpyxl.xlsx', 'excel-oddities.no-r.xlsx'] }
];

describe.each(SAME_CONTENT.map((group) => [group.files.join(' = '), group] as const))('%s', (_, group) => {
  it('read the same rows whatever software saved them', async () => {
    const workbooks = await Promise.all(group.files.map(read));
    const contents = workbooks.map((workbook) =>
      workbook.sheets.filter((sheet, index) => !group.sheets || group.sheets.indexOf(index) >= 0).map((sheet) => trimmed(sheet.rows))
    );
    contents.slice(1).forEach((content, index) => {
      expect({ file: group.files[index + 1], content }).toEqual({ file: group.files[index + 1], content: contents[0] });
    });
  });
});
