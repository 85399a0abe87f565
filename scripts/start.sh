#!/usr/bin/env bash
# Builds the deployable package. (The local SharePoint emulator and host page that
# will let `npm start` show the product in a browser are not built yet.)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
export PATH="$PWD/node_modules/.bin:$PATH"
gulp clean
gulp bundle --ship
gulp package-solution --ship
echo
echo "Built sharepoint/solution/send-improvement-plan.sppkg"
echo "There is no local preview yet: deploy the package to an app catalog (see README)."
