import { readSpreadsheet } from '../../../src/formats/readSpreadsheet';
import { detectSeparator } from '../../../src/formats/csvRead';
import { formatCsv } from '../../../src/formats/csvWrite';
import { readFailure } from '../../support/files';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);


describe('readSpreadsheet: CSV', () => {
  it('reads quoted cells with separators, quotes and line breaks, CRLF and a UTF-8 byte-order mark', async () => {
    const read = await readSpreadsheet('plan.csv', utf8('\ufeffRef,Action,By When\r\n3.1.1,"Collate support, 0 - 5","Apr-23"\r\n3.1.2,"Say ""hello""\nto parents",TBC\r\n'));
    expect(read).toMatchObject({ format: 'csv', encoding: 'utf-8', separator: ',' });
    expect(read.sheets).toEqual([
      {
        name: 'plan.csv',
        hidden: false,
        rows: [
          ['Ref', 'Action', 'By When'],
          ['3.1.1', 'Collate support, 0 - 5', 'Apr-23'],
          ['3.1.2', 'Say "hello"\nto parents', 'TBC']
        ]
      }
    ]);
  });

  it('keeps blank lines as empty rows so row numbers match, with LF or CR line ends', async () => {
    expect((await readSpreadsheet('a.csv', utf8('Ref;Action\n\n1;A'))).sheets[0].rows).toEqual([['Ref', 'Action'], [''], ['1', 'A']]);
    expect((await readSpreadsheet('a.csv', utf8('Ref,Action\r\r1,"A\rB"\r'))).sheets[0].rows).toEqual([['Ref', 'Action'], [''], ['1', 'A\rB']]);
  });

  it('decodes Windows-1252 (Excel "CSV (Comma delimited)") when the bytes are not UTF-8, keeping £ ’ “ ” – ë', async () => {
    // "Ref,Cost\n1,£5 ’q’ “it” – Zoë" as Windows-1252 bytes.
    const bytes = new Uint8Array([...utf8('Ref,Cost\n1,'), 0xa3, 0x35, 0x20, 0x92, 0x71, 0x92, 0x20, 0x93, 0x69, 0x74, 0x94, 0x20, 0x96, 0x20, 0x5a, 0x6f, 0xeb]);
    const read = await readSpreadsheet('excel.csv', bytes);
    expect(read.encoding).toBe('windows-1252');
    expect(read.sheets[0].rows[1]).toEqual(['1', '£5 ’q’ “it” – Zoë']);
  });

  it('decodes UTF-16 with its byte-order mark, little- and big-endian', async () => {
    const text = 'Ref\tAction\r\n1\tZoë’s “plan” – £5\r\n';
    const le = new Uint8Array(2 + text.length * 2);
    const be = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      le.set([code & 0xff, code >> 8], 2 + index * 2);
      be.set([code >> 8, code & 0xff], 2 + index * 2);
    }
    for (const [bytes, encoding] of [
      [le, 'utf-16le'],
      [be, 'utf-16be']
    ] as const) {
      const read = await readSpreadsheet('unicode.txt', bytes);
      expect(read).toMatchObject({ encoding, separator: '\t' });
      expect(read.sheets[0].rows).toEqual([['Ref', 'Action'], ['1', 'Zoë’s “plan” – £5']]);
    }
  });

  it('refuses bytes that are not text, and an empty file', async () => {
    expect(await readFailure(readSpreadsheet('image.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01])))).toMatchObject({ code: 'binary', params: ['image.csv'] });
    expect(await readFailure(readSpreadsheet('empty.csv', new Uint8Array(0)))).toMatchObject({ code: 'empty' });
    expect(await readFailure(readSpreadsheet('blank.csv', utf8('\r\n \r\n')))).toMatchObject({ code: 'empty' });
  });

  it('finds a comma, semicolon or tab separator from the rows under any title, not from commas in prose', () => {
    expect(detectSeparator('Ref\tAction\tDue')).toBe('\t');
    expect(detectSeparator('SEND plan, 2023\nRef;Action;Due\n1;Meet, agree, write;Jun\n2;Plan;Jul')).toBe(';');
    expect(detectSeparator('Ref,Action;with a semicolon,Due\n1,A,B\n2,C,D')).toBe(',');
    expect(detectSeparator('Just one column\nof text')).toBe(',');
  });

  it('names the line where a quote that is never closed starts', async () => {
    const error = await readFailure(readSpreadsheet('plan.csv', utf8('Ref,Action\n1,"A"\n2,"Open\nstill open,B')));
    expect(error).toMatchObject({ code: 'unclosedQuote', params: ['plan.csv', 3], row: 3 });
  });

  it('takes off the apostrophe our export puts before a formula-like cell, and only that one', async () => {
    const rows = [['Ref', 'Action', 'Note'], ['1', '=HYPERLINK("http://x")', "'quoted already"], ['2', '-5 days', '@mention'], ['3', '+44 1234', "It's fine"], ['4', ' padded ', 'Collate, "quoted"\nover two lines']];
    const read = await readSpreadsheet('export.csv', utf8(formatCsv(rows)));
    expect(read.sheets[0].rows).toEqual(rows);
  });

  it('reads a 500 KB cell at the limit and refuses one over it, naming the cell', async () => {
    const big = 'x'.repeat(500000);
    const text = `Ref,Action,Notes\n${'1,a,b\n'.repeat(12)}13,a,${big}\n`;
    const read = await readSpreadsheet('big.csv', utf8(text), { maxCellChars: 500000 });
    expect(read.sheets[0].rows[13][2]).toHaveLength(500000);
    const started = Date.now();
    const error = await readFailure(readSpreadsheet('big.csv', utf8(text.replace(big, `${big}y`)), { maxCellChars: 500000 }));
    expect(error).toMatchObject({ code: 'cellTooLong', params: ['C14', 'big.csv', 500001, 500000], row: 14, column: 'C', sheet: 'big.csv' });
    expect(Date.now() - started).toBeLessThan(2000);
    // Excel's own limit by default.
    expect(await readFailure(readSpreadsheet('big.csv', utf8(text)))).toMatchObject({ code: 'cellTooLong', params: ['C14', 'big.csv', 500000, 32767] });
  });

  it('reads 150,000 rows in linear time without overflowing the stack, and refuses more rows or columns than the limits', async () => {
    const text = `Ref,Action,Due\n${Array.from({ length: 150000 }, (_, index) => `${index},"Action ${index}, quoted",Jun-24`).join('\n')}`;
    const started = Date.now();
    const read = await readSpreadsheet('long.csv', utf8(text));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(read.sheets[0].rows).toHaveLength(150001);
    expect(read.sheets[0].rows[150000]).toEqual(['149999', 'Action 149999, quoted', 'Jun-24']);
    expect(await readFailure(readSpreadsheet('long.csv', utf8(text), { maxRows: 100000 }))).toMatchObject({ code: 'tooManyRows', params: ['long.csv', 100001, 100000] });
    expect(await readFailure(readSpreadsheet('wide.csv', utf8(`${'a,'.repeat(20)}b`), { maxColumns: 20 }))).toMatchObject({ code: 'tooManyColumns', params: ['wide.csv', 'U', 20], column: 'U', row: 1 });
  });

  it('refuses a file over the size limit before reading it, and a file type it does not read', async () => {
    expect(await readFailure(readSpreadsheet('plan.csv', utf8('Ref\n1'.repeat(100)), { maxFileBytes: 100 }))).toMatchObject({ code: 'tooLarge', params: ['plan.csv', 0.1, 0.1] });
    expect(await readFailure(readSpreadsheet('plan.pdf', utf8('%PDF-1.4')))).toMatchObject({ code: 'unknownType', params: ['plan.pdf', 'pdf'] });
  });
});
