#!/usr/bin/env bash
# The whole test suite: type-check, then the unit and component tests.
# Installs what it needs first. Run through `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
# npm puts node_modules/.bin (with Node 22) first on the PATH of its scripts.
export PATH="$PWD/node_modules/.bin:$PATH"

echo "== Type-check (src and tests)"
tsc --noEmit -p tsconfig.jest.json

echo "== Unit and component tests"
mkdir -p artifacts
status=0
jest --ci --json --outputFile=artifacts/jest-unit.json || status=$?
node scripts/summarise-jest.js artifacts/jest-unit.json
exit $status
