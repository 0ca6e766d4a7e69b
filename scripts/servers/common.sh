# Shared paths and helpers for the server scripts. Sourced, not run.
# Everything built lands under .local/ (git-ignored) or the Go/Maven caches.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL_DIR="${PORTIN_LOCAL_DIR:-$ROOT/.local}"
BIN_DIR="$LOCAL_DIR/bin"
TEMPORAL_CLI_VERSION="v1.5.1"
FERRETDB_VERSION="v1.24.2"
TEST_SERVER_VERSION="1.38.0"
mkdir -p "$BIN_DIR"

say() { printf '[setup] %s\n' "$*" >&2; }

no_toolchain() {
  cat >&2 <<MSG
[setup] ERROR: $1 is needed to build $2 here and was not found on PATH.
[setup] Alternatives:
[setup]   - install $1 (Debian: apt-get install $3) and run the command again;
[setup]   - point the project at an existing binary: $4=/path/to/binary;
[setup]   - run the stack with 'docker compose up' (see README, needs a Docker engine);
[setup]   - on a machine with internet, unset PORTIN_REQUIRE_LOCAL_SERVERS and the Temporal SDK
[setup]     downloads its own dev/test server.
MSG
  exit 1
}

# go install with a progress line every 15 s (go itself is silent while compiling).
go_install_with_progress() {
  local label="$1" pkg="$2" log="$LOCAL_DIR/build-$1.log" start=$SECONDS
  ( while sleep 15; do say "  $label: still building ($((SECONDS - start)) s; go log: $log)"; done ) &
  local ticker=$!
  local rc=0
  GOBIN="$BIN_DIR" go install "$pkg" >"$log" 2>&1 || rc=$?
  kill "$ticker" 2>/dev/null; wait "$ticker" 2>/dev/null || true
  if [ "$rc" -ne 0 ]; then say "ERROR: go install $pkg failed:"; tail -n 30 "$log" >&2; exit "$rc"; fi
  say "  $label: built in $((SECONDS - start)) s"
}

# go build in a module folder with the same progress lines.
go_build_with_progress() {
  local label="$1" dir="$2" pkg="$3" out="$4" log="$LOCAL_DIR/build-$1.log" start=$SECONDS
  ( while sleep 15; do say "  $label: still building ($((SECONDS - start)) s; go log: $log)"; done ) &
  local ticker=$!
  local rc=0
  (cd "$dir" && go build -o "$out" "$pkg") >"$log" 2>&1 || rc=$?
  kill "$ticker" 2>/dev/null; wait "$ticker" 2>/dev/null || true
  if [ "$rc" -ne 0 ]; then say "ERROR: go build $pkg failed:"; tail -n 30 "$log" >&2; exit "$rc"; fi
  say "  $label: built in $((SECONDS - start)) s"
}
