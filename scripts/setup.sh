#!/usr/bin/env bash
# Builds (once) and caches the servers `npm start` runs: the Temporal CLI (dev server + Web UI) and
# FerretDB, with Go. Safe to run again: seconds when cached. The tests' Java time-skipping server is
# fetched by scripts/test.sh (scripts/servers/fetch-test-server.sh), so starting needs Node and Go only.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ]; then echo "[setup] installing npm dependencies (npm ci)..." >&2; npm ci --no-audit --no-fund; fi
bash scripts/servers/build-temporal.sh
bash scripts/servers/build-ferretdb.sh
