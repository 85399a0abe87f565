'use strict';
/**
 * CI (`.ci/run`), from a clean checkout: the README's test command with Chromium
 * required, then the package build (gulp bundle --ship fails on any lint warning), a
 * check that the .sppkg was built, and the first-render bundle budget.
 */
const { statSync } = require('node:fs');
const path = require('node:path');
const { ROOT, heading, mustPass, runNode, runNpm, runTool } = require('./project');

const PACKAGE = 'sharepoint/solution/send-improvement-plan.sppkg';

/** The package's size in bytes; 0 when it was not built. */
function packageSize() {
  try {
    return statSync(path.join(ROOT, PACKAGE)).size;
  } catch {
    return 0;
  }
}

mustPass(runNpm(['test', '--', '--require-chromium']));

heading('Package build (gulp bundle --ship fails on any lint warning)');
mustPass(runTool('gulp', 'gulp', ['clean']));
mustPass(runTool('gulp', 'gulp', ['bundle', '--ship']));
mustPass(runTool('gulp', 'gulp', ['package-solution', '--ship']));

const size = packageSize();
if (size === 0) {
  console.error(`FAIL: ${PACKAGE} was not built`);
  process.exit(1);
}
console.log(`Built ${PACKAGE} (${size} bytes)`);

heading('Bundle budget');
mustPass(runNode(['scripts/bundle-report.js']));
