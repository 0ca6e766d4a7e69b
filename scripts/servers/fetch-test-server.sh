#!/usr/bin/env bash
# Fetches the Java time-skipping test server (io.temporal:temporal-test-server) with Maven and
# writes a launcher that TestWorkflowEnvironment.createTimeSkipping runs as an 'existing-path'.
# Only the tests use it: `npm test` (scripts/test.sh) runs this, `npm start` does not need Java.
set -euo pipefail
source "$(dirname "$0")/common.sh"
if [ -n "${TEMPORAL_TEST_SERVER_PATH:-}" ]; then say "using TEMPORAL_TEST_SERVER_PATH=$TEMPORAL_TEST_SERVER_PATH"; exit 0; fi
dir="$LOCAL_DIR/test-server"
launcher="$BIN_DIR/temporal-test-server"
stamp="$dir/.version-$TEST_SERVER_VERSION"
archive="$dir/classes.jsa"
if [ -x "$launcher" ] && [ -f "$stamp" ] && { [ -f "$archive" ] || [ -f "$dir/.no-archive" ]; }; then say "temporal-test-server $TEST_SERVER_VERSION: cached"; exit 0; fi
sdk_download="on a machine with internet: PORTIN_ALLOW_SDK_DOWNLOAD=1 lets the workflow tests' Temporal SDK download its own test server"
if [ "${PORTIN_ALLOW_SDK_DOWNLOAD:-}" = 1 ] && ! { command -v java && command -v mvn; } >/dev/null; then
  say "no Java/Maven: PORTIN_ALLOW_SDK_DOWNLOAD=1, the workflow tests let the Temporal SDK download its test server"
  exit 0
fi
command -v java >/dev/null || no_toolchain java "the Temporal time-skipping test server (used by the workflow tests)" openjdk-17-jre-headless TEMPORAL_TEST_SERVER_PATH "$sdk_download"
if [ ! -f "$stamp" ] || [ ! -s "$dir/classpath.txt" ]; then
  command -v mvn >/dev/null || no_toolchain mvn "the Temporal time-skipping test server (used by the workflow tests)" maven TEMPORAL_TEST_SERVER_PATH "$sdk_download"
  mkdir -p "$dir"
  say "fetching io.temporal:temporal-test-server:$TEST_SERVER_VERSION and its dependencies with Maven..."
  sed "s/@VERSION@/$TEST_SERVER_VERSION/" "$ROOT/scripts/servers/test-server-pom.xml" > "$dir/pom.xml"
  mvn -B -f "$dir/pom.xml" dependency:build-classpath -Dmdep.outputFile="$dir/classpath.txt" \
    -Dmdep.includeScope=runtime 2>&1 | grep -E '^\[(ERROR|WARNING)\]|BUILD' >&2 || true
  [ -s "$dir/classpath.txt" ] || { say "ERROR: Maven could not resolve the test server (see above)"; exit 1; }
fi
# The SDK gives the server 5 s to listen (fixed in sdk-core); a cold JVM needs 3-4 s, more on a busy
# machine. A class-data-sharing archive of the server's classes, dumped by one training start, cuts
# that to about a second. The JVM ignores an archive that no longer fits (another JDK) and starts anyway.
rm -f "$archive" "$dir/.no-archive"
say "preparing the test server's class-data archive (one training start)..."
port=$((20000 + RANDOM % 20000))
java -XX:ArchiveClassesAtExit="$archive" -Xms64m -Xmx512m -cp "$(cat "$dir/classpath.txt")" \
  io.temporal.testserver.TestServer "$port" >"$dir/training.log" 2>&1 &
training=$!
for _ in $(seq 1 600); do (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
sleep 1
kill "$training" 2>/dev/null || true
wait "$training" 2>/dev/null || true
if [ ! -f "$archive" ]; then
  say "no class-data archive (see $dir/training.log): the test server starts without it"
  touch "$dir/.no-archive"
fi
cat > "$launcher" <<LAUNCH
#!/usr/bin/env bash
# Started by the Temporal SDK as: temporal-test-server <port> [args...]
cds=()
[ -f '$archive' ] && cds=(-XX:SharedArchiveFile='$archive' -Xlog:cds=off -Xlog:cds+dynamic=off)
exec java "\${cds[@]}" \${TEMPORAL_TEST_SERVER_JAVA_OPTS:--Xms64m -Xmx512m} -cp "\$(cat '$dir/classpath.txt')" io.temporal.testserver.TestServer "\$@"
LAUNCH
chmod +x "$launcher"
rm -f "$dir"/.version-*
touch "$stamp"
say "temporal-test-server ready: $launcher"
