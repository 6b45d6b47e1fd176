#!/usr/bin/env bash
# Conduit's throughput on GET /api/articles in keel-services' two layouts: single (one process,
# People a plain method call) and split (People in a second JVM, called over HTTP).
#
#   benchmarks/services/conduit-layouts.sh [-n RUNS] [-d DURATION] [-c CONNECTIONS]
#
# Needs the packaged app: ./keel mvn -q -pl examples/conduit package -DskipTests
# (target/conduit.jar and target/lib). One SQLite file is seeded first (--seed: ann, bob and their
# articles); every run reads the same page of articles as an anonymous reader, which in the split
# layout is one call to People.authors per request. The layouts take turns (single, split, single,
# ...) so a change in the machine's load touches both; each run starts its processes, warms up
# with wrk for 10 s, measures for DURATION, and stops them. The access log is off
# (keel.ops.access-log=false) so that the numbers are not the cost of writing log lines.
# Prints req/s, p50 and p99 per run and the load average before each.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS=3
DURATION=10s
CONNS=16
while getopts "n:d:c:" opt; do
  case $opt in
    n) RUNS=$OPTARG ;;
    d) DURATION=$OPTARG ;;
    c) CONNS=$OPTARG ;;
    *) sed -n 2,15p "$0"; exit 2 ;;
  esac
done
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
APP_PORT="${BENCH_PORT:-29510}"
PEOPLE_PORT=$((APP_PORT + 1))
TARGET="$ROOT/examples/conduit/target"
[[ -f "$TARGET/conduit.jar" ]] || { echo "no $TARGET/conduit.jar: package it first (see above)"; exit 1; }
WORK="$(mktemp -d /tmp/keel-layouts.XXXXXX)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The committed deployment file with this script's ports, first on the class path.
mkdir -p "$WORK/deploy"
unzip -p "$TARGET/conduit.jar" keel-deploy.properties |
  sed -e "s/127.0.0.1:8080/127.0.0.1:$APP_PORT/" -e "s/127.0.0.1:8081/127.0.0.1:$PEOPLE_PORT/" \
    >"$WORK/deploy/keel-deploy.properties"
CP="$WORK/deploy:$TARGET/conduit.jar:$TARGET/lib/*"
DB="jdbc:sqlite:$WORK/conduit.db"

# start LAYOUT PROCESS PORT [ARGS...]: starts ConduitApp and waits for its readiness
start() {
  local layout=$1 process=$2 port=$3
  shift 3
  "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx256m -cp "$CP" dev.keel.examples.conduit.ConduitApp \
    --keel.server.port="$port" --keel.services.layout="$layout" --keel.services.process="$process" \
    --keel.db.url="$DB" --keel.ops.access-log=false "$@" >"$WORK/$process.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" && return 0
    sleep 0.1
  done
  echo "$layout/$process did not become ready:"; tail -20 "$WORK/$process.log"; exit 1
}

stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}

start single single "$APP_PORT" --seed
stop_all

URL="http://127.0.0.1:$APP_PORT/api/articles"
echo "wrk -t2 -c$CONNS -d$DURATION --latency $URL   ($(nproc) cores)"
printf '| run | layout | req/s | p50 | p99 | load average before |\n|---|---|---|---|---|---|\n'
for run in $(seq 1 "$RUNS"); do
  for layout in single split; do
    if [[ $layout == single ]]; then
      start single single "$APP_PORT"
    else
      start split people "$PEOPLE_PORT"
      start split app "$APP_PORT"
    fi
    articles=$(curl -sf "$URL" | grep -o '"articlesCount":[0-9]*')
    wrk -t2 -c"$CONNS" -d10s "$URL" >/dev/null
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    out=$(wrk -t2 -c"$CONNS" -d"$DURATION" --latency "$URL")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
    printf '| %s | %s | %s | %s | %s | %s |\n' "$run" "$layout" "$rps" "$p50" "$p99" "$load"
    [[ -z $errors ]] || echo "  $layout: $errors"
    stop_all
  done
done
echo "(each response: $articles)"
