#!/usr/bin/env bash
# Installs the project's npm dependencies (Node 22 among them) when node_modules is
# missing or older than package-lock.json. Safe to run every time: it does nothing
# when the install is current.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.install-stamp
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x node_modules/.bin/node ]]; then
  exit 0
fi
echo "Installing dependencies (npm ci, a few minutes on a fresh machine)..."
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
