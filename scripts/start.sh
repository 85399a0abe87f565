#!/usr/bin/env bash
# Starts the product on this machine without a tenant: installs what is missing,
# builds the local host page, starts the SharePoint emulator (seeded with the sample
# plan on first run) and serves the page. Extra arguments go to the emulator,
# e.g. `npm start -- --reset` to reseed, `npm start -- --port 5000`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
export PATH="$PWD/node_modules/.bin:$PATH"
node scripts/build-host.js
exec tsx emulator/cli.ts --static temp/host "$@"
