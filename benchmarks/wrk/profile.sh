#!/usr/bin/env bash
# Profiles the Keel TechEmpower app under wrk load with JFR and prints where its CPU time goes.
#
#   benchmarks/wrk/profile.sh [PATH] [CONNECTIONS] [SECONDS]     e.g. /db 256 20
#
# Same JVM flags and database settings as bench.sh (KEEL_DB_POOL_SIZE=8 unless set). After a 10 s
# warm-up it records JFR's "profile" settings for SECONDS under load, then prints the hottest
# methods (jfr view hot-methods), the hottest frames of Keel's own and the JDBC driver's code, and
# the JFR file's path for JDK Mission Control. Run it on a quiet machine; build first with
# ./keel mvn -q -pl examples/techempower -am package -DskipTests.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TARGET_PATH=${1:-/db}
CONNECTIONS=${2:-256}
SECONDS_UNDER_LOAD=${3:-20}
PORT=${BENCH_PORT:-8080}
JAVA_HOME=$("$ROOT/keel" java)
JAR="$ROOT/examples/techempower/target/techempower.jar"
[ -f "$JAR" ] || { echo "profile: build first: ./keel mvn -q -pl examples/techempower -am package -DskipTests" >&2; exit 2; }
command -v wrk >/dev/null || { echo "profile: wrk is missing: apt-get install -y wrk" >&2; exit 2; }
"$ROOT/benchmarks/db/setup-hello-world.sh" >/dev/null

OUT=$(mktemp -d /tmp/keel-profile.XXXXXX)
KEEL_SERVER_PORT=$PORT KEEL_DB_POOL_SIZE=${KEEL_DB_POOL_SIZE:-8} \
  KEEL_DB_URL=${KEEL_DB_URL:-postgres://benchmarkdbuser:benchmarkdbpass@127.0.0.1:5432/hello_world} \
  "$JAVA_HOME/bin/java" -Xms256m -Xmx256m -XX:+UseG1GC --enable-native-access=ALL-UNNAMED \
  -jar "$JAR" >"$OUT/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/plaintext" && break; sleep 0.2; done

URL="http://127.0.0.1:$PORT$TARGET_PATH"
wrk -t2 -c"$CONNECTIONS" -d10s "$URL" >/dev/null # warm-up: JIT, pool, caches
"$JAVA_HOME/bin/jcmd" $PID JFR.start name=profile settings=profile filename="$OUT/profile.jfr" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_UNDER_LOAD}s" "$URL" | tee "$OUT/wrk.txt" | grep -E "Requests/sec|Latency"
"$JAVA_HOME/bin/jcmd" $PID JFR.stop name=profile >/dev/null

"$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$OUT/profile.jfr" | head -30
echo
echo "Top frames by package (execution samples):"
"$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample --stack-depth 1 "$OUT/profile.jfr" |
  awk '/^\s+[a-z].*line:/ { sub(/^[ \t]+/, ""); sub(/\(.*/, ""); n = split($0, p, "."); pkg = p[1]; for (i = 2; i < n - 1 && i < 4; i++) pkg = pkg "." p[i]; count[pkg]++; total++ }
       END { for (k in count) printf "%6.1f%%  %s\n", 100 * count[k] / total, k }' | sort -rn | head -15
echo
echo "profile: JFR file $OUT/profile.jfr (open it in JDK Mission Control); server log $OUT/server.log"
