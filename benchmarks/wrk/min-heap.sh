#!/usr/bin/env bash
# The smallest heap at which each server passes its load without errors.
#
#   min-heap.sh [--only keel,vertx,...] [--heaps 8,12,16,24,32,48,64,96,128] [--duration 10s]
#
# For every server: a binary search over the --heaps list (MiB, ascending). One try starts the
# server with -Xmx<heap> (the harness's other flags: G1, native access), then runs wrk for
# --duration on each of /plaintext and /json at 256 connections (the harness's heaviest
# non-pipelined load) and on /plaintext pipelined x16. It passes when the server answered 200 on
# every request (no connect/read/write error, no non-2xx; wrk's 2 s timeouts are latency and do not
# count), is still alive and logged no OutOfMemoryError.
# Prints one markdown row per server: smallest passing heap, RSS after that load. Build the jars
# first (bench.sh does; or run it once). BENCH_PORT as in bench.sh (default 8080).
set -uo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
PEERS="$ROOT/benchmarks/peers"
PORT="${BENCH_PORT:-8080}"
ONLY="keel,vertx,netty,spring"
HEAPS="8,12,16,24,32,48,64,96,128"
DURATION=10s
while [[ $# -gt 0 ]]; do
  case "$1" in
    --only) ONLY="${2:?--only needs a value}"; shift 2 ;;
    --heaps) HEAPS="${2:?--heaps needs a value}"; shift 2 ;;
    --duration) DURATION="${2:?--duration needs a value}"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "min-heap: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}
JAVA="$JAVA_HOME/bin/java"
[[ -x "$JAVA" ]] || { echo "min-heap: no JDK 25 (set JAVA_HOME)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "min-heap: wrk is missing (apt-get install -y wrk)" >&2; exit 1; }

declare -A JAR=(
  [keel]="$ROOT/examples/techempower/target/techempower.jar"
  [netty]="$PEERS/netty/target/netty-peer.jar"
  [vertx]="$PEERS/vertx/target/vertx-peer.jar"
  [javalin]="$PEERS/javalin/target/javalin-peer.jar"
  [spring]="$PEERS/spring/target/spring-peer.jar"
  [helidon]="$PEERS/helidon/target/helidon-peer.jar"
)
ACCEPT_PLAIN='text/plain,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7'
ACCEPT_JSON='application/json,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7'
LOGS="$SCRIPT_DIR/target/min-heap-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$LOGS"

PID=""
stop() {
  [[ -n "$PID" ]] || return 0
  kill -TERM "$PID" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$PID" 2>/dev/null
  wait "$PID" 2>/dev/null
  PID=""
}
trap stop EXIT

# wrk_errors LOG ARGS... -> prints connect/read/write errors + non-2xx responses of one wrk run.
# wrk's timeouts (no answer within 2 s) are latency, not failure: on a busy 2-core machine every
# server has some under pipelining, so they are reported in the logs but do not fail a heap.
wrk_errors() {
  local log=$1; shift
  wrk "$@" >"$log" 2>&1
  awk '/Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 }
       /Non-2xx/ { n += $NF }
       /^BENCH_RESULT/ { found = 1 }
       END { print found ? n + 0 : 1 }' "$log"
}

# try NAME HEAP_MIB -> 0 if it passes; sets RSS (MiB after the load)
try() {
  local name=$1 heap=$2 log="$LOGS/$1-${2}m" i errs=0 e
  RSS=""
  while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do sleep 0.2; done
  KEEL_SERVER_PORT=$PORT PORT=$PORT "$JAVA" "-Xmx${heap}m" -XX:+UseG1GC --enable-native-access=ALL-UNNAMED \
    -jar "${JAR[$name]}" >"$log.log" 2>&1 &
  PID=$!
  for i in $(seq 1 600); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/plaintext" && break
    kill -0 "$PID" 2>/dev/null || { PID=""; return 1; }
    sleep 0.1
  done
  local url="http://127.0.0.1:$PORT"
  e=$(wrk_errors "$log-plain.txt" -t2 -c256 -d"$DURATION" -H "Accept: $ACCEPT_PLAIN" -s "$SCRIPT_DIR/report.lua" "$url/plaintext"); errs=$((errs + e))
  e=$(wrk_errors "$log-json.txt" -t2 -c256 -d"$DURATION" -H "Accept: $ACCEPT_JSON" -s "$SCRIPT_DIR/report.lua" "$url/json"); errs=$((errs + e))
  e=$(wrk_errors "$log-pipe.txt" -t2 -c256 -d"$DURATION" -H "Accept: $ACCEPT_PLAIN" -s "$SCRIPT_DIR/pipeline.lua" "$url/plaintext" -- 16); errs=$((errs + e))
  kill -0 "$PID" 2>/dev/null || errs=$((errs + 1))
  grep -q OutOfMemoryError "$log.log" && errs=$((errs + 1))
  RSS=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$PID/status" 2>/dev/null)
  stop
  echo "[$(date +%H:%M:%S)] $name -Xmx${heap}m: $errs errors, RSS ${RSS:-?} MiB (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  ((errs == 0))
}

IFS=',' read -r -a heaps <<<"$HEAPS"
IFS=',' read -r -a names <<<"$ONLY"
echo "| server | smallest working heap | RSS after its load at that heap |"
echo "|---|--:|--:|"
for name in "${names[@]}"; do
  [[ -f "${JAR[$name]:-}" ]] || { echo "| $name | not built | |"; continue; }
  lo=0 hi=$((${#heaps[@]} - 1)) best="" best_rss=""
  while ((lo <= hi)); do # smallest index that passes, assuming passing is monotonic in the heap
    mid=$(((lo + hi) / 2))
    if try "$name" "${heaps[$mid]}"; then best=${heaps[$mid]} best_rss=$RSS hi=$((mid - 1)); else lo=$((mid + 1)); fi
  done
  if [[ -n "$best" ]]; then echo "| $name | ${best} MiB | ${best_rss} MiB |"; else echo "| $name | > ${heaps[-1]} MiB | |"; fi
done
echo
echo "Logs: ${LOGS#"$ROOT"/}"
