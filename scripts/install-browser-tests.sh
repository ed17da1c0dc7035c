#!/usr/bin/env bash
# Installs the browser tests' npm packages (playwright-core drives Debian's
# Chromium; axe-core finds accessibility faults) exactly as the lock file says.
# Safe to run again: it does nothing when they are already there.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tests="$here/tests/browser"
stamp="$tests/node_modules/.installed-lock"

if [ -f "$stamp" ] && cmp -s "$stamp" "$tests/package-lock.json"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "easyread set-up: npm is missing, so the browser tests cannot be set up." >&2
  echo "To fix this, run: sudo apt-get install npm" >&2
  exit 1
fi
echo "easyread set-up: getting the browser tests' packages"
(cd "$tests" && npm ci --no-audit --no-fund --ignore-scripts --silent)
cp "$tests/package-lock.json" "$stamp"
