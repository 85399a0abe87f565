'use strict';
/**
 * Installs the project's npm dependencies (Node 22 among them) when node_modules is
 * missing or was installed from another package-lock.json. Safe to run every time:
 * it does nothing when the install is current. `node scripts/ensure-deps.js`, or
 * required by the start, test and CI scripts.
 */
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { IS_WINDOWS, PROJECT_NODE, ROOT, hasProjectNode, runNpm } = require('./project');

/** The hash of the package-lock.json the last install came from. */
const STAMP = path.join(ROOT, 'node_modules', '.install-stamp');

/** Whether this is Windows and the project's own Node (npm puts node_modules/.bin first on its scripts' PATH) runs this script. */
function runsOnProjectNodeOnWindows() {
  return IS_WINDOWS && path.resolve(process.execPath).toLowerCase() === path.resolve(PROJECT_NODE).toLowerCase();
}

/** Installs with `npm ci` unless the install is current; returns npm's exit status (0 when nothing was needed). */
function ensureDeps() {
  const want = createHash('sha256').update(readFileSync(path.join(ROOT, 'package-lock.json'))).digest('hex');
  const have = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
  if (have === want && hasProjectNode()) return 0;
  if (runsOnProjectNodeOnWindows()) {
    // Windows cannot delete a running program, so npm ci would stop halfway through node_modules.
    console.error('package-lock.json changed since the last install, and this runs on the Node inside node_modules, which Windows cannot replace while it runs. Run `node scripts/ensure-deps.js` from a terminal (your own Node installs the packages), then this command again.');
    return 1;
  }
  console.log('Installing dependencies (npm ci, a few minutes on a fresh machine)...');
  const status = runNpm(['ci', '--no-audit', '--no-fund', '--loglevel=error']);
  if (status === 0) writeFileSync(STAMP, `${want}\n`);
  else console.error(`npm ci failed (exit status ${status}); its messages above say why.`);
  return status;
}

module.exports = { ensureDeps };

if (require.main === module) process.exit(ensureDeps());
