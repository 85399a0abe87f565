#!/usr/bin/env bash
# The browser tests run in Debian's Chromium (/usr/bin/chromium). Installs it when
# missing (about 25 s); needs root or sudo, as on CI and the project's machines.
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
echo "Installing Debian's Chromium for the browser tests..."
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium >/dev/null
