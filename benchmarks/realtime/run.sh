#!/usr/bin/env bash
# Builds the realtime benchmarks and runs both: ./benchmarks/realtime/run.sh
# Env: ONLY=idle|broadcast, IDLE (connections), CLIENTS, RATE (msg/s), SECONDS_, SERVER_FLAGS.
# Each starts the server (BenchServer) in its own JVM and measures it from this one.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
./keel mvn -q -pl benchmarks/realtime -am package dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -DskipTests -Dspotless.check.skip=true >/dev/null
CP="$ROOT/benchmarks/realtime/target/classes:$(cat benchmarks/realtime/target/cp.txt)"
JAVA=${JAVA_HOME:-}
[ -x "${JAVA:-}/bin/java" ] && "$JAVA/bin/java" -version 2>&1 | grep -q '"2[5-9]' || JAVA=$(ls -d /usr/lib/jvm/*25* | head -1)
SERVER_FLAGS=${SERVER_FLAGS:--Xms16m -Xmx256m -XX:+UseSerialGC}
uptime
if [ "${ONLY:-idle}" != broadcast ]; then
  "$JAVA/bin/java" -cp "$CP" dev.keel.benchmarks.realtime.IdleMemory "${IDLE:-10000}" $SERVER_FLAGS
fi
if [ "${ONLY:-broadcast}" != idle ]; then
  "$JAVA/bin/java" -cp "$CP" dev.keel.benchmarks.realtime.Broadcast "${CLIENTS:-1000}" "${RATE:-10}" "${SECONDS_:-10}" $SERVER_FLAGS
fi
