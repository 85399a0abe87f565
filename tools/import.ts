/**
 * Imports a plan spreadsheet (CSV or Excel workbook) or Word document into a plan on a SharePoint site,
 * with the same engine the web part uses: into a new plan made for it, or into a plan
 * already on the site. Prints the dry run (the target plan, the status key, how each
 * column is read, every row's change and every problem with its row, column and value)
 * and, without --dry-run, writes the rows that passed. Run with --help for the options
 * and exit codes. Every failure is one line saying what and where, never a stack trace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { problemText } from '../src/components/problemText';
import { IFileRead, SpreadsheetFileError, readSpreadsheet } from '../src/formats/readSpreadsheet';
import { IImportContext, IImportPlan, IImportedAction, emptyImportPlan, planImport } from '../src/model/import/dryRun';
import { IKpiSheetPlan, chooseSheet, kpiSheets, planKpiSheets } from '../src/model/import/chooseSheet';
import { ITableRowPlace, tableRowPlace } from '../src/model/import/documentTables';
import { IImportedKpi, IKpiJson, analyseKpiSheet, kpiJson } from '../src/model/import/kpiSheet';
import { ColumnTarget, IColumnMapping, ISheetAnalysis, columnLetter } from '../src/model/import/mapping';
import { INewPlanProposal, proposePlan } from '../src/model/import/newPlan';
import { inferScheme } from '../src/model/import/schemeInference';
import { IImportProblem } from '../src/model/import/problems';
import { ISheet, isBlankRow } from '../src/model/import/sheet';
import { IsoDate, todayIso } from '../src/model/isoDate';
import { IKpi } from '../src/model/kpi';
import { IOutcome, IPriorityArea } from '../src/model/plan';
import { IPlanDate } from '../src/model/planDates';
import { IStatusScheme, labelForKey, schemeToText } from '../src/model/statusSchemes';
import { PlanDataError, toPlanDataError } from '../src/services/errors';
import { IImportResult } from '../src/services/IPlanImportService';
import { IKpiImportResult } from '../src/services/IKpiImportService';
import { IPlanSummary } from '../src/services/IPlanDataService';
import { SharePointPlanDataService } from '../src/services/SharePointPlanDataService';
import { SharePointPlanImportService } from '../src/services/SharePointPlanImportService';
import { SIGN_IN_HELP, SIGN_IN_OPTIONS, SignInError, SiteSignIn, argumentsProblem, readSignIn, signInArguments, signedInAs, signedInSp } from './signIn';
import * as strings from './strings';

/** Exit codes, as --help documents them. */
const EXIT = {
  /** Every row imported (or, in a dry run, would be). */
  allRows: 0,
  /** Some rows rejected, a file-wide problem, or rows someone else changed meanwhile (conflicts). */
  rowsLeft: 1,
  /** Bad arguments, or a file that cannot be used. */
  badInput: 2,
  /** The site could not be used: not reachable, not allowed, lists not set up. */
  site: 3
} as const;

const USAGE = `Usage: npm run import -- FILE --site URL [sign-in options] [options]

Imports a plan from a spreadsheet (CSV in UTF-8, UTF-16 or Windows-1252, comma,
semicolon or tab separated; an Excel workbook, .xlsx; or a Word document, .docx, whose
tables are read as sheets) into a plan on a SharePoint site. It always shows the dry run first: the plan it writes into, the status key, how
each column is read, what each row will change and every problem by row, column and
value. Without --dry-run it then writes the rows that passed.

  FILE                 the spreadsheet to import
  --new-plan NAME      import into a new plan with this name (its id is printed)
  --plan ID            import into the plan with this id, already on the site
                       (one of --new-plan or --plan is needed to write; a --dry-run
                       without either proposes a new plan named from the file)
  --area NAME          the new plan's local area (default: from the title above the table)
  --sheet NAME         the workbook's sheet to import (default: the first visible sheet
                       with a header row; the report names it)
  --dry-run            check and report only: nothing is written
  --json               print one JSON object on stdout instead of the report
  --mapping FILE       how to read each column, as saved by --save-mapping (a column
                       whose header it names is read as saved)
  --save-mapping FILE  save how each column was read, to edit or to reuse next time
  -h, --help           show this help

${SIGN_IN_HELP}

Exit codes:
  0  every row was imported (with --dry-run: would be)
  1  some rows were rejected, the file has a problem as a whole, or rows were changed
     by someone else while the import ran (run it again to finish them)
  2  bad arguments, or a file that cannot be used (the message says what and where)
  3  the site could not be used: not reachable, not allowed, or its lists not set up

--json prints one object on stdout:
  { file, sheet, headerRow (1-based), target: { plan: "new" | id, name, localArea },
    scheme: { source, labels: [ { label, meaning, found } ], unmatched: [ { value, found } ] },
    columns: [ { column: "A", header, readAs, confidence, samples } ],
    rows: [ { row, table, tableRow, change: "create" | "update" | "unchanged" | "rejected",
              action: { ref, text, priority, outcome, theme, strategicLead, responsibleOfficer,
                        deliveryPartners, resources, start, due, revisedDue, revisedDueReason,
                        desiredImpact, howWeWillKnow, status, history: [ { date, status } ],
                        tags, progress: [ { date, text } ], evidence: [ { url, description } ] } } ],
    newPriorities, newOutcomes, kpis: [ { sheet, row, ref, name, unit, baseline, milestones,
    measurements, change } ], problems: [ { sheet, row, table, tableRow, column, header, value,
    code, message, severity: "error" | "warning" } ], totals, result (when written) }
  Dates are ISO (YYYY-MM-DD) or null; start, due and revisedDue are { text, date } as
  written and as read. priority is "<number> <title>" as the plan will number and title
  it (the number alone when the sheet gives no title); outcome likewise, or null. status
  and history statuses are labels of the plan's status key. readAs is a field ("ref",
  "action", "status"...), "status at <date>", "progress at <date>", "tag <TAG>" or
  "ignored". A row of 0 is the file as a whole. From a Word document, table and tableRow
  say where a row is (1-based; a tableRow of 0 is the heading above the table; null for a
  spreadsheet), and sheet names the tables stitched into it. On exit 2 or 3 nothing is printed on
  stdout and the reason is one line on stderr.`;

/** A failure that ends the command: one line for the person, and the exit code. */
class Stop extends Error {
  public constructor(
    public readonly exitCode: number,
    message: string
  ) {
    super(message);
    this.name = 'Stop';
  }
}

interface ICommand {
  file: string;
  signIn: SiteSignIn;
  newPlan?: string;
  planId?: number;
  area?: string;
  sheet?: string;
  dryRun: boolean;
  json: boolean;
  mapping?: string;
  saveMapping?: string;
}

const SEE_HELP = 'See --help.';

/** The command's arguments, checked; undefined when --help was asked for. */
function parseCommand(args: string[]): ICommand | undefined {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (error) {
    throw new Stop(EXIT.badInput, `${argumentsProblem(error)} ${SEE_HELP}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return undefined;
  if (positionals.length === 0) throw new Stop(EXIT.badInput, `Give the spreadsheet to import. ${SEE_HELP}`);
  if (positionals.length > 1) throw new Stop(EXIT.badInput, `Give one spreadsheet at a time (found ${positionals.map((name) => `"${name}"`).join(', ')}). ${SEE_HELP}`);
  let signIn: SiteSignIn;
  try {
    signIn = readSignIn(values);
  } catch (error) {
    if (error instanceof SignInError) throw new Stop(EXIT.badInput, `${error.message} ${SEE_HELP}`);
    throw error;
  }
  if (values['new-plan'] !== undefined && values.plan !== undefined) throw new Stop(EXIT.badInput, `Give --new-plan or --plan, not both. ${SEE_HELP}`);
  if (values['new-plan'] !== undefined && values['new-plan'].trim() === '') throw new Stop(EXIT.badInput, '--new-plan needs the new plan\'s name.');
  let planId: number | undefined;
  if (values.plan !== undefined) {
    planId = Number(values.plan);
    if (!/^\d+$/.test(values.plan.trim()) || planId <= 0) throw new Stop(EXIT.badInput, `--plan "${values.plan}" is not a plan id (a whole number, as the web part's settings show it).`);
  }
  if (values.area !== undefined && planId !== undefined) throw new Stop(EXIT.badInput, '--area is the local area of a new plan; the plan given with --plan keeps its own.');
  if (!values['dry-run'] && values['new-plan'] === undefined && planId === undefined) {
    throw new Stop(EXIT.badInput, `Say where to import: --new-plan NAME or --plan ID (or check first with --dry-run). ${SEE_HELP}`);
  }
  return {
    file: positionals[0],
    signIn,
    newPlan: values['new-plan']?.trim(),
    planId,
    area: values.area?.trim(),
    sheet: values.sheet,
    dryRun: values['dry-run'] === true,
    json: values.json === true,
    mapping: values.mapping,
    saveMapping: values['save-mapping']
  };
}

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the type parseArgs infers from the options is the point
function parseOptions(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      ...SIGN_IN_OPTIONS,
      'new-plan': { type: 'string' },
      plan: { type: 'string' },
      area: { type: 'string' },
      sheet: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      mapping: { type: 'string' },
      'save-mapping': { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    }
  });
}

/** Where a file error is: the file (unless the message names it), then the sheet and cell when the reader names them. */
function fileErrorLine(file: string, error: SpreadsheetFileError): string {
  const message = problemText({ row: 0, code: error.code, params: error.params, severity: 'error' }, strings, 'FileError_');
  const place = message.indexOf(basename(file)) >= 0 ? [] : [file];
  if (error.sheet !== undefined && error.sheet !== basename(file)) place.push(`sheet ${error.sheet}`);
  if (error.row !== undefined && error.column !== undefined) place.push(`cell ${error.column}${error.row}`);
  else if (error.row !== undefined) place.push(`row ${error.row}`);
  else if (error.column !== undefined) place.push(`column ${error.column}`);
  return place.length > 0 ? `${place.join(', ')}: ${message}` : message;
}

function readBytes(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new Stop(EXIT.badInput, `${file}: no such file (${what}).`);
    if (code === 'EISDIR') throw new Stop(EXIT.badInput, `${file}: this is a folder, not a file (${what}).`);
    if (code === 'EACCES' || code === 'EPERM') throw new Stop(EXIT.badInput, `${file}: you may not read this file (${what}).`);
    throw new Stop(EXIT.badInput, `${file}: could not be read (${(error as Error).message}).`);
  }
}

async function readWorkbook(file: string): Promise<IFileRead> {
  const bytes = readBytes(file, 'the spreadsheet to import');
  try {
    return await readSpreadsheet(basename(file), new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    if (error instanceof SpreadsheetFileError) throw new Stop(EXIT.badInput, fileErrorLine(file, error));
    throw new Stop(EXIT.badInput, `${file}: could not be read (${(error as Error).message}).`);
  }
}

/** A saved mapping: a list of columns with their header and what each is read as. */
function readMapping(file: string): IColumnMapping[] {
  let saved: unknown;
  try {
    saved = JSON.parse(readBytes(file, 'the mapping').toString('utf8'));
  } catch (error) {
    if (error instanceof Stop) throw error;
    throw new Stop(EXIT.badInput, `${file}: the mapping is not valid JSON (${(error as Error).message}).`);
  }
  const entries = Array.isArray(saved) ? saved : [];
  const bad = entries.findIndex((entry: Partial<IColumnMapping>) => typeof entry?.column !== 'number' || typeof entry.header !== 'string' || typeof entry.target?.kind !== 'string');
  if (!Array.isArray(saved) || bad >= 0) {
    throw new Stop(EXIT.badInput, `${file}: not a mapping saved by --save-mapping${bad >= 0 ? ` (entry ${bad + 1} has no column, header or target)` : ''}.`);
  }
  return saved as IColumnMapping[];
}

function sheetList(sheets: readonly ISheet[]): string {
  return sheets.map((sheet) => `"${sheet.name}"${sheet.hidden ? ' (hidden)' : ''}`).join(', ');
}

const noHeader = 'no header row was found in the first 40 rows. The import needs a row naming the columns, such as "Ref, Action, Responsible officer, By when, RAG".';

interface IChosenSheet {
  sheet: ISheet;
  analysis: ISheetAnalysis;
}

/**
 * The sheet of actions (the one named, else the model's choice: the first visible sheet
 * with an actions header that is not a KPI scorecard); undefined when the file holds
 * only KPI scorecards, which then import on their own.
 */
function chooseActionSheet(file: string, read: IFileRead, wanted: string | undefined, saved: readonly IColumnMapping[]): IChosenSheet | undefined {
  const { sheets } = read;
  if (sheets.every((sheet) => sheet.rows.every(isBlankRow))) throw new Stop(EXIT.badInput, `${file}: ${problemText({ row: 0, code: 'emptyFile', params: [], severity: 'error' }, strings)}`);
  const chosen = chooseSheet(sheets, wanted, saved);
  if (!chosen) throw new Stop(EXIT.badInput, `${file}: there is no sheet "${String(wanted)}". Its sheets: ${sheetList(sheets)}.`);
  const { sheet, analysis } = chosen;
  if (analysis && (wanted !== undefined || analyseKpiSheet(sheet.rows) === undefined)) return { sheet, analysis };
  if (kpiSheets(sheets, undefined).length > 0 && wanted === undefined) return undefined;
  const where = wanted !== undefined ? `${file}, sheet ${sheet.name}` : read.format === 'csv' ? file : `${file} (sheets searched: ${sheetList(sheets.filter((candidate) => !candidate.hidden))})`;
  throw new Stop(EXIT.badInput, `${where}: ${noHeader}`);
}

/** Where the rows go, with what the plan has now (nothing, for a new plan). */
interface ITarget {
  context: IImportContext;
  proposal: INewPlanProposal;
  kpis: readonly IKpi[];
  planStart?: IsoDate;
}

async function resolveTarget(command: ICommand, plans: readonly IPlanSummary[], data: SharePointPlanDataService, chosen: IChosenSheet | undefined): Promise<ITarget> {
  const propose = (scheme?: IStatusScheme): INewPlanProposal =>
    chosen ? proposePlan(basename(command.file), chosen.sheet.rows, chosen.analysis, chosen.analysis.columns, scheme) : { name: basename(command.file).replace(/\.[a-z0-9]+$/i, ''), localArea: '', scheme: inferScheme([], scheme), reportingDates: [] };
  if (command.planId !== undefined) {
    if (!plans.some((plan) => plan.id === command.planId)) {
      const known = plans.length > 0 ? `Its plans: ${plans.map((plan) => `${plan.id} "${plan.title}"`).join(', ')}.` : 'It has no plans yet: use --new-plan NAME.';
      throw new Stop(EXIT.badInput, `There is no plan ${command.planId} on ${command.signIn.site}. ${known}`);
    }
    const snapshot = await data.loadPlan(command.planId);
    const scheme = snapshot.plan.statusScheme;
    return {
      context: { target: { kind: 'existing', planId: command.planId, name: snapshot.plan.title }, scheme, priorities: snapshot.priorities, outcomes: snapshot.outcomes, actions: snapshot.actions },
      proposal: propose(scheme),
      kpis: snapshot.kpis,
      planStart: snapshot.plan.startDate
    };
  }
  const proposal = propose();
  const name = command.newPlan ?? proposal.name;
  return {
    context: { target: { kind: 'new', name, localArea: command.area ?? proposal.localArea }, scheme: proposal.scheme.scheme, priorities: [], outcomes: [], actions: [] },
    proposal: { ...proposal, name },
    kpis: []
  };
}

/** What a column is read as, in words scripts can test: "ref", "status at 2023-06-30", "tag SEF", "ignored". */
function readAs(target: ColumnTarget): string {
  switch (target.kind) {
    case 'field':
      return target.field;
    case 'statusAt':
      return `status at ${target.date}`;
    case 'progressAt':
      return `progress at ${target.date}`;
    case 'tag':
      return `tag ${target.tag}`;
    default:
      return 'ignored';
  }
}

/** The same, as the web part labels it. */
function readAsLabel(target: ColumnTarget): string {
  if (target.kind === 'field') return strings[`ImportField_${target.field}`] ?? target.field;
  if (target.kind === 'ignore') return strings.ImportIgnore;
  return readAs(target);
}

/** Priorities and outcomes by number, as the plan will number and title them. */
class PlanNames {
  private readonly priorities = new Map<string, string>();
  private readonly outcomes = new Map<string, string>();

  public constructor(plan: IImportPlan, priorities: readonly IPriorityArea[], outcomes: readonly IOutcome[]) {
    const priorityNumber = new Map(priorities.map((priority) => [priority.id, priority.number]));
    for (const priority of [...priorities, ...plan.newPriorities]) this.priorities.set(priority.number, priority.title);
    for (const outcome of outcomes) this.outcomes.set(`${priorityNumber.get(outcome.priorityId)}|${outcome.number}`, outcome.title);
    for (const outcome of plan.newOutcomes) this.outcomes.set(`${outcome.priority}|${outcome.number}`, outcome.title);
  }

  public priority(number: string): string {
    return `${number} ${this.priorities.get(number) ?? ''}`.trim();
  }

  public outcome(priority: string, number: string | undefined): string | undefined {
    return number === undefined ? undefined : `${number} ${this.outcomes.get(`${priority}|${number}`) ?? ''}`.trim();
  }
}

/** Everything the run found, for either report. */
interface IRun {
  command: ICommand;
  read: IFileRead;
  /** Undefined when the file holds only KPI scorecards. */
  chosen?: IChosenSheet;
  target: ITarget;
  plan: IImportPlan;
  kpiSheets: IKpiSheetPlan[];
  names: PlanNames;
  result?: IWriteResult;
}

interface IWriteResult {
  planId: number;
  createdPlan: boolean;
  import: IImportResult;
  /** What the KPI sheets wrote, when the file has any. */
  kpis?: IKpiImportResult;
}

function rowsInSheetOrder(plan: IImportPlan): IImportedAction[] {
  return [...plan.actions, ...plan.rejected].sort((a, b) => a.row - b.row);
}

/** A problem with its sheet and, in a document, the table and row it is in. */
type ISheetProblem = IImportProblem & { sheet: string; place?: ITableRowPlace };

function allProblems(run: IRun): ISheetProblem[] {
  const sheet = run.chosen?.sheet;
  return [
    ...run.plan.problems.map((problem) => ({ ...problem, sheet: sheet?.name ?? '', place: sheet && problem.row > 0 ? tableRowPlace(sheet, problem.row) : undefined })),
    ...run.kpiSheets.reduce<ISheetProblem[]>((all, kpiSheet) => all.concat(kpiSheet.problems.map((problem) => ({ ...problem, sheet: kpiSheet.sheet }))), [])
  ];
}

function totals(run: IRun): Record<string, number> {
  const count = (change: string): number => run.plan.actions.filter((action) => action.change === change).length;
  return {
    create: count('create'),
    update: count('update'),
    unchanged: count('unchanged'),
    rejected: run.plan.rejectedRows.length,
    newPriorities: run.plan.newPriorities.length,
    newOutcomes: run.plan.newOutcomes.length,
    kpis: run.kpiSheets.reduce((sum, sheet) => sum + sheet.kpis.length, 0),
    kpisRejected: run.kpiSheets.reduce((sum, sheet) => sum + sheet.rejectedRows.length, 0)
  };
}

function statusLabel(scheme: IStatusScheme, key: string | undefined): string | undefined {
  return key === undefined ? undefined : labelForKey(scheme, key)?.label ?? key;
}

/* eslint-disable @rushstack/no-new-null -- JSON for scripts: a missing value is null, as --help says. */
function dateJson(date: IPlanDate | undefined): { text: string; date: IsoDate | null } {
  return { text: date?.text ?? '', date: date?.date ?? null };
}

function actionJson(action: IImportedAction, run: IRun): Record<string, unknown> {
  const { scheme } = run.target.context;
  return {
    ref: action.ref,
    text: action.text,
    priority: run.names.priority(action.priority),
    outcome: run.names.outcome(action.priority, action.outcome) ?? null,
    theme: action.theme ?? null,
    strategicLead: action.strategicLead ?? null,
    responsibleOfficer: action.responsibleOfficer ?? null,
    deliveryPartners: action.deliveryPartners,
    resources: action.resources ?? null,
    start: dateJson(action.start),
    due: dateJson(action.due),
    revisedDue: action.revisedDue ? dateJson(action.revisedDue) : null,
    revisedDueReason: action.revisedDueReason ?? null,
    desiredImpact: action.desiredImpact ?? null,
    howWeWillKnow: action.howWeWillKnow ?? null,
    status: statusLabel(scheme, action.status) ?? null,
    history: action.history.map((entry) => ({ date: entry.date, status: statusLabel(scheme, entry.status) ?? entry.status })),
    tags: action.tags,
    progress: action.updates.map((update) => ({ date: update.date ?? null, text: update.text })),
    evidence: action.evidence.map((link) => ({ url: link.url, description: link.description }))
  };
}

function jsonReport(run: IRun): Record<string, unknown> {
  const { target, chosen, plan } = run;
  const context = target.context;
  return {
    file: run.command.file,
    format: run.read.format,
    encoding: run.read.encoding ?? null,
    sheet: chosen?.sheet.name ?? null,
    headerRow: chosen ? chosen.analysis.headerRow + 1 : null,
    target: context.target.kind === 'new' ? { plan: 'new', name: context.target.name, localArea: context.target.localArea } : { plan: context.target.planId, name: context.target.name },
    scheme: {
      source: target.proposal.scheme.source,
      labels: target.proposal.scheme.labels.map((label) => ({ label: label.label, meaning: label.meaning, found: label.found })),
      unmatched: target.proposal.scheme.unmatched
    },
    reportingDates: target.proposal.reportingDates,
    columns: (chosen?.analysis.columns ?? []).map((column) => ({ column: columnLetter(column.column), header: column.header, readAs: readAs(column.target), confidence: column.confidence, samples: column.samples })),
    newPriorities: plan.newPriorities.map((priority) => run.names.priority(priority.number)),
    newOutcomes: plan.newOutcomes.map((outcome) => ({ priority: run.names.priority(outcome.priority), outcome: run.names.outcome(outcome.priority, outcome.number) })),
    rows: rowsInSheetOrder(plan).map((action) => ({ row: action.row, ...tableJson(run.chosen && tableRowPlace(run.chosen.sheet, action.row)), change: action.change, action: actionJson(action, run) })),
    kpis: run.kpiSheets.reduce<Array<IKpiJson & { sheet: string }>>((all, sheet) => all.concat(sheet.kpis.map((kpi) => ({ sheet: sheet.sheet, ...kpiJson(kpi) }))), []),
    problems: allProblems(run).map((problem) => ({
      sheet: problem.sheet,
      row: problem.row,
      ...tableJson(problem.place),
      column: problem.column ?? null,
      header: problem.header ?? null,
      value: problem.value ?? null,
      code: problem.code,
      message: problemText(problem, strings),
      severity: problem.severity
    })),
    totals: totals(run),
    ...(run.result ? { result: { plan: run.result.planId, createdPlan: run.result.createdPlan, ...run.result.import, kpis: run.result.kpis ?? null } } : {})
  };
}
/* eslint-enable @rushstack/no-new-null */

/** A document's table and row for a sheet row, or nulls (a spreadsheet's rows, a document's title rows). */
function tableJson(place: ITableRowPlace | undefined): { table: number | null; tableRow: number | null } {
  return { table: place?.table ?? null, tableRow: place?.row ?? null };
}

function cells(count: number): string {
  return `${count} ${count === 1 ? 'cell' : 'cells'}`;
}

function quoted(value: string): string {
  return `"${value.replace(/\s+/g, ' ')}"`;
}

/** Where a row is: its table and row in a document (0 is the heading above the table), else its row. */
function rowName(row: number, place: ITableRowPlace | undefined): string {
  if (!place) return `row ${row}`;
  return place.row === 0 ? `heading above table ${place.table}` : `table ${place.table}, row ${place.row}`;
}

function problemLine(problem: ISheetProblem, multipleSheets: boolean): string {
  const where = [problem.row > 0 ? rowName(problem.row, problem.place) : 'file'];
  if (multipleSheets) where.unshift(`sheet ${problem.sheet}`);
  if (problem.column) where.push(`column ${problem.column}${problem.header ? ` (${problem.header})` : ''}`);
  if (problem.value !== undefined && problem.value !== '') where.push(`value ${quoted(problem.value.length > 80 ? `${problem.value.slice(0, 79)}…` : problem.value)}`);
  return `  ${problem.severity} ${where.join(', ')}: ${problemText(problem, strings)}`;
}

function rowLine(action: IImportedAction, sheet: ISheet | undefined): string {
  const logged = action.history.length + action.updates.length > 0 ? ` (${action.history.length} status history, ${action.updates.length} progress entries)` : '';
  const text = action.text.length > 60 ? `${action.text.slice(0, 59)}…` : action.text;
  return `  ${rowName(action.row, sheet && tableRowPlace(sheet, action.row))}: ${action.ref} ${action.change}${logged} ${quoted(text)}`;
}

function textReport(run: IRun): string {
  const { command, read, chosen, target, plan } = run;
  const context = target.context;
  const how =
    read.format === 'csv' ? ` (CSV, ${read.encoding ?? 'utf-8'}, ${read.separator === '\t' ? 'tab' : read.separator === ';' ? 'semicolon' : 'comma'}-separated)` : read.format === 'docx' ? ' (Word document, its tables read as sheets)' : ' (Excel workbook)';
  const where = chosen ? `sheet "${chosen.sheet.name}", header on row ${chosen.analysis.headerRow + 1}` : 'KPI scorecards only';
  const lines = [`${command.dryRun ? 'Dry run of' : 'Importing'} ${command.file}${how}, ${where}`];
  lines.push(context.target.kind === 'new' ? `into a new plan "${context.target.name}" (local area ${context.target.localArea || 'not given: use --area'})` : `into plan ${context.target.planId} "${context.target.name}"`);
  if (read.sheets.length > 1) lines.push(`Sheets in the file: ${sheetList(read.sheets)}.`);
  if (read.format === 'docx') for (const table of read.leftOut) lines.push(`Table ${table.table} is left out: it is ${table.kind === 'glossary' ? 'a glossary of roles or abbreviations' : 'the status key'}.`);
  const sources = { plan: "the plan's own", preset: 'a preset key that covers the values found', custom: 'made from the words found' };
  lines.push(`Status key (${sources[target.proposal.scheme.source]}):`);
  target.proposal.scheme.scheme.labels.forEach((label, index) => {
    const found = target.proposal.scheme.labels[index]?.found ?? 0;
    lines.push(`  ${schemeToText({ ...target.proposal.scheme.scheme, labels: [label] })} (${cells(found)})`);
  });
  if (target.proposal.scheme.unmatched.length > 0) lines.push(`  Not in the key: ${target.proposal.scheme.unmatched.map((entry) => `${quoted(entry.value)} (${cells(entry.found)})`).join(', ')}`);
  if (context.target.kind === 'new' && target.proposal.reportingDates.length > 0) lines.push(`Board dates (from the dated status columns): ${target.proposal.reportingDates.join(', ')}`);
  if (chosen) lines.push('Columns:');
  for (const column of chosen?.analysis.columns ?? []) {
    const samples = column.samples.length > 0 ? `, e.g. ${column.samples.map(quoted).join(', ')}` : '';
    lines.push(`  ${columnLetter(column.column)} ${column.header || '(blank)'} -> ${readAsLabel(column.target)} (${Math.round(column.confidence * 100)}% sure${samples})`);
  }
  if (plan.newPriorities.length > 0) lines.push('Priority areas to create:', ...plan.newPriorities.map((priority) => `  ${run.names.priority(priority.number)}`));
  if (plan.newOutcomes.length > 0) lines.push('Outcomes to create:', ...plan.newOutcomes.map((outcome) => `  ${run.names.outcome(outcome.priority, outcome.number) ?? ''} (priority ${outcome.priority})`));
  if (chosen) lines.push('Rows:', ...rowsInSheetOrder(plan).map((action) => rowLine(action, chosen.sheet)));
  for (const sheet of run.kpiSheets) {
    lines.push(`KPIs on sheet "${sheet.sheet}":`, ...sheet.kpis.map((kpi) => `  row ${kpi.row}: ${kpi.ref} ${kpi.change} ${quoted(kpi.name)} (${kpi.milestones.length} milestones, ${kpi.measurements.length} measurements)`));
  }
  const problems = allProblems(run);
  if (problems.length > 0) lines.push('Problems:', ...problems.map((problem) => problemLine(problem, run.kpiSheets.length > 0)));
  const sum = totals(run);
  lines.push(
    `${sum.create} actions to create, ${sum.update} to update, ${sum.unchanged} unchanged, ${sum.rejected} rows rejected; ${sum.newPriorities} new priority areas, ${sum.newOutcomes} new outcomes` +
      (sum.kpis + sum.kpisRejected > 0 ? `; ${sum.kpis} KPIs read, ${sum.kpisRejected} KPI rows rejected.` : '.')
  );
  if (!run.result) {
    lines.push('Nothing has been written.');
    return lines.join('\n');
  }
  const { result } = run;
  const written = result.import;
  lines.push(
    `${result.createdPlan ? `Created plan ${result.planId} "${context.target.name}": choose it in the web part's settings to see it.` : `Written into plan ${result.planId}.`}`,
    `Written: ${written.createdPriorities} priority areas, ${written.createdOutcomes} outcomes, ${written.createdActions} actions created, ${written.updatedActions} updated, ${written.unchangedActions} unchanged, ${written.addedLogEntries} log entries added.`
  );
  if (written.conflicts.length > 0) lines.push(`Changed by someone else while the import ran, left as they are (run the import again to finish them): ${written.conflicts.join(', ')}`);
  if (result.kpis) {
    const kpis = result.kpis;
    lines.push(`KPIs written: ${kpis.createdKpis} created, ${kpis.updatedKpis} updated, ${kpis.unchangedKpis} unchanged; ${kpis.addedMeasurements} measurements added, ${kpis.updatedMeasurements} updated.`);
    if (kpis.conflicts.length > 0) lines.push(`KPIs changed by someone else while the import ran, left as they are (run the import again to finish them): ${kpis.conflicts.join(', ')}`);
  }
  return lines.join('\n');
}

/** What to do about a site that cannot be used, in one line. */
function siteErrorLine(failure: PlanDataError, command: ICommand): string {
  const site = command.signIn.site;
  // MSAL's messages go on over lines (trace and correlation ids): the first says what happened.
  const detail = failure.detail.split('\n')[0].trim();
  switch (failure.kind) {
    case 'network':
      return `${site} could not be reached (${detail}). Check the address, the network, and that the site is running.`;
    case 'forbidden':
      return `${signedInAs(command.signIn)} may not use the plan lists on ${site} (${detail}). Ask a site owner for Edit permission, or sign in as someone who has it.`;
    case 'notSetUp':
      return `The plan lists are not set up on ${site}. Set them up first, as a site owner: npm run provision -- ${signInArguments(command.signIn)}.`;
    case 'notFound':
      return `${site} was not found (${detail}). Check the site's address.`;
    case 'throttled':
      return `SharePoint is asking for fewer requests just now (${detail}). Wait a few minutes and run the import again.`;
    default:
      return `SharePoint refused the import (${failure.kind}: ${detail}).`;
  }
}

/** Who the log entries the import adds name: the emulator's user by e-mail; on a tenant, the signed-in account's name (an app's, for a certificate). */
async function whoImports(signIn: SiteSignIn, data: SharePointPlanDataService): Promise<string> {
  return signIn.kind === 'emulator' ? signIn.user : (await data.currentUser()).displayName;
}

/** Writes to stdout and waits until it is out, so exiting does not cut a long report short. */
function print(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(`${text}\n`, () => resolve()));
}

async function run(args: string[]): Promise<number> {
  const command = parseCommand(args);
  if (!command) {
    await print(USAGE);
    return EXIT.allRows;
  }
  const saved = command.mapping ? readMapping(command.mapping) : [];
  const read = await readWorkbook(command.file);
  const chosen = chooseActionSheet(command.file, read, command.sheet, saved);
  if (command.saveMapping) {
    if (!chosen) throw new Stop(EXIT.badInput, `${command.file}: the file holds only KPI scorecards, so there is no mapping of action columns to save.`);
    const mapping: IColumnMapping[] = chosen.analysis.columns.map(({ column, header, target }) => ({ column, header, target }));
    try {
      writeFileSync(command.saveMapping, `${JSON.stringify(mapping, undefined, 2)}\n`);
    } catch (error) {
      throw new Stop(EXIT.badInput, `${command.saveMapping}: the mapping could not be saved (${(error as Error).message}).`);
    }
  }

  let stage = 'sign in';
  try {
    const sp = await signedInSp(command.signIn, (line) => console.error(line));
    const data = new SharePointPlanDataService(sp);
    stage = 'read the site';
    const plans = await data.listPlans();
    const target = await resolveTarget(command, plans, data, chosen);
    const plan = chosen ? planImport(chosen.sheet.rows, chosen.analysis.columns, chosen.analysis.headerRow, target.context) : emptyImportPlan(target.context.target);
    const kpiSheetsRead = planKpiSheets(read.sheets, chosen?.sheet, target.kpis, target.planStart);
    const outcome: IRun = { command, read, chosen, target, plan, kpiSheets: kpiSheetsRead, names: new PlanNames(plan, target.context.priorities, target.context.outcomes) };
    const sameName = plans.find((existing) => target.context.target.kind === 'new' && existing.title.trim().toLowerCase() === target.context.target.name.trim().toLowerCase());
    if (sameName) console.error(`Note: plan ${sameName.id} on the site is also called "${sameName.title}"; use --plan ${sameName.id} to import into it instead.`);

    const kpis = kpiSheetsRead.reduce<IImportedKpi[]>((all, sheet) => all.concat(sheet.kpis), []);
    if (!command.dryRun) {
      if (plan.actions.length === 0 && kpis.length === 0) {
        console.error('No row can be imported, so nothing was written: see the problems.');
      } else {
        const service = new SharePointPlanImportService(sp);
        const context = target.context;
        stage = 'write the plan';
        const planId = context.target.kind === 'existing' ? context.target.planId : await service.createPlan({ name: context.target.name, localArea: context.target.localArea, scheme: context.scheme, reportingDates: target.proposal.reportingDates });
        stage = `write into plan ${planId} (rows already written are matched when the import is run again)`;
        outcome.result = { planId, createdPlan: context.target.kind === 'new', import: await service.importPlan(planId, plan, { date: todayIso(), by: await whoImports(command.signIn, data) }) };
        if (kpis.length > 0) outcome.result.kpis = await service.importKpis(planId, kpis);
      }
    }
    await print(command.json ? JSON.stringify(jsonReport(outcome), undefined, 2) : textReport(outcome));
    const fileProblem = plan.problems.some((problem) => problem.row === 0 && problem.severity === 'error');
    const rowsLeft = plan.rejectedRows.length > 0 || fileProblem || (outcome.result?.import.conflicts.length ?? 0) > 0 || kpiSheetsRead.some((sheet) => sheet.rejectedRows.length > 0) || (outcome.result?.kpis?.conflicts.length ?? 0) > 0;
    return rowsLeft || (!command.dryRun && plan.actions.length === 0 && kpis.length === 0) ? EXIT.rowsLeft : EXIT.allRows;
  } catch (error) {
    if (error instanceof Stop) throw error;
    if (error instanceof SignInError) throw new Stop(EXIT.badInput, error.message);
    const failure = toPlanDataError(error);
    throw new Stop(EXIT.site, `Could not ${stage}: ${siteErrorLine(failure, command)}`);
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof Stop) {
      console.error(error.message);
      process.exit(error.exitCode);
    }
    console.error(`The import stopped: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(EXIT.badInput);
  }
);
