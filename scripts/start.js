'use strict';
/**
 * Starts the product on this machine without a tenant (`npm start`): installs what is
 * missing, builds the local host page, starts the SharePoint emulator (seeded with the
 * sample plan on first run) and serves the page. Extra arguments go to the emulator,
 * e.g. `npm start -- --reset` to reseed, `npm start -- --port 5000`.
 */
const { spawn } = require('node:child_process');
const { ensureDeps } = require('./ensure-deps');
const { ROOT, mustPass, projectNode, runNode, stepEnvironment, toolScript } = require('./project');

mustPass(ensureDeps());
mustPass(runNode(['scripts/build-host.js']));

const emulator = spawn(projectNode(), [toolScript('tsx'), 'emulator/cli.ts', '--static', 'temp/host', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: stepEnvironment()
});
// Ctrl+C reaches the emulator from the terminal (every process in the console on Windows),
// and it stops itself once; a second SIGINT from here would stop it twice. A SIGTERM or
// SIGHUP is sent to this process alone, so it is passed on.
process.on('SIGINT', () => undefined);
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => emulator.kill(signal));
emulator.on('exit', (code) => process.exit(code === null ? 1 : code));
