#!/usr/bin/env bash
# Builds (once) the real Temporal server for cluster mode (`npm run start:cluster`, docs/cluster.md):
# `temporal-server` (go.temporal.io/server's cmd/server: frontend, history, matching and worker, one
# service per process) and `temporal-sql-tool` (cmd/tools/sql: creates and migrates the PostgreSQL
# schemas), from the Go module proxy, into the same cache as the other servers.
#
# Version: the newest release whose go.mod this machine's Go accepts. v1.32.2, v1.31.x and v1.30.9
# ask for go >= 1.26.10 (this machine has 1.26.8); v1.32.1 asks for 1.26.8, so no toolchain switch
# (GOTOOLCHAIN) is needed for anyone. docker-compose.yml runs the same version's official images.
#
# Built from the module copy `go mod download` leaves in the Go module cache (read-only; go build
# writes only the binary), with the module's own go.sum: the release's exact dependency versions.
set -euo pipefail
source "$(dirname "$0")/common.sh"
TEMPORAL_SERVER_VERSION="v1.32.1"
if [ -n "${TEMPORAL_SERVER_PATH:-}" ] && [ -n "${TEMPORAL_SQL_TOOL_PATH:-}" ]; then
  say "using TEMPORAL_SERVER_PATH=$TEMPORAL_SERVER_PATH and TEMPORAL_SQL_TOOL_PATH=$TEMPORAL_SQL_TOOL_PATH"
  exit 0
fi
server="$BIN_DIR/temporal-server"
sql_tool="$BIN_DIR/temporal-sql-tool"
stamp="$BIN_DIR/.temporal-server-$TEMPORAL_SERVER_VERSION"
if [ -x "$server" ] && [ -x "$sql_tool" ] && [ -f "$stamp" ]; then
  say "Temporal server $TEMPORAL_SERVER_VERSION: cached"
  exit 0
fi
command -v go >/dev/null || no_toolchain go "the Temporal server (cluster mode)" golang-go \
  "TEMPORAL_SERVER_PATH (with TEMPORAL_SQL_TOOL_PATH)" \
  "run the cluster on official images with 'docker compose up' (docker-compose.yml, needs a Docker engine)"
say "building the Temporal server $TEMPORAL_SERVER_VERSION (cluster mode) from the Go module proxy (first time: 15-40 minutes on 2 cores)..."
module_dir=$(cd "$LOCAL_DIR" && go mod download -json "go.temporal.io/server@$TEMPORAL_SERVER_VERSION" |
  sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$module_dir" ] || { say "ERROR: go mod download of go.temporal.io/server@$TEMPORAL_SERVER_VERSION failed"; exit 1; }
say "  fetching its dependencies (go mod download)..."
(cd "$module_dir" && go mod download) >"$LOCAL_DIR/build-temporal-server-deps.log" 2>&1 ||
  { say "ERROR: go mod download failed:"; tail -n 30 "$LOCAL_DIR/build-temporal-server-deps.log" >&2; exit 1; }
# Built beside the targets and renamed over them: processes still running keep their binaries.
go_build_with_progress temporal-server "$module_dir" ./cmd/server "$server.new"
go_build_with_progress temporal-sql-tool "$module_dir" ./cmd/tools/sql "$sql_tool.new"
mv -f "$server.new" "$server"
mv -f "$sql_tool.new" "$sql_tool"
rm -f "$BIN_DIR"/.temporal-server-*
touch "$stamp"
say "Temporal server ready: $server, $sql_tool"
