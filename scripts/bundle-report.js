'use strict';
// Reports the shipped web part's size from the package build (the files the .sppkg
// carries, in sharepoint/solution/debug/ClientSideAssets) and fails past the budget.
// First render = the web part bundle and its strings; chunks load on demand.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');

// Issue 19's budget: 150 KB gzipped (146.7 KB measured once every tab but the summary,
// the action panel, list set-up and the import loaded on demand).
const FIRST_RENDER_BUDGET_GZIP = 150 * 1024;

const folder = join(__dirname, '..', 'sharepoint', 'solution', 'debug', 'ClientSideAssets');
let files;
try {
  files = readdirSync(folder).filter((name) => name.endsWith('.js'));
} catch {
  console.error(`No package build found in ${folder}: run gulp bundle --ship and gulp package-solution --ship first.`);
  process.exit(1);
}
let firstRender = 0;
const rows = files.map((name) => {
  const bytes = readFileSync(join(folder, name));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const onDemand = name.startsWith('chunk.');
  if (!onDemand) firstRender += gzip;
  return { name, raw: bytes.length, gzip, onDemand };
});
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log('Shipped scripts (raw, gzipped):');
for (const row of rows.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${row.onDemand ? 'on demand   ' : 'first render'}  ${kb(row.raw).padStart(9)}  ${kb(row.gzip).padStart(8)}  ${row.name}`);
console.log(`First render: ${kb(firstRender)} gzipped; budget ${kb(FIRST_RENDER_BUDGET_GZIP)}.`);
if (firstRender > FIRST_RENDER_BUDGET_GZIP) {
  console.error(`FAIL: the first render is ${kb(firstRender - FIRST_RENDER_BUDGET_GZIP)} over budget. Load the new weight on demand, or raise the budget on purpose.`);
  process.exit(1);
}
