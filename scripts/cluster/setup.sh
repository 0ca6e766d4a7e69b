#!/usr/bin/env bash
# Builds (once) what cluster mode runs: the servers of `npm start` (scripts/setup.sh: the Temporal
# CLI, used here for the operator commands, and FerretDB), the real Temporal server and its SQL tool,
# and checks that PostgreSQL is installed (Debian's package; nothing to build). Seconds when cached.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/setup.sh
bash scripts/servers/build-temporal-server.sh
if ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "[setup] ERROR: PostgreSQL is needed for cluster mode and was not found (initdb)." >&2
  echo "[setup]   Debian: apt-get install postgresql (the server binaries; no service is started)" >&2
  echo "[setup]   or run the cluster on official images: docker compose up (docker-compose.yml)" >&2
  exit 1
fi
command -v psql >/dev/null || { echo "[setup] ERROR: psql is missing (Debian: apt-get install postgresql-client)" >&2; exit 1; }
echo "[setup] PostgreSQL: $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | head -1 || command -v initdb)" >&2
