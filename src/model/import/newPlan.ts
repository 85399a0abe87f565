/**
 * A new plan proposed from the file it is imported from: its name and local area from
 * the title above the table (or the file's name), its status scheme from the statuses
 * written, its board dates from the dated status columns. The plan officer confirms
 * or changes each before anything is written.
 */
import { IsoDate } from '../isoDate';
import { IColumnMapping, ISheetAnalysis } from './mapping';
import { plainText } from './plainText';
import { ISchemeProposal, inferScheme, readStatusKey } from './schemeInference';
import { IStatusScheme } from '../statusSchemes';

export interface INewPlanProposal {
  name: string;
  localArea: string;
  scheme: ISchemeProposal;
  /** Board dates: the dates heading status columns, ascending. */
  reportingDates: IsoDate[];
}

/** Words after the area's name in a plan's title: "Northmoor Local Area SEND...", "Eastwick Council's...". */
const AREA_IN_TITLE = /^(.+?)\s+(?:local\s+area|county\s+council|city\s+council|borough\s+council|metropolitan|council|send\b|area\s+send|written\s+statement|accelerated\s+progress)/i;

/** Every status the sheet writes, in its status column and its dated status columns. */
export function statusValues(rows: readonly (readonly string[])[], mapping: readonly IColumnMapping[], headerRow: number): string[] {
  const columns = mapping.filter((entry) => (entry.target.kind === 'field' && entry.target.field === 'status') || entry.target.kind === 'statusAt').map((entry) => entry.column);
  const values: string[] = [];
  for (let index = headerRow + 1; index < rows.length; index++) {
    for (const column of columns) {
      const value = plainText(rows[index][column] ?? '');
      if (value) values.push(value);
    }
  }
  return values;
}

/**
 * The plan a file proposes.
 *
 * @param fileName - the file's name, used for the plan's name when no title is above the table
 * @param planScheme - when importing into an existing plan, its scheme (kept; unknown values listed)
 */
export function proposePlan(fileName: string, rows: readonly (readonly string[])[], analysis: ISheetAnalysis, mapping: readonly IColumnMapping[] = analysis.columns, planScheme?: IStatusScheme): INewPlanProposal {
  const title = analysis.titleLines.find((line) => line.length >= 8 && !/^(?:rag|key|status key)\b/i.test(line));
  const name = (title ?? fileName.replace(/\.[a-z0-9]+$/i, '').replace(/[_-]+/g, ' ')).trim().slice(0, 255);
  const area = AREA_IN_TITLE.exec(name);
  const reportingDates = mapping
    .map((entry) => (entry.target.kind === 'statusAt' ? entry.target.date : undefined))
    .filter((date): date is IsoDate => date !== undefined)
    .sort();
  return {
    name,
    localArea: area ? area[1].trim() : '',
    scheme: inferScheme(statusValues(rows, mapping, analysis.headerRow), planScheme, readStatusKey(analysis.titleLines)),
    reportingDates: reportingDates.filter((date, index) => reportingDates.indexOf(date) === index)
  };
}
