/** Plan sheets the import tests write, as a plan officer's spreadsheet holds them. */
import { formatCsv } from '../../src/model/import/csv';

/** A sheet of `count` new actions under a new priority 4, each with a status history and two dated progress entries (three log entries a row). */
export function priorityFourSheet(count: number): string {
  const rows = [['Ref', 'Action', 'Responsible Officer', 'By When', 'RAG', 'Dec-23', 'Progress Update', 'Priority', 'Outcome']];
  for (let index = 1; index <= count; index++) {
    rows.push([`4.1.${index}`, `Imported action ${index}`, 'Speech and Language Lead', 'Sept 2024', 'Amber', 'Red', `Nov 2023: Started ${index}. Jan 2024: Half way ${index}.`, '4: Speech and language waits', 'Timely therapy']);
  }
  return formatCsv(rows);
}
