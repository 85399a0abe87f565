/**
 * How long the import's CSV reading and dry run take for a large sheet (20,000 rows,
 * the size a council's whole-service plan history can reach), against a 2,000-row
 * sheet in the same run, so the figure reads as a ratio on a shared, noisy machine.
 *
 *   npm run bench
 */
import { formatCsv, parseCsv } from '../src/model/import/csv';
import { findHeaderRow, planImport, planImportInSlices } from '../src/model/import/dryRun';
import { suggestMapping } from '../src/model/import/mapping';
import { RAGC_SCHEME } from '../src/model/statusSchemes';

function sheet(count: number): string {
  const rows = [['Ref', 'Action', 'Responsible Officer', 'By When', 'RAG', 'Dec-23', 'Progress Update', 'Priority', 'Outcome']];
  for (let index = 1; index <= count; index++) {
    const priority = 1 + (index % 9);
    const outcome = 1 + (index % 7);
    rows.push([`${priority}.${outcome}.${index}`, `Action ${index} `.repeat(10), 'Officer', 'Sept 2024', 'Amber', 'Red', `Nov 2023: Started ${index}. Jan 2024: Half way.`, `${priority}: Priority ${priority}`, `Outcome ${outcome}`]);
  }
  return formatCsv(rows);
}

function measure(count: number): { megabytes: number; parseMs: number; dryRunMs: number } {
  const text = sheet(count);
  const started = performance.now();
  const rows = parseCsv(text);
  const parsed = performance.now();
  const header = findHeaderRow(rows) as number;
  const plan = planImport(rows, suggestMapping(rows[header]), header, { scheme: RAGC_SCHEME, priorities: [], outcomes: [], actions: [] });
  const done = performance.now();
  if (plan.actions.length !== count) throw new Error(`expected ${count} rows, got ${plan.actions.length}`);
  return { megabytes: text.length / 1e6, parseMs: parsed - started, dryRunMs: done - parsed };
}

/** The longest stretch the sliced dry run (as the web part runs it) keeps the thread busy between pauses. */
async function longestSlice(count: number): Promise<number> {
  const rows = parseCsv(sheet(count));
  const header = findHeaderRow(rows) as number;
  let longest = 0;
  let since = performance.now();
  await planImportInSlices(rows, suggestMapping(rows[header]), header, { scheme: RAGC_SCHEME, priorities: [], outcomes: [], actions: [] }, () => undefined, async () => {
    const now = performance.now();
    longest = Math.max(longest, now - since);
    await new Promise((resolve) => setTimeout(resolve, 0));
    since = performance.now();
  });
  return longest;
}

measure(2000); // warm up the JIT so the first figure is not mostly compilation
const small = measure(2000);
const large = measure(20000);
for (const [label, figures] of [['2,000 rows', small], ['20,000 rows', large]] as const) {
  console.log(`import ${label}: ${figures.megabytes.toFixed(1)} MB, parse ${figures.parseMs.toFixed(0)} ms, dry run ${figures.dryRunMs.toFixed(0)} ms`);
}
console.log(`ratio 20,000 / 2,000 rows (parse + dry run): ${((large.parseMs + large.dryRunMs) / (small.parseMs + small.dryRunMs)).toFixed(1)}x (10x is linear)`);
longestSlice(20000).then((ms) => console.log(`sliced dry run of 20,000 rows (as the web part runs it): longest busy stretch ${ms.toFixed(0)} ms, against ${large.dryRunMs.toFixed(0)} ms in one go`));
