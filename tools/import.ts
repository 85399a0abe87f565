/**
 * Imports a plan spreadsheet (CSV or .xlsx) into a plan on a site, with the same engine the
 * web part uses:
 *
 *   npm run import -- FILE --site URL [--dry-run] [--mapping FILE] [--plan ID] [--user EMAIL]
 *
 * Always prints the dry run first: every row with what it will create or update, and
 * every problem with its row, column and the value found. Without --dry-run it then
 * writes the rows that passed. Exits 1 when any row was rejected, 2 when the file or
 * the arguments cannot be used at all. Signs in the emulator's way (the user header;
 * the sample site owner unless --user says otherwise).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { CsvError, parseCsv } from '../src/model/import/csv';
import { readXlsx } from '../src/model/import/xlsx';
import { IImportPlan, findHeaderRow, planImport } from '../src/model/import/dryRun';
import { IColumnMapping, columnLetter, suggestMapping } from '../src/model/import/mapping';
import { todayIso } from '../src/model/isoDate';
import { toPlanDataError } from '../src/services/errors';
import { SharePointPlanDataService } from '../src/services/SharePointPlanDataService';
import { SharePointPlanImportService } from '../src/services/SharePointPlanImportService';
import { emulatorSp } from './siteClient';
import { SITE_OWNER } from './sample/users';

const USAGE = 'Usage: npm run import -- FILE --site URL [--dry-run] [--mapping FILE] [--save-mapping FILE] [--plan ID] [--user EMAIL]';

function describeTarget(entry: IColumnMapping): string {
  const { target } = entry;
  if (target.kind === 'field') return target.field;
  if (target.kind === 'statusAt') return `status at ${target.date}`;
  if (target.kind === 'tag') return `tag ${target.tag}`;
  return '(ignored)';
}

/** The dry-run report, as a plan officer reads it. */
export function formatReport(plan: IImportPlan, mapping: readonly IColumnMapping[]): string {
  const lines = ['Columns:', ...mapping.map((entry) => `  ${columnLetter(entry.column)} ${entry.header || '(blank)'} -> ${describeTarget(entry)}`)];
  if (plan.newPriorities.length > 0) lines.push('New priority areas:', ...plan.newPriorities.map((priority) => `  ${priority.number} ${priority.title}`));
  if (plan.newOutcomes.length > 0) lines.push('New outcomes:', ...plan.newOutcomes.map((outcome) => `  ${outcome.number} ${outcome.title}`));
  lines.push('Rows:', ...plan.actions.map((action) => `  row ${action.row}: ${action.ref} ${action.change}${action.history.length + action.updates.length > 0 ? ` (${action.history.length} status history, ${action.updates.length} progress entries)` : ''}`));
  if (plan.problems.length > 0) {
    lines.push('Problems:', ...plan.problems.map((problem) => `  ${problem.severity} ${problem.row > 0 ? `row ${problem.row}` : 'file'}${problem.column ? `, column ${problem.column}` : ''}${problem.value !== undefined && problem.value !== '' ? `, value "${problem.value}"` : ''}: ${problem.message}`));
  }
  lines.push(`${plan.actions.length} rows to import, ${plan.rejectedRows.length} rejected.`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { site: { type: 'string' }, user: { type: 'string' }, plan: { type: 'string' }, mapping: { type: 'string' }, 'save-mapping': { type: 'string' }, 'dry-run': { type: 'boolean' } }
  });
  const file = positionals[0];
  if (!file || !values.site) {
    console.error(USAGE);
    return 2;
  }
  const type = extname(file).toLowerCase();
  if (type !== '.csv' && type !== '.xlsx') {
    console.error(`${file}: only .csv and .xlsx files can be imported. Save the sheet as one of those and import that.`);
    return 2;
  }
  let rows: string[][];
  try {
    const bytes = readFileSync(file);
    if (type === '.xlsx') {
      rows = await readXlsx(new Uint8Array(bytes));
    } else if (bytes.includes(0)) {
      console.error(`${file}: this is not a text file, so it cannot be read as CSV.`);
      return 2;
    } else {
      rows = parseCsv(bytes.toString('utf8'));
    }
  } catch (error) {
    console.error(error instanceof CsvError ? `${file}, line ${error.line}: ${error.message}` : `${file}: ${(error as Error).message}`);
    return 2;
  }
  if (rows.every((cells) => cells.every((cell) => cell.trim() === ''))) {
    console.error(`${file}: the file is empty.`);
    return 2;
  }
  const headerRow = findHeaderRow(rows);
  if (headerRow === undefined) {
    console.error(`${file}: no header row was found. The import needs a row naming the columns, such as "Ref, Action, Responsible Officer, By When, RAG".`);
    return 2;
  }
  const saved = values.mapping ? (JSON.parse(readFileSync(values.mapping, 'utf8')) as IColumnMapping[]) : [];
  const mapping = suggestMapping(rows[headerRow], saved);
  if (values['save-mapping']) writeFileSync(values['save-mapping'], JSON.stringify(mapping, undefined, 2));

  const sp = emulatorSp(values.site, values.user ?? SITE_OWNER.email);
  try {
    const data = new SharePointPlanDataService(sp);
    const planId = values.plan ? Number(values.plan) : (await data.listPlans())[0]?.id;
    if (planId === undefined || Number.isNaN(planId)) {
      console.error('There is no plan on the site to import into: create one first, or give --plan.');
      return 2;
    }
    const snapshot = await data.loadPlan(planId);
    const plan = planImport(rows, mapping, headerRow, { scheme: snapshot.plan.statusScheme, priorities: snapshot.priorities, outcomes: snapshot.outcomes, actions: snapshot.actions });
    console.log(`Dry run: ${file} into "${snapshot.plan.title}" (plan ${planId}), header on row ${headerRow + 1}.`);
    console.log(formatReport(plan, mapping));
    if (!values['dry-run']) {
      const result = await new SharePointPlanImportService(sp).importPlan(planId, plan, todayIso());
      console.log(`Imported: ${JSON.stringify(result)}`);
    }
    return plan.rejectedRows.length > 0 || plan.problems.some((problem) => problem.row === 0) ? 1 : 0;
  } catch (error) {
    const failure = toPlanDataError(error);
    console.error(`The import stopped (${failure.kind}): ${failure.detail}. Run it again: rows already written are matched by ref and not duplicated.`);
    return 1;
  }
}

main().then((code) => process.exit(code));
