#!/usr/bin/env bash
# Builds (once) and caches every server the project runs locally. Safe to run again: seconds when cached.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ]; then echo "[setup] installing npm dependencies (npm ci)..." >&2; npm ci --no-audit --no-fund; fi
bash scripts/servers/build-temporal.sh
bash scripts/servers/build-ferretdb.sh
bash scripts/servers/fetch-test-server.sh
