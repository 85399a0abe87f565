/** Plan sheets the import tests write, as a plan officer's spreadsheet holds them, and their dry run. */
import { formatCsv } from '../../src/formats/csvWrite';
import { readCsv } from '../../src/formats/csvRead';
import { DEFAULT_READ_LIMITS } from '../../src/formats/readSpreadsheet';
import { IImportPlan, planImport } from '../../src/model/import/dryRun';
import { analyseSheet } from '../../src/model/import/mapping';
import { IPlanSnapshot } from '../../src/services/IPlanDataService';

/** A sheet of `count` new actions under a new priority 4, each with a status history and two dated progress entries (three log entries a row). */
export function priorityFourSheet(count: number): string {
  const rows = [['Ref', 'Action', 'Responsible Officer', 'By When', 'RAG', 'Dec-23', 'Progress Update', 'Priority', 'Outcome']];
  for (let index = 1; index <= count; index++) {
    rows.push([`4.1.${index}`, `Imported action ${index}`, 'Speech and Language Lead', 'Sept 2024', 'Amber', 'Red', `Nov 2023: Started ${index}. Jan 2024: Half way ${index}.`, '4: Speech and language waits', 'Timely therapy']);
  }
  return formatCsv(rows);
}

/** A CSV sheet's rows as the import reads them (the file's bytes through the CSV reader). */
export function csvRows(text: string): string[][] {
  return readCsv('sheet.csv', new TextEncoder().encode(text), DEFAULT_READ_LIMITS).sheets[0].rows;
}

/** The dry run of a CSV sheet against a loaded plan, with the columns mapped as the import suggests. */
export function dryRunCsv(text: string, snapshot: IPlanSnapshot): IImportPlan {
  return dryRunRows(csvRows(text), snapshot);
}

/** The dry run of a sheet's rows against a loaded plan, with the columns mapped as the import suggests. */
export function dryRunRows(rows: readonly (readonly string[])[], snapshot: IPlanSnapshot): IImportPlan {
  const analysis = analyseSheet(rows);
  if (analysis === undefined) throw new Error('the sheet has no header row');
  return planImport(rows, analysis.columns, analysis.headerRow, {
    target: { kind: 'existing', planId: snapshot.plan.id, name: snapshot.plan.title },
    scheme: snapshot.plan.statusScheme,
    priorities: snapshot.priorities,
    outcomes: snapshot.outcomes,
    actions: snapshot.actions
  });
}
