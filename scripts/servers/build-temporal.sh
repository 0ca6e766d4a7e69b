#!/usr/bin/env bash
# Builds the Temporal CLI (dev server + Web UI) from the Go module proxy, once.
set -euo pipefail
source "$(dirname "$0")/common.sh"
if [ -n "${TEMPORAL_CLI_PATH:-}" ]; then say "using TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH"; exit 0; fi
target="$BIN_DIR/temporal"
stamp="$BIN_DIR/.temporal-$TEMPORAL_CLI_VERSION"
if [ -x "$target" ] && [ -f "$stamp" ]; then say "temporal CLI $TEMPORAL_CLI_VERSION: cached"; exit 0; fi
# FerretDB is built next, with Go too: without Go, one message names both binaries.
command -v go >/dev/null || no_toolchain go "the Temporal CLI" golang-go TEMPORAL_CLI_PATH \
  "FerretDB is built with Go too: set FERRETDB_PATH=/path/to/ferretdb as well, unless FerretDB is already built" \
  "run the stack with 'docker compose up' (docker-compose.yml, needs a Docker engine)"
say "building temporal CLI $TEMPORAL_CLI_VERSION with go install (first time: several minutes)..."
go_install_with_progress temporal "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION"
rm -f "$BIN_DIR"/.temporal-*
touch "$stamp"
say "temporal CLI ready: $target"
