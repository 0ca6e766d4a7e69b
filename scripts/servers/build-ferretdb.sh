#!/usr/bin/env bash
# Builds FerretDB (MongoDB wire protocol on SQLite) from the Go module proxy, once.
set -euo pipefail
source "$(dirname "$0")/common.sh"
if [ -n "${FERRETDB_PATH:-}" ]; then say "using FERRETDB_PATH=$FERRETDB_PATH"; exit 0; fi
target="$BIN_DIR/ferretdb"
stamp="$BIN_DIR/.ferretdb-$FERRETDB_VERSION"
if [ -x "$target" ] && [ -f "$stamp" ]; then say "FerretDB $FERRETDB_VERSION: cached"; exit 0; fi
command -v go >/dev/null || no_toolchain go "FerretDB" golang-go FERRETDB_PATH
say "building FerretDB $FERRETDB_VERSION with go install (first time: a few minutes)..."
GOBIN="$BIN_DIR" GOFLAGS="${GOFLAGS:-} -trimpath" go install -x "github.com/FerretDB/FerretDB/cmd/ferretdb@$FERRETDB_VERSION" 2>&1 \
  | awk '/^WORK=|^mkdir|^cd |^cat|^EOF|^echo/{next} /\/compile|\/link/{n++; if (n%40==0) printf "[setup]   ferretdb: %d packages compiled\n", n; next} /^go: downloading/{d++; if (d%40==0) printf "[setup]   ferretdb: %d modules downloaded\n", d; next} {print}' >&2
rm -f "$BIN_DIR"/.ferretdb-*
touch "$stamp"
say "FerretDB ready: $target"
