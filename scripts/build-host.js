'use strict';
/**
 * Bundles the local host page (emulator/host) with esbuild into temp/host: the web
 * part's React root, Fluent UI and PnPjs, as the browser will run them.
 */
const { build } = require('esbuild');
const { copyFileSync, mkdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const out = join(root, 'temp', 'host');

/** The web part's strings module is AMD (loc/en-us.js): run its define() to get the object. */
const localisedStrings = {
  name: 'localised-strings',
  setup(builder) {
    builder.onResolve({ filter: /^ImprovementPlanWebPartStrings$/ }, () => ({ path: join(root, 'src/webparts/improvementPlan/loc/en-us.js'), namespace: 'loc' }));
    builder.onLoad({ filter: /.*/, namespace: 'loc' }, (args) => ({
      contents: `var define = function (deps, factory) { module.exports = factory(); };\n${readFileSync(args.path, 'utf8')}`,
      loader: 'js'
    }));
  }
};

mkdirSync(out, { recursive: true });
build({
  entryPoints: [join(root, 'emulator/host/index.tsx')],
  outfile: join(out, 'host.js'),
  bundle: true,
  minify: true,
  sourcemap: true,
  target: 'es2019',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [localisedStrings],
  logLevel: 'warning'
}).then(() => {
  copyFileSync(join(root, 'emulator/host/index.html'), join(out, 'index.html'));
  console.log(`Built the local host page in ${out}`);
}).catch(() => process.exit(1));
