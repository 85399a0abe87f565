/**
 * How long the import's reading and dry run take for a large sheet (20,000 rows, the
 * size a council's whole-service plan history can reach), against a 2,000-row sheet in
 * the same run, so the figure reads as a ratio on a shared, noisy machine. The sheet is
 * read both as CSV and as an .xlsx workbook written by the export's writer.
 *
 *   npm run bench
 */
import { formatCsv } from '../src/formats/csvWrite';
import { readSpreadsheet } from '../src/formats/readSpreadsheet';
import { writeXlsx } from '../src/formats/xlsxWrite';
import { IImportContext, planImport, planImportInSlices } from '../src/model/import/dryRun';
import { ISheetAnalysis, analyseSheet } from '../src/model/import/mapping';
import { RAGC_SCHEME } from '../src/model/statusSchemes';

const CONTEXT: IImportContext = { target: { kind: 'new', name: 'Bench plan', localArea: 'Bench' }, scheme: RAGC_SCHEME, priorities: [], outcomes: [], actions: [] };

function sheet(count: number): string[][] {
  const rows = [['Ref', 'Action', 'Responsible Officer', 'By When', 'RAG', 'Dec-23', 'Progress Update', 'Priority', 'Outcome']];
  for (let index = 1; index <= count; index++) {
    const priority = 1 + (index % 9);
    const outcome = 1 + (index % 7);
    rows.push([`${priority}.${outcome}.${index}`, `Action ${index} `.repeat(10), 'Officer', 'Sept 2024', 'Amber', 'Red', `Nov 2023: Started ${index}. Jan 2024: Half way.`, `${priority}: Priority ${priority}`, `Outcome ${outcome}`]);
  }
  return rows;
}

function analysed(rows: string[][]): ISheetAnalysis {
  const analysis = analyseSheet(rows);
  if (analysis === undefined) throw new Error('the bench sheet has no header row');
  return analysis;
}

interface IFigures {
  megabytes: number;
  csvReadMs: number;
  xlsxReadMs: number;
  dryRunMs: number;
  /** The same rows without refs, under headings: every action is given its ref from its place. */
  noRefDryRunMs: number;
}

/** The sheet as a plan without refs writes it: a heading row per priority, then its actions. */
function withoutRefs(rows: string[][]): string[][] {
  const body = rows.slice(1).map((cells) => cells.slice(1, 7));
  const out = [rows[0].slice(1, 7)];
  body.forEach((cells, index) => {
    if (index % 5000 === 0) out.push([`Priority ${1 + index / 5000}: Area ${1 + index / 5000}`]);
    out.push(cells);
  });
  return out;
}

async function measure(count: number): Promise<IFigures> {
  const rows = sheet(count);
  const csv = new TextEncoder().encode(formatCsv(rows));
  const xlsx = writeXlsx(rows);
  let started = performance.now();
  const fromCsv = (await readSpreadsheet('bench.csv', csv)).sheets[0].rows;
  const csvReadMs = performance.now() - started;
  started = performance.now();
  const fromXlsx = (await readSpreadsheet('bench.xlsx', xlsx)).sheets[0].rows;
  const xlsxReadMs = performance.now() - started;
  if (fromXlsx.length !== fromCsv.length) throw new Error(`the workbook read ${fromXlsx.length} rows, the CSV ${fromCsv.length}`);
  started = performance.now();
  const analysis = analysed(fromCsv);
  const plan = planImport(fromCsv, analysis.columns, analysis.headerRow, CONTEXT);
  const dryRunMs = performance.now() - started;
  if (plan.actions.length !== count) throw new Error(`expected ${count} rows, got ${plan.actions.length}`);
  const noRefs = withoutRefs(rows);
  started = performance.now();
  const noRefAnalysis = analysed(noRefs);
  const noRefPlan = planImport(noRefs, noRefAnalysis.columns, noRefAnalysis.headerRow, CONTEXT);
  const noRefDryRunMs = performance.now() - started;
  if (noRefPlan.actions.length !== count) throw new Error(`expected ${count} rows without refs, got ${noRefPlan.actions.length}`);
  return { megabytes: csv.length / 1e6, csvReadMs, xlsxReadMs, dryRunMs, noRefDryRunMs };
}

/** The longest stretch the sliced dry run (as the web part runs it) keeps the thread busy between pauses. */
async function longestSlice(count: number): Promise<number> {
  const rows = sheet(count);
  const analysis = analysed(rows);
  let longest = 0;
  let since = performance.now();
  await planImportInSlices(rows, analysis.columns, analysis.headerRow, CONTEXT, () => undefined, async () => {
    const now = performance.now();
    longest = Math.max(longest, now - since);
    await new Promise((resolve) => setTimeout(resolve, 0));
    since = performance.now();
  });
  return longest;
}

async function main(): Promise<void> {
  await measure(2000); // warm up the JIT so the first figure is not mostly compilation
  const small = await measure(2000);
  const large = await measure(20000);
  for (const [label, figures] of [['2,000 rows', small], ['20,000 rows', large]] as const) {
    console.log(
      `import ${label}: ${figures.megabytes.toFixed(1)} MB as CSV, read CSV ${figures.csvReadMs.toFixed(0)} ms, read .xlsx ${figures.xlsxReadMs.toFixed(0)} ms, dry run ${figures.dryRunMs.toFixed(0)} ms, dry run without refs ${figures.noRefDryRunMs.toFixed(0)} ms`
    );
  }
  const ratio = (pick: (figures: IFigures) => number): string => (pick(large) / pick(small)).toFixed(1);
  console.log(`ratio 20,000 / 2,000 rows (10x is linear): read CSV ${ratio((f) => f.csvReadMs)}x, read .xlsx ${ratio((f) => f.xlsxReadMs)}x, dry run ${ratio((f) => f.dryRunMs)}x, without refs ${ratio((f) => f.noRefDryRunMs)}x`);
  const sliced = await longestSlice(20000);
  console.log(`sliced dry run of 20,000 rows (as the web part runs it): longest busy stretch ${sliced.toFixed(0)} ms, against ${large.dryRunMs.toFixed(0)} ms in one go`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
