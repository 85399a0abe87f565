/**
 * Writing rows of text as an .xlsx workbook with one worksheet, zipped with fflate.
 * Every cell is an inline string, so refs such as "3.10" are never turned into
 * numbers; a cell starting = + - @ is marked with the quotePrefix style, as Excel
 * stores a typed '=..., so editing it never turns it into a formula.
 */
import { zipSync, strToU8 } from 'fflate';
import { columnLetter } from '../model/import/mapping';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
/** The cellXfs index of the quote-prefixed text style. */
const QUOTE_PREFIX_STYLE = 1;
const FORMULA_START = /^[=+\-@]/;

function escapeXml(text: string): string {
  // Characters XML 1.0 cannot hold (control codes pasted from other systems) are dropped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function sheetXml(rows: readonly (readonly string[])[]): string {
  const body = rows
    .map((cells, rowIndex) => {
      const row = rowIndex + 1;
      const xml = cells
        .map((cell, column) => {
          if (cell === '') return '';
          const style = FORMULA_START.test(cell) ? ` s="${QUOTE_PREFIX_STYLE}"` : '';
          return `<c r="${columnLetter(column)}${row}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
        })
        .join('');
      return `<row r="${row}">${xml}</row>`;
    })
    .join('');
  return `${XML_DECLARATION}<worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
}

const STYLES =
  `${XML_DECLARATION}<styleSheet xmlns="${MAIN}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** An .xlsx workbook whose one worksheet, named `sheetName` (at most 31 characters, as Excel allows), holds the rows. */
export function writeXlsx(rows: readonly (readonly string[])[], sheetName: string = 'Actions'): Uint8Array {
  // Excel refuses a sheet name with any of : \ / ? * [ ].
  const name = escapeXml(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
  const part = (xml: string): Uint8Array => strToU8(xml);
  return zipSync(
    {
      '[Content_Types].xml': part(
        `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`
      ),
      '_rels/.rels': part(`${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
      'xl/workbook.xml': part(`${XML_DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': part(
        `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`
      ),
      'xl/styles.xml': part(STYLES),
      'xl/worksheets/sheet1.xml': part(sheetXml(rows))
    },
    { level: 6 }
  );
}
