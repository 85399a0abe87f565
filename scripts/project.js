'use strict';
/**
 * What the start, test and CI scripts share, the same on Windows, macOS and Linux: the
 * project's folder, its own Node 22 (the npm package `node`, installed with the other
 * dependencies), its tools run through that Node (no shell, no .cmd shims), and npm.
 * Plain CommonJS for whatever Node runs `npm start` on a fresh machine.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const IS_WINDOWS = process.platform === 'win32';
const PROJECT_NODE = path.join(ROOT, 'node_modules', 'node', 'bin', IS_WINDOWS ? 'node.exe' : 'node');

/** Whether the project's own Node 22 is installed. */
function hasProjectNode() {
  return existsSync(PROJECT_NODE);
}

/** The Node to run steps with: the project's Node 22, or the one running this script until it is installed. */
function projectNode() {
  return hasProjectNode() ? PROJECT_NODE : process.execPath;
}

/** The environment for a step: node_modules/.bin first on the PATH, as npm gives its scripts, plus `extra`. */
function stepEnvironment(extra) {
  const env = Object.assign({}, process.env, extra);
  // Windows spells it Path; a copy of process.env no longer matches it case-insensitively.
  const key = Object.keys(env).find((name) => name.toUpperCase() === 'PATH') || 'PATH';
  env[key] = [path.join(ROOT, 'node_modules', '.bin'), env[key]].filter(Boolean).join(path.delimiter);
  return env;
}

/** The script behind a package's command (its package.json "bin"), run with Node instead of a shell shim. */
function toolScript(pkg, command) {
  const folder = path.join(ROOT, 'node_modules', pkg);
  const bin = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')).bin;
  return path.join(folder, typeof bin === 'string' ? bin : bin[command || pkg]);
}

/**
 * Runs a program in the project folder with its output shown; returns its exit status
 * (1 if it could not start or was killed). Options: `env` (default: stepEnvironment()),
 * `stdio`, `shell`.
 */
function run(program, args, options) {
  const settings = options || {};
  const result = spawnSync(program, args, { cwd: ROOT, stdio: settings.stdio || 'inherit', env: settings.env || stepEnvironment(), shell: settings.shell });
  if (result.error) {
    console.error(`Could not run ${program}: ${result.error.message}`);
    return 1;
  }
  return result.status === null ? 1 : result.status;
}

/** Runs a script with the project's Node. */
function runNode(args, options) {
  return run(projectNode(), args, options);
}

/** Runs a package's command (`runTool('jest', 'jest', [...])`) with the project's Node. */
function runTool(pkg, command, args, options) {
  return runNode([toolScript(pkg, command)].concat(args), options);
}

/**
 * Runs npm on the PATH this script was given, without node_modules/.bin put first (npm ci
 * replaces that folder, so npm is not started from it). On Windows npm is npm.cmd, which only a shell starts; the arguments
 * are the scripts' own, never a person's.
 */
function runNpm(args) {
  const options = { env: process.env, shell: IS_WINDOWS };
  return IS_WINDOWS ? run(['npm'].concat(args).join(' '), [], options) : run('npm', args, options);
}

/** Prints the heading of a step, as CI logs show them. */
function heading(text) {
  console.log(`== ${text}`);
}

/** Ends this script with a failed step's status; does nothing when the step passed. */
function mustPass(status) {
  if (status !== 0) process.exit(status);
}

module.exports = { ROOT, IS_WINDOWS, PROJECT_NODE, hasProjectNode, projectNode, stepEnvironment, toolScript, run, runNode, runTool, runNpm, heading, mustPass };
