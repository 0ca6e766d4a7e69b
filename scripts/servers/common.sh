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

# no_toolchain <tool> <what it builds> <Debian package> <variable for an existing binary> <alternative...>
no_toolchain() {
  local tool="$1" what="$2" package="$3" variable="$4"
  shift 4
  {
    echo "[setup] ERROR: $tool is needed to build $what here and was not found on PATH."
    echo "[setup] Alternatives:"
    echo "[setup]   - install $tool (Debian: apt-get install $package) and run the command again;"
    echo "[setup]   - point the project at an existing binary: $variable=/path/to/binary;"
    local alternative
    for alternative in "$@"; do echo "[setup]   - $alternative"; done
  } >&2
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
