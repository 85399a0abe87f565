'use strict';
/**
 * Bundles the local host page (emulator/host) with esbuild into temp/host: the web
 * part's React root, Fluent UI and PnPjs, as the browser will run them. As the web
 * part's own bundle, what is imported lazily is split into chunks fetched when first
 * used, and every script is named by a hash of its content, so the emulator can let
 * the browser keep it (as a CDN does) and a changed build is fetched afresh.
 */
const { build } = require('esbuild');
const { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { basename } = require('node:path');
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

/**
 * SharePoint serves @microsoft/sp-core-library to a web part, and its entry point needs
 * SharePoint's own modules: the page takes the ServiceScope and ServiceKey it uses from
 * their own modules (emulator/host/spCoreLibrary.ts).
 */
const spCoreLibrary = {
  name: 'sp-core-library',
  setup(builder) {
    builder.onResolve({ filter: /^@microsoft\/sp-core-library$/ }, () => ({ path: join(root, 'emulator/host/spCoreLibrary.ts') }));
  }
};

mkdirSync(out, { recursive: true });
build({
  entryPoints: { host: join(root, 'emulator/host/index.tsx') },
  outdir: out,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  format: 'esm',
  splitting: true,
  metafile: true,
  bundle: true,
  minify: true,
  sourcemap: true,
  target: 'es2019',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [localisedStrings, spCoreLibrary],
  logLevel: 'warning'
}).then((result) => {
  const entry = Object.keys(result.metafile.outputs).find((file) => /^host-[^.]+\.js$/.test(basename(file)));
  const page = readFileSync(join(root, 'emulator/host/index.html'), 'utf8').replace('<script src="host.js"></script>', `<script type="module" src="${basename(entry)}"></script>`);
  writeFileSync(join(out, 'index.html'), page);
  // Scripts of earlier builds go once no page can still be loading them (a page open during the build keeps working).
  const built = new Set(Object.keys(result.metafile.outputs).map((file) => basename(file)));
  const stale = Date.now() - 10 * 60 * 1000;
  for (const file of readdirSync(out)) {
    if (!built.has(file) && file !== 'index.html' && statSync(join(out, file)).mtimeMs < stale) rmSync(join(out, file));
  }
  console.log(`Built the local host page in ${out}`);
}).catch(() => process.exit(1));
