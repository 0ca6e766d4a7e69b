#!/usr/bin/env bash
# Builds FerretDB (MongoDB wire protocol on SQLite) from the Go module proxy, once.
#
# Why not a plain `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`: the module zip
# lacks build/version/version.txt (its release tooling generates it), and such a binary panics at
# start. So we fetch the same module with `go mod download`, write the version file, and build its
# own cmd/ferretdb from that copy: the same source and flags as the release, plus two patches.
#
# The first patch (ferretdb-sqlite-id-index.patch, see docs/store.md): upstream's SQLite backend looks
# documents up by `_ferretdb_sjson->'$._id'` while its unique _id index is on `_ferretdb_sjson->'_id'`;
# SQLite only uses an expression index for the same expression, so every find, update and delete by
# _id scanned the whole table (cost growing with every order ever stored). The patch spells the
# lookup like the index, and narrows by _id also when the filter has other conditions (FerretDB
# applies the whole filter again to what comes back). Storage format and behaviour are unchanged.
#
# The second (ferretdb-atomic-updates.patch, docs/store.md "Atomic updates"): upstream runs update,
# findAndModify and delete as query, change in Go, write back, with nothing held in between, so two
# at once both match (a lost `$inc`, a guarded update letting two writers through, one of two field
# updates of a document lost). The patch holds a per-collection lock from the query to the write.
set -euo pipefail
source "$(dirname "$0")/common.sh"
if [ -n "${FERRETDB_PATH:-}" ]; then say "using FERRETDB_PATH=$FERRETDB_PATH"; exit 0; fi
target="$BIN_DIR/ferretdb"
here="$(cd "$(dirname "$0")" && pwd)"
patch_files=("$here/ferretdb-sqlite-id-index.patch" "$here/ferretdb-atomic-updates.patch")
# The stamp names the patches' content: a changed patch rebuilds.
stamp="$BIN_DIR/.ferretdb-$FERRETDB_VERSION-$(cat "${patch_files[@]}" | sha256sum | cut -c1-12)"
if [ -x "$target" ] && [ -f "$stamp" ]; then say "FerretDB $FERRETDB_VERSION: cached"; exit 0; fi
command -v go >/dev/null || no_toolchain go "FerretDB" golang-go FERRETDB_PATH \
  "run the stack with 'docker compose up' (docker-compose.yml, needs a Docker engine)"
say "building FerretDB $FERRETDB_VERSION from the Go module proxy (first time: a few minutes)..."
module_dir=$(cd "$LOCAL_DIR" && GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$module_dir" ] || { say "ERROR: go mod download of FerretDB failed"; exit 1; }
src="$LOCAL_DIR/src/ferretdb-$FERRETDB_VERSION"
rm -rf "$src" && mkdir -p "$(dirname "$src")" && cp -r "$module_dir" "$src" && chmod -R u+w "$src"
echo "$FERRETDB_VERSION" > "$src/build/version/version.txt"
echo "release" > "$src/build/version/package.txt"
(cd "$src" && git apply -p1 "${patch_files[@]}") &&
  grep -q "IDColumn = DefaultColumn + \"->'_id'\"" "$src/internal/backends/sqlite/metadata/metadata.go" &&
  grep -q "defer lockCollection(params.DB, params.Collection)()" "$src/internal/handler/msg_update.go" ||
  { say "ERROR: the FerretDB patches did not apply"; exit 1; }
# Built beside the target and renamed over it: FerretDB processes still running keep their binary.
go_build_with_progress ferretdb "$src" ./cmd/ferretdb "$target.new"
mv -f "$target.new" "$target"
rm -f "$BIN_DIR"/.ferretdb-*
touch "$stamp"
say "FerretDB ready: $target"
