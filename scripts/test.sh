#!/usr/bin/env bash
# The whole test suite: type-check; unit and component tests; the emulator's own
# tests; integration tests of the real services against the emulator over HTTP;
# browser tests of the local page in Chromium (with an axe accessibility scan).
# Installs what it needs first (npm packages, Debian's Chromium). Run through `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/ensure-chromium.sh
# npm puts node_modules/.bin (with Node 22) first on the PATH of its scripts.
export PATH="$PWD/node_modules/.bin:$PATH"

echo "== Type-check (src as the SPFx build compiles it, for ES2019; then src, emulator and tests)"
tsc --noEmit -p tsconfig.json
tsc --noEmit -p tsconfig.jest.json

echo "== Build the local host page (the browser tests load it)"
node scripts/build-host.js

echo "== Tests"
mkdir -p artifacts
status=0
jest --ci --json --outputFile=artifacts/jest.json || status=$?
node scripts/summarise-jest.js artifacts/jest.json
exit $status
