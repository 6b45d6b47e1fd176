#!/usr/bin/env bash
# What keel-ops costs on /json: interleaved wrk runs of examples/techempower without keel-ops,
# with its metrics only, and with metrics + tracing (no exporter), a fresh JVM per run.
# Prints requests/s and the server's CPU time per request (utime+stime from /proc/PID/stat), which
# a shared machine disturbs less than throughput. Usage: [MODES='base metrics ...'] benchmarks/wrk/ops-cost.sh [ROUNDS]
# Modes: base, metrics, metrics-no-jfr (virtual-thread metrics off: no JFR stream), timer-only (also
# no request-id middleware), ops-off (installed, everything off), tracing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS=${1:-5}; PORT=${PORT:-18080}; TICK=$(getconf CLK_TCK)
command -v wrk >/dev/null || { echo "ops-cost: wrk is missing; apt-get install -y wrk" >&2; exit 1; }
"$ROOT/keel" mvn -q -pl examples/techempower -am package -DskipTests -Dspotless.check.skip=true
JAVA="$("$ROOT/keel" java)/bin/java"; JAR="$ROOT/examples/techempower/target/techempower.jar"
mode_env() {
  case $1 in
    base) echo "" ;;
    metrics) echo "KEEL_TECHEMPOWER_OPS=true KEEL_OPS_ACCESS_LOG=false KEEL_OPS_TRACING_ENABLED=false" ;;
    metrics-no-jfr) echo "KEEL_TECHEMPOWER_OPS=true KEEL_OPS_ACCESS_LOG=false KEEL_OPS_TRACING_ENABLED=false KEEL_OPS_METRICS_VIRTUAL_THREADS=false" ;;
    timer-only) echo "KEEL_TECHEMPOWER_OPS=true KEEL_OPS_ACCESS_LOG=false KEEL_OPS_TRACING_ENABLED=false KEEL_OPS_METRICS_VIRTUAL_THREADS=false KEEL_OPS_REQUEST_ID=false" ;;
    ops-off) echo "KEEL_TECHEMPOWER_OPS=true KEEL_OPS_ACCESS_LOG=false KEEL_OPS_TRACING_ENABLED=false KEEL_OPS_METRICS_ENABLED=false KEEL_OPS_REQUEST_ID=false KEEL_OPS_METRICS_VIRTUAL_THREADS=false" ;;
    tracing) echo "KEEL_TECHEMPOWER_OPS=true KEEL_OPS_ACCESS_LOG=false" ;;
  esac
}
for round in $(seq "$ROUNDS"); do
  for mode in ${MODES:-base metrics tracing}; do
    env $(mode_env $mode) KEEL_SERVER_PORT=$PORT "$JAVA" -Xms256m -Xmx256m -jar "$JAR" >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 600); do curl -sf "localhost:$PORT/json" >/dev/null && break; sleep 0.1; done
    wrk -t2 -c64 -d${WARMUP:-10s} "http://localhost:$PORT/json" >/dev/null
    c0=$(awk '{print $14+$15}' /proc/$pid/stat)
    out=$(wrk -t2 -c64 -d${DURATION:-15s} "http://localhost:$PORT/json")
    c1=$(awk '{print $14+$15}' /proc/$pid/stat)
    reqs=$(echo "$out" | awk '/requests in/ {print $1}')
    echo "$round $mode rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
      "cpu_us_per_req=$(awk -v c=$((c1 - c0)) -v t="$TICK" -v n="$reqs" 'BEGIN {printf "%.2f", c/t*1e6/n}')" \
      "load=$(cut -d' ' -f1 /proc/loadavg)"
    kill $pid; wait $pid 2>/dev/null || true
  done
done
