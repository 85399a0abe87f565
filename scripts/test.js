'use strict';
/**
 * The test commands.
 *   npm test                  type-check (src as the SPFx build compiles it, for ES2019;
 *                             then src, emulator and tests), build the local host page,
 *                             run every jest project, end with one line "N passed, M failed"
 *   npm run test:unit         the unit project (model, services' mapping, components)
 *   npm run test:integration  the emulator's own tests and the integration tests over HTTP
 *   npm run test:browser      build the local host page, then the browser tests in Chromium
 * Each installs the npm packages first when package-lock.json changed; those that run
 * browser tests find Chromium (or install Debian's). Without Chromium, `npm test` skips
 * only the browser tests and says what to install; `--require-chromium` (CI) fails instead.
 * Other arguments go to jest: `npm run test:unit -- tests/unit/model/isoDate.test.ts`.
 */
const { existsSync, mkdirSync, rmSync } = require('node:fs');
const path = require('node:path');
const { ensureDeps } = require('./ensure-deps');
const { CHROMIUM_VARIABLE, ensureChromium } = require('./ensure-chromium');
const { ROOT, heading, mustPass, runNode, runTool, stepEnvironment } = require('./project');

/** The jest projects (jest.config.js) each layer runs. */
const LAYERS = { unit: ['unit'], integration: ['emulator', 'integration'], browser: ['browser'] };
const ALL_PROJECTS = ['unit', 'emulator', 'integration', 'browser'];

function parseArguments(args) {
  const layerOption = args.find((arg) => arg.startsWith('--layer='));
  const layer = layerOption ? layerOption.slice('--layer='.length) : undefined;
  if (layer !== undefined && !LAYERS[layer]) {
    console.error(`Unknown test layer "${layer}": use one of ${Object.keys(LAYERS).join(', ')}.`);
    process.exit(2);
  }
  return {
    layer,
    requireChromium: args.includes('--require-chromium'),
    jestArgs: args.filter((arg) => arg !== layerOption && arg !== '--require-chromium')
  };
}

function main() {
  const { layer, requireChromium, jestArgs } = parseArguments(process.argv.slice(2));
  mustPass(ensureDeps());

  const wantsBrowser = layer === undefined || layer === 'browser';
  const chromium = wantsBrowser ? ensureChromium() : {};
  if (chromium.problem && (layer === 'browser' || requireChromium)) {
    console.error(`Cannot run the browser tests: ${chromium.problem}`);
    process.exit(1);
  }
  const skippedBrowser = wantsBrowser && chromium.problem ? `Browser tests skipped: ${chromium.problem}` : undefined;
  if (skippedBrowser) console.warn(skippedBrowser);

  if (layer === undefined) {
    heading('Type-check (src as the SPFx build compiles it, for ES2019; then src, emulator and tests)');
    mustPass(runTool('typescript', 'tsc', ['--noEmit', '-p', 'tsconfig.json']));
    mustPass(runTool('typescript', 'tsc', ['--noEmit', '-p', 'tsconfig.jest.json']));
  }
  if (wantsBrowser) {
    heading('Build the local host page (the browser tests load it)');
    mustPass(runNode(['scripts/build-host.js']));
  }

  const projects = layer ? LAYERS[layer] : ALL_PROJECTS.filter((project) => !(project === 'browser' && skippedBrowser));
  const env = stepEnvironment(chromium.executable ? { [CHROMIUM_VARIABLE]: chromium.executable } : {});
  // --selectProjects takes every word after it, so it goes last.
  const jest = (extra) => runTool('jest', 'jest', [...extra, ...jestArgs, '--selectProjects', ...projects], { env });
  if (layer) process.exit(jest([]));

  heading('Tests');
  const results = path.join(ROOT, 'artifacts', 'jest.json');
  mkdirSync(path.dirname(results), { recursive: true });
  rmSync(results, { force: true });
  const status = jest(['--ci', '--json', `--outputFile=${results}`]);
  // No results when jest could not start; its own message says why.
  if (existsSync(results)) runNode(['scripts/summarise-jest.js', results]);
  if (skippedBrowser) console.warn(skippedBrowser);
  process.exit(status);
}

main();
