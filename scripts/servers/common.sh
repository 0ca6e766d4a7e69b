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
