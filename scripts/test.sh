#!/usr/bin/env bash
# The full test suite: servers built if missing, then lint, typecheck, unit, workflow (time-skipping)
# and end-to-end tests (real Temporal dev server + FerretDB on free ports, started by the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/servers/fetch-test-server.sh # the workflow tests' time-skipping server (Java)
echo "[test] lint (eslint + prettier)"
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check . ; exit 1; }
echo "[test] typecheck"
npx tsc -p tsconfig.json --noEmit
echo "[test] jest: unit, workflows, e2e"
npx jest --ci "$@"
