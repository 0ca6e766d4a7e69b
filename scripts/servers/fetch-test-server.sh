#!/usr/bin/env bash
# Fetches the Java time-skipping test server (io.temporal:temporal-test-server) with Maven and
# writes a launcher that TestWorkflowEnvironment.createTimeSkipping runs as an 'existing-path'.
set -euo pipefail
source "$(dirname "$0")/common.sh"
if [ -n "${TEMPORAL_TEST_SERVER_PATH:-}" ]; then say "using TEMPORAL_TEST_SERVER_PATH=$TEMPORAL_TEST_SERVER_PATH"; exit 0; fi
dir="$LOCAL_DIR/test-server"
launcher="$BIN_DIR/temporal-test-server"
stamp="$dir/.version-$TEST_SERVER_VERSION"
if [ -x "$launcher" ] && [ -f "$stamp" ]; then say "temporal-test-server $TEST_SERVER_VERSION: cached"; exit 0; fi
command -v java >/dev/null || no_toolchain java "the Temporal test server" openjdk-17-jre-headless TEMPORAL_TEST_SERVER_PATH
command -v mvn >/dev/null || no_toolchain mvn "the Temporal test server" maven TEMPORAL_TEST_SERVER_PATH
mkdir -p "$dir"
say "fetching io.temporal:temporal-test-server:$TEST_SERVER_VERSION and its dependencies with Maven..."
sed "s/@VERSION@/$TEST_SERVER_VERSION/" "$ROOT/scripts/servers/test-server-pom.xml" > "$dir/pom.xml"
mvn -B -f "$dir/pom.xml" dependency:build-classpath -Dmdep.outputFile="$dir/classpath.txt" \
  -Dmdep.includeScope=runtime 2>&1 | grep -E '^\[(ERROR|WARNING)\]|BUILD' >&2 || true
[ -s "$dir/classpath.txt" ] || { say "ERROR: Maven could not resolve the test server (see above)"; exit 1; }
cat > "$launcher" <<LAUNCH
#!/usr/bin/env bash
# Started by the Temporal SDK as: temporal-test-server <port> [args...]
exec java \${TEMPORAL_TEST_SERVER_JAVA_OPTS:--Xms64m -Xmx512m} -cp "\$(cat '$dir/classpath.txt')" io.temporal.testserver.TestServer "\$@"
LAUNCH
chmod +x "$launcher"
rm -f "$dir"/.version-*
touch "$stamp"
say "temporal-test-server ready: $launcher"
