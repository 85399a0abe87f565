'use strict';
/**
 * Finds the Chromium the browser tests run in: the browser named by CHROMIUM_PATH, else
 * Chromium, Chrome or Edge where each platform installs them. On Debian without one it
 * installs Debian's Chromium with apt-get (about 25 s; root, or sudo when not root).
 * Elsewhere it says what to install or which variable to set.
 * `node scripts/ensure-chromium.js` prints the browser found, or why there is none.
 */
const { accessSync, constants, existsSync } = require('node:fs');
const { homedir } = require('node:os');
const path = require('node:path');
const { run } = require('./project');

/** The variable naming the browser; the test script sets it for jest (tests/support/browser.ts reads it). */
const CHROMIUM_VARIABLE = 'CHROMIUM_PATH';
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Where each platform's installers put a Chromium-based browser, most fitting first. */
function usualLocations() {
  if (process.platform === 'win32') {
    const folders = [process.env.LOCALAPPDATA, process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)']].filter(Boolean);
    const browsers = [['Chromium', 'Application', 'chrome.exe'], ['Google', 'Chrome', 'Application', 'chrome.exe'], ['Microsoft', 'Edge', 'Application', 'msedge.exe']];
    return browsers.flatMap((parts) => folders.map((folder) => path.join(folder, ...parts)));
  }
  if (process.platform === 'darwin') {
    const browsers = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    return browsers.flatMap((browser) => ['/Applications', path.join(homedir(), 'Applications')].map((folder) => path.join(folder, browser)));
  }
  return [DEBIAN_CHROMIUM, '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge'];
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** What to do when no browser is found, in this platform's words. */
function advice() {
  const setVariable = `or set ${CHROMIUM_VARIABLE} to the browser's executable`;
  if (process.platform === 'win32') {
    return `Install Google Chrome or Microsoft Edge, ${setVariable} (in PowerShell, for example: $env:${CHROMIUM_VARIABLE} = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe').`;
  }
  if (process.platform === 'darwin') {
    return `Install Google Chrome, Microsoft Edge or Chromium in Applications, ${setVariable} (for example: export ${CHROMIUM_VARIABLE}="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome").`;
  }
  return `Install Chromium with your package manager (the package is chromium or chromium-browser), ${setVariable} (for example: export ${CHROMIUM_VARIABLE}=/usr/bin/google-chrome).`;
}

/** Debian or a derivative (Ubuntu), where apt-get installs Chromium. */
function isDebian() {
  return process.platform === 'linux' && existsSync('/etc/debian_version');
}

/** Installs Debian's Chromium; false when this is not Debian or the install failed. */
function installOnDebian() {
  if (!isDebian()) return false;
  console.log("Installing Debian's Chromium for the browser tests...");
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const aptGet = (args, options) => (asRoot ? run('apt-get', args, options) : run('sudo', ['apt-get'].concat(args), options));
  // apt-get's progress is noise here; its errors still show.
  const quiet = { stdio: ['inherit', 'ignore', 'inherit'] };
  const installed = aptGet(['update', '-qq']) === 0 && aptGet(['install', '-y', '-qq', 'chromium'], quiet) === 0;
  return installed && isExecutable(DEBIAN_CHROMIUM);
}

/**
 * The browser for the browser tests: `{ executable }`, or `{ problem }` saying why there
 * is none and what to do, in plain words.
 */
function ensureChromium() {
  const named = process.env[CHROMIUM_VARIABLE];
  if (named) {
    if (isExecutable(named)) return { executable: named };
    return { problem: `${CHROMIUM_VARIABLE} is set to "${named}", which is not a browser executable on this machine. Point it at Chrome, Edge or Chromium, or unset it to use one installed in the usual place.` };
  }
  const found = usualLocations().find(isExecutable);
  if (found) return { executable: found };
  if (installOnDebian()) return { executable: DEBIAN_CHROMIUM };
  const why = isDebian() ? "Chromium is not installed and apt-get could not install it (it needs root, or sudo)." : 'No Chromium, Chrome or Edge was found in the usual places.';
  return { problem: `${why} ${advice()}` };
}

module.exports = { CHROMIUM_VARIABLE, ensureChromium };

if (require.main === module) {
  const chromium = ensureChromium();
  if (chromium.executable) console.log(`Browser for the browser tests: ${chromium.executable}`);
  else console.error(chromium.problem);
  process.exit(chromium.executable ? 0 : 1);
}
