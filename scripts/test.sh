#!/usr/bin/env bash
# The full test suite: servers built if missing, then lint, typecheck, unit, workflow (time-skipping)
# and end-to-end tests (real Temporal dev server + FerretDB on free ports, started by the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/servers/fetch-test-server.sh # the workflow tests' time-skipping server (Java)
bash scripts/servers/chromium.sh # the browser tests' Chromium (Debian's package, apt-get when missing)
echo "[test] lint (eslint + prettier)"
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check . ; exit 1; }
echo "[test] typecheck"
npx tsc -p tsconfig.json --noEmit
npx tsc -p console --noEmit # the web console (DOM types)
echo "[test] web console build (console/dist, when older than its sources)"
npx ts-node --transpile-only scripts/build-console.ts
echo "[test] jest: unit, workflows, e2e, browser"
# On two cores Jest runs every test file inside its own single process (in band), one after the
# other, and that process's heap grows with the files it has run (workflow bundles, native clients):
# one full run hit Node's default ~4 GB limit two thirds of the way through. The machines have 20+ GB.
NODE_OPTIONS="${NODE_OPTIONS:-} --max-old-space-size=12288" npx jest --ci "$@"
