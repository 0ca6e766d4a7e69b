#!/usr/bin/env bash
# Builds FerretDB (MongoDB wire protocol on SQLite) from the Go module proxy, once.
#
# Why not a plain `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`: the module zip
# lacks build/version/version.txt (its release tooling generates it), and such a binary panics at
# start. So we fetch the same module with `go mod download`, write the version file, and build its
# own cmd/ferretdb from that copy: the same source and flags as the release, nothing else.
set -euo pipefail
source "$(dirname "$0")/common.sh"
if [ -n "${FERRETDB_PATH:-}" ]; then say "using FERRETDB_PATH=$FERRETDB_PATH"; exit 0; fi
target="$BIN_DIR/ferretdb"
stamp="$BIN_DIR/.ferretdb-$FERRETDB_VERSION"
if [ -x "$target" ] && [ -f "$stamp" ]; then say "FerretDB $FERRETDB_VERSION: cached"; exit 0; fi
command -v go >/dev/null || no_toolchain go "FerretDB" golang-go FERRETDB_PATH
say "building FerretDB $FERRETDB_VERSION from the Go module proxy (first time: a few minutes)..."
module_dir=$(cd "$LOCAL_DIR" && GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$module_dir" ] || { say "ERROR: go mod download of FerretDB failed"; exit 1; }
src="$LOCAL_DIR/src/ferretdb-$FERRETDB_VERSION"
rm -rf "$src" && mkdir -p "$(dirname "$src")" && cp -r "$module_dir" "$src" && chmod -R u+w "$src"
echo "$FERRETDB_VERSION" > "$src/build/version/version.txt"
echo "release" > "$src/build/version/package.txt"
go_build_with_progress ferretdb "$src" ./cmd/ferretdb "$target"
rm -f "$BIN_DIR"/.ferretdb-*
touch "$stamp"
say "FerretDB ready: $target"
