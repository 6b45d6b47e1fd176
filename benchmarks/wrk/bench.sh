#!/usr/bin/env bash
# Keel benchmark harness: TechEmpower's tests, Keel against its peers.
#
#   bench.sh [--reps N] [--duration 10s] [--only-entries keel,netty,...] [--out docs/benchmarks.md]
#            [--tests plaintext,json,db,queries,updates,cached-queries,fortunes]
#            [--warmup 5s] [--warmup-rounds 6] [--heap 64m]
#
# --heap SIZE runs every Java server with -XmxSIZE (no -Xms) instead of the fixed 256 MiB heap, so
# that RSS shows the framework and not how much heap G1 was allowed to commit (footprint runs; the
# smallest heap at which each server still passes its load is found by min-heap.sh beside this).
# RSS is read twice: idle (1 s after the first 200, before any load) and after warm-up and all runs.
#
# Per repetition it goes round-robin over the servers (so machine noise is spread over all of
# them): start one server, time start-up (process start -> first 200 on /plaintext), validate its
# responses (first time only), warm up until throughput settles, run the wrk matrix, read its RSS,
# stop it. Then it prints
# one markdown table per metric (median and min-max across repetitions, ratio to Keel), and draws
# $RUN_DIR/chart.svg (Chart.java: req/s per test relative to Keel); --out FILE also writes the chart
# to benchmarks-chart.svg beside FILE and shows it at the top of FILE.
# The peers live in benchmarks/peers (see its README.md); they are not part of the root reactor.
# The database tests run against the local PostgreSQL's hello_world database, which the harness
# creates or repairs first with benchmarks/db/setup-hello-world.sh; an entry whose endpoint answers
# 404 (e.g. a Keel build without the database endpoints) has that test skipped with a note.
set -uo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
PEERS="$ROOT/benchmarks/peers"
COMMAND_LINE="benchmarks/wrk/bench.sh"
for arg in "$@"; do # shell-quote only what needs it (keeps --only a,b readable)
  if [[ "$arg" =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then COMMAND_LINE+=" $arg"; else COMMAND_LINE+=" $(printf '%q' "$arg")"; fi
done

REPS=3
DURATION=10s
WARMUP=5s         # length of one warm-up round
WARMUP_ROUNDS=6   # max rounds per endpoint; stops earlier once two rounds agree within 5 %
ONLY=""
OUT=""
HEAP=""
TEST_GROUPS="plaintext,json,db,queries,updates,cached-queries,fortunes" # --tests""
PORT="${BENCH_PORT:-8080}"
WRK_THREADS=2
STARTUP_TIMEOUT_S=60

# Database settings, the same for every server. The peers read DB_URL / DB_USER / DB_PASSWORD /
# DB_POOL_SIZE; Keel reads KEEL_DB_URL (postgres://user:pass@host/db). Pool size 8 on this 2-core
# host: HikariCP's rule of thumb (2 x cores + 1 = 5) plus headroom for the network waits of the
# blocking peers, and 2 connections per Vert.x event loop (4 loops). Keel's own pool-size key is
# keel-db's business: pass it (and any other KEEL_* setting) with BENCH_KEEL_ENV="KEY=value ...".
DB_POOL_SIZE="${BENCH_DB_POOL_SIZE:-8}"
DB_URL="${BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/hello_world}"
DB_USER="${BENCH_DB_USER:-benchmarkdbuser}"
DB_PASSWORD="${BENCH_DB_PASSWORD:-benchmarkdbpass}"
KEEL_DB_URL_VALUE="${BENCH_KEEL_DB_URL:-postgres://benchmarkdbuser:benchmarkdbpass@127.0.0.1:5432/hello_world}"
BENCH_KEEL_ENV="${BENCH_KEEL_ENV:-}"
DB_GROUPS="db queries updates cached-queries fortunes"

# Same JVM flags for every Java server. A fixed 256 MiB heap takes heap-sizing ergonomics out of
# the comparison (on this 24 GiB host the default max heap would be 6 GiB, so RSS would mostly
# measure how lazily each server's allocation rate lets G1 grow the heap) and is ample for
# hello-world handlers. G1 is named explicitly because the JVM silently picks Serial GC when it
# sees fewer than 2 CPUs or < 1792 MiB (containers). Native access is granted up front so that
# Netty's epoll JNI loading prints no JDK 25 warnings (no effect on servers that don't use JNI).
# Override with BENCH_JVM_OPTS if needed (and say so when publishing numbers).
JVM_OPTS="${BENCH_JVM_OPTS:--Xms256m -Xmx256m -XX:+UseG1GC --enable-native-access=ALL-UNNAMED}"

# ---- The servers: name -> start command (evaluated with $JAVA, $JVM_OPTS, $PORT set). ----------
# Order here = order of the round-robin and of the tables. Each command must `exec` the server
# so that the PID we hold is the JVM's own (for SIGTERM and /proc/PID/status).
SERVER_ORDER=(keel keel-vt keel-aot keel-rx keel-rx-lent keel-base netty vertx javalin spring helidon)
declare -A SERVER_CMD=(
  # Another build of the app (BENCH_KEEL_BASE_JAR=/copy/of/techempower.jar with its lib/ beside
  # it), for a before/after ratio measured in the same run. Only with --only-entries.
  [keel-base]='KEEL_SERVER_PORT=$PORT exec "$JAVA" $JVM_OPTS -jar "${BENCH_KEEL_BASE_JAR:?set BENCH_KEEL_BASE_JAR}"'
  [keel]='KEEL_SERVER_PORT=$PORT exec "$JAVA" $JVM_OPTS -jar "$ROOT/examples/techempower/target/techempower.jar"'
  # The same app with its handlers hopping to virtual threads: measures what the hop costs.
  [keel-vt]='KEEL_SERVER_PORT=$PORT KEEL_TECHEMPOWER_VIRTUAL_THREADS=true exec "$JAVA" $JVM_OPTS -jar "$ROOT/examples/techempower/target/techempower.jar"'
  # The same app started with a JDK 25 AOT cache (JEP 483/514) made by a training run below.
  [keel-aot]='KEEL_SERVER_PORT=$PORT exec "$JAVA" $JVM_OPTS -XX:AOTCache="$RUN_DIR/keel.aot" -jar "$ROOT/examples/techempower/target/techempower.jar"'
  # The same app with keel-db's reactive PostgreSQL driver (docs/adr/0032) instead of pgjdbc.
  [keel-rx]='KEEL_SERVER_PORT=$PORT KEEL_DB_DRIVER=reactive exec "$JAVA" $JVM_OPTS -jar "$ROOT/examples/techempower/target/techempower.jar"'
  # keel-rx with the driver on the server's event loops instead of loops of its own (docs/adr/0043).
  [keel-rx-lent]='KEEL_SERVER_PORT=$PORT KEEL_DB_DRIVER=reactive KEEL_DB_SERVER_EVENT_LOOPS=true exec "$JAVA" $JVM_OPTS -jar "$ROOT/examples/techempower/target/techempower.jar"'
  [netty]='PORT=$PORT exec "$JAVA" $JVM_OPTS -jar "$PEERS/netty/target/netty-peer.jar"'
  [vertx]='PORT=$PORT exec "$JAVA" $JVM_OPTS -jar "$PEERS/vertx/target/vertx-peer.jar"'
  [javalin]='PORT=$PORT exec "$JAVA" $JVM_OPTS -jar "$PEERS/javalin/target/javalin-peer.jar"'
  [spring]='PORT=$PORT exec "$JAVA" $JVM_OPTS -jar "$PEERS/spring/target/spring-peer.jar"'
  [helidon]='PORT=$PORT exec "$JAVA" $JVM_OPTS -jar "$PEERS/helidon/target/helidon-peer.jar"'
)
KEEL_JAR="$ROOT/examples/techempower/target/techempower.jar"
# Test groups an entry implements when it is not all of them (raw Netty stays plaintext/json only).
declare -A SERVER_GROUPS=([netty]="plaintext json")

# ---- The measurements: id | test group | path | connections | pipeline depth | title -----------
ALL_TESTS=(
  "plain64|plaintext|/plaintext|64|1|plaintext, 64 connections"
  "plain256|plaintext|/plaintext|256|1|plaintext, 256 connections"
  "pipe256|plaintext|/plaintext|256|16|plaintext, 256 connections, pipelined x16"
  "json64|json|/json|64|1|json, 64 connections"
  "json256|json|/json|256|1|json, 256 connections"
  "db64|db|/db|64|1|db, 64 connections"
  "db256|db|/db|256|1|db, 256 connections"
  "queries64|queries|/queries?queries=20|64|1|queries (20), 64 connections"
  "queries256|queries|/queries?queries=20|256|1|queries (20), 256 connections"
  "updates64|updates|/updates?queries=20|64|1|updates (20), 64 connections"
  "updates256|updates|/updates?queries=20|256|1|updates (20), 256 connections"
  "cached64|cached-queries|/cached-queries?count=20|64|1|cached-queries (20), 64 connections"
  "cached256|cached-queries|/cached-queries?count=20|256|1|cached-queries (20), 256 connections"
  "fortunes64|fortunes|/fortunes|64|1|fortunes, 64 connections"
  "fortunes256|fortunes|/fortunes|256|1|fortunes, 256 connections"
)
# TechEmpower's Accept headers: plaintext, the JSON tests (json and the four database JSON tests),
# fortunes.
ACCEPT_PLAIN='text/plain,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7'
ACCEPT_JSON='application/json,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7'
ACCEPT_HTML='text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'

usage() {
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
  echo "Servers: ${SERVER_ORDER[*]} (default: all; --only is the same as --only-entries)."
  echo "Tests: $TEST_GROUPS (default: all)."
  echo "Env: BENCH_PORT (default 8080), BENCH_JVM_OPTS, BENCH_DB_POOL_SIZE (8), BENCH_DB_URL,"
  echo "     BENCH_KEEL_DB_URL, BENCH_KEEL_ENV (extra KEY=value settings for the keel entries)."
}
die() { echo "bench: $*" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --reps) REPS="${2:?--reps needs a value}"; shift 2 ;;
    --reps=*) REPS="${1#*=}"; shift ;;
    --duration) DURATION="${2:?--duration needs a value}"; shift 2 ;;
    --duration=*) DURATION="${1#*=}"; shift ;;
    --warmup) WARMUP="${2:?--warmup needs a value}"; shift 2 ;;
    --warmup=*) WARMUP="${1#*=}"; shift ;;
    --warmup-rounds) WARMUP_ROUNDS="${2:?--warmup-rounds needs a value}"; shift 2 ;;
    --warmup-rounds=*) WARMUP_ROUNDS="${1#*=}"; shift ;;
    --only|--only-entries) ONLY="${2:?$1 needs a value}"; shift 2 ;;
    --only=*|--only-entries=*) ONLY="${1#*=}"; shift ;;
    --tests) TEST_GROUPS="${2:?--tests needs a value}"; shift 2 ;;
    --tests=*) TEST_GROUPS="${1#*=}"; shift ;;
    --heap) HEAP="${2:?--heap needs a value}"; shift 2 ;;
    --heap=*) HEAP="${1#*=}"; shift ;;
    --out) OUT="${2:?--out needs a value}"; shift 2 ;;
    --out=*) OUT="${1#*=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
[[ "$REPS" =~ ^[1-9][0-9]*$ ]] || die "--reps must be a positive integer, got '$REPS'"
[[ "$DURATION" =~ ^[0-9]+[smh]?$ ]] || die "--duration must look like 10s, got '$DURATION'"
[[ "$WARMUP" =~ ^[0-9]+[smh]?$ ]] || die "--warmup must look like 5s, got '$WARMUP'"
[[ "$WARMUP_ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "--warmup-rounds must be a positive integer"
[[ -n "$OUT" && "$OUT" != /* ]] && OUT="$PWD/$OUT"
if [[ -n "$HEAP" ]]; then
  [[ "$HEAP" =~ ^[0-9]+[kmgKMG]$ ]] || die "--heap must look like 64m, got '$HEAP'"
  [[ -n "${BENCH_JVM_OPTS:-}" ]] && die "--heap and BENCH_JVM_OPTS exclude each other; put -Xmx in BENCH_JVM_OPTS"
  JVM_OPTS="-Xmx$HEAP -XX:+UseG1GC --enable-native-access=ALL-UNNAMED"
fi

# --tests: which test groups; TESTS = the selected rows of ALL_TESTS, in catalogue order.
TEST_GROUPS=${TEST_GROUPS//cached,/cached-queries,}; [[ "$TEST_GROUPS" == *,cached ]] && TEST_GROUPS="${TEST_GROUPS%,cached},cached-queries"
[[ "$TEST_GROUPS" == cached ]] && TEST_GROUPS=cached-queries
IFS=',' read -r -a WANTED_GROUPS <<<"$TEST_GROUPS"
for g in "${WANTED_GROUPS[@]}"; do
  [[ " plaintext json $DB_GROUPS " == *" $g "* ]] || die "unknown test '$g' in --tests (known: plaintext,json,${DB_GROUPS// /,})"
done
TESTS=()
for t in "${ALL_TESTS[@]}"; do
  IFS='|' read -r _ group _ <<<"$t"
  for g in "${WANTED_GROUPS[@]}"; do [[ "$g" == "$group" ]] && TESTS+=("$t") && break; done
done
[[ ${#TESTS[@]} -gt 0 ]] || die "--tests selected nothing"
group_selected() { local g; for g in "${WANTED_GROUPS[@]}"; do [[ "$g" == "$1" ]] && return 0; done; return 1; }
WANT_DB=0
for g in $DB_GROUPS; do group_selected "$g" && WANT_DB=1; done
# supports NAME GROUP -> whether the entry implements that test group at all
supports() { [[ -z "${SERVER_GROUPS[$1]+x}" || " ${SERVER_GROUPS[$1]} " == *" $2 "* ]]; }

SELECTED=()
if [[ -z "$ONLY" ]]; then
  for s in "${SERVER_ORDER[@]}"; do [[ "$s" != keel-base ]] && SELECTED+=("$s"); done
else
  IFS=',' read -r -a wanted <<<"$ONLY"
  for w in "${wanted[@]}"; do
    [[ -n "${SERVER_CMD[$w]+x}" ]] || die "unknown server '$w' in --only (known: ${SERVER_ORDER[*]})"
  done
  for s in "${SERVER_ORDER[@]}"; do
    for w in "${wanted[@]}"; do [[ "$s" == "$w" ]] && SELECTED+=("$s") && break; done
  done
fi

RUN_DIR="$SCRIPT_DIR/target/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RUN_DIR"
RESULTS="$RUN_DIR/results.tsv" # server <TAB> metric <TAB> rep <TAB> value
: >"$RESULTS"
NOTES="$RUN_DIR/notes.txt" # problems worth printing under the tables
: >"$NOTES"
note() { echo "- $*" >>"$NOTES"; log "NOTE: $*"; }

# ---- Clean-up: nothing may outlive the script. ------------------------------------------------
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null
  fi
}
trap cleanup EXIT
trap 'echo "bench: interrupted" >&2; exit 130' INT TERM

# ---- Tools: JDK 25+, wrk, curl. --------------------------------------------------------------
jdk_major() { # JDK home -> major version (from its release file), or empty
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -1)
  if [[ -z "$v" && -x "$1/bin/java" ]]; then
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  fi
  echo "$v"
}
find_jdk() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    local m; m=$(jdk_major "$JAVA_HOME")
    [[ -n "$m" && "$m" -ge 25 ]] && { echo "$JAVA_HOME"; return; }
  fi
  local d m
  for d in /usr/lib/jvm/*; do
    [[ -f "$d/release" && -x "$d/bin/java" ]] || continue
    m=$(jdk_major "$d")
    [[ -n "$m" && "$m" -ge 25 ]] && { echo "$d"; return; }
  done
}
JAVA_HOME=$(find_jdk)
[[ -n "$JAVA_HOME" ]] || die "no JDK 25+ found (JAVA_HOME, /usr/lib/jvm/*)"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
log "JDK: $JAVA_HOME"

command -v curl >/dev/null || die "curl is required"
if ! command -v wrk >/dev/null; then
  log "wrk not found: installing it with apt-get"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y wrk >"$RUN_DIR/apt.log" 2>&1 ||
    { $SUDO apt-get update >>"$RUN_DIR/apt.log" 2>&1 && $SUDO apt-get install -y wrk >>"$RUN_DIR/apt.log" 2>&1; }
  command -v wrk >/dev/null || die "could not install wrk (see $RUN_DIR/apt.log)"
fi

# ---- The hello_world database (only when a database test is selected). -------------------------
DB_STATUS="not used (no database test selected)"
# The Vert.x peer loads the world table before it listens, so it needs the database even for a
# plaintext/json-only run (without it it exits: role "benchmarkdbuser" does not exist).
VERTX_NEEDS_DB=0
[[ -z "$ONLY" || ",$ONLY," == *,vertx,* ]] && VERTX_NEEDS_DB=1
if ((WANT_DB || VERTX_NEEDS_DB)); then
  log "creating/repairing the hello_world database (benchmarks/db/setup-hello-world.sh)"
  if "$ROOT/benchmarks/db/setup-hello-world.sh" >"$RUN_DIR/setup-db.log" 2>&1; then
    DB_STATUS="PostgreSQL $(psql -X -At -h 127.0.0.1 -U benchmarkdbuser -d hello_world -c 'SHOW server_version' 2>/dev/null || echo '?') on 127.0.0.1:5432 (same host), database hello_world (benchmarks/db/setup-hello-world.sh), pool size $DB_POOL_SIZE for every peer"
  else
    echo "bench: *** the hello_world database could not be set up; the database tests are dropped:" >&2
    sed 's/^/bench:     /' "$RUN_DIR/setup-db.log" >&2
    note "The database tests were dropped: benchmarks/db/setup-hello-world.sh failed ($(tail -1 "$RUN_DIR/setup-db.log"))."
    DB_STATUS="unavailable (setup failed, database tests dropped)"
    keep=(); for t in "${TESTS[@]}"; do IFS='|' read -r _ group _ <<<"$t"; [[ " $DB_GROUPS " == *" $group "* ]] || keep+=("$t"); done
    TESTS=("${keep[@]}"); WANT_DB=0
    [[ ${#TESTS[@]} -gt 0 ]] || die "only database tests were selected and the database is unavailable"
  fi
fi

# ---- Builds. ---------------------------------------------------------------------------------
is_selected() { local s; for s in "${SELECTED[@]}"; do [[ "$s" == "$1" ]] && return 0; done; return 1; }
unselect() { local s keep=(); for s in "${SELECTED[@]}"; do [[ "$s" != "$1" ]] && keep+=("$s"); done; SELECTED=("${keep[@]}"); }

KEEL_STATUS="not selected (--only)"
if is_selected keel || is_selected keel-vt || is_selected keel-aot || is_selected keel-rx || is_selected keel-rx-lent; then
  log "building Keel's techempower example"
  if (cd "$ROOT" && ./mvnw -q -B -pl examples/techempower -am package -DskipTests -Dspotless.check.skip=true) >"$RUN_DIR/build-keel.log" 2>&1 &&
    [[ -f "$KEEL_JAR" ]]; then
    KEEL_STATUS="benchmarked"
  else
    KEEL_STATUS="SKIPPED: could not build $KEEL_JAR (see $RUN_DIR/build-keel.log)"
    echo "bench: *** Keel skipped: examples/techempower did not build or produced no techempower.jar" >&2
    { grep -m3 'ERROR' "$RUN_DIR/build-keel.log" || tail -3 "$RUN_DIR/build-keel.log"; } | sed 's/^/bench:     /' >&2
    note "Keel was skipped: examples/techempower did not build (no target/techempower.jar)."
    unselect keel
    unselect keel-vt
    unselect keel-aot
    unselect keel-rx
    unselect keel-rx-lent
  fi
fi

# Keel gets KEEL_DB_URL only when its app has keel-db on its class path: keel-core's Config rejects
# unknown KEEL_* keys, so a Keel build without the data layer would refuse to start with it.
KEEL_HAS_DB=0
if ((WANT_DB)) && [[ -f "$KEEL_JAR" ]] && (is_selected keel || is_selected keel-vt || is_selected keel-aot || is_selected keel-rx || is_selected keel-rx-lent); then
  if unzip -p "$KEEL_JAR" META-INF/MANIFEST.MF 2>/dev/null | tr -d '\r' | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g' | grep -q 'lib/keel-db-'; then
    KEEL_HAS_DB=1
  else
    note "Keel's examples/techempower has no keel-db on its class path: its database tests are skipped (KEEL_DB_URL not passed)."
  fi
fi

# server_env NAME: exports the settings a server reads (called in the server's subshell).
server_env() {
  case "$1" in
    keel*)
      ((KEEL_HAS_DB)) && export KEEL_DB_URL="$KEEL_DB_URL_VALUE"
      local kv
      for kv in $BENCH_KEEL_ENV; do export "${kv?}"; done
      ;;
    *) export DB_URL DB_USER DB_PASSWORD DB_POOL_SIZE ;;
  esac
}

PEER_MODULES=()
for s in "${SELECTED[@]}"; do [[ "$s" != keel* ]] && PEER_MODULES+=("$s"); done
if [[ ${#PEER_MODULES[@]} -gt 0 ]]; then
  modules=$(IFS=,; echo "${PEER_MODULES[*]}")
  log "building peers: $modules"
  (cd "$ROOT" && ./mvnw -q -B -f benchmarks/peers/pom.xml -pl "$modules" package -DskipTests) \
    >"$RUN_DIR/build-peers.log" 2>&1 || { tail -30 "$RUN_DIR/build-peers.log" >&2; die "peer build failed (see $RUN_DIR/build-peers.log)"; }
fi
[[ ${#SELECTED[@]} -gt 0 ]] || die "nothing to benchmark"

# ---- Server life cycle. ----------------------------------------------------------------------
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

ensure_port_free() {
  local i
  for i in $(seq 1 100); do port_busy || return 0; sleep 0.1; done
  die "port $PORT is still in use by another process (ss -ltnp 'sport = :$PORT'); set BENCH_PORT"
}

# start_server NAME LOGFILE -> sets SERVER_PID and STARTUP_MS; returns 1 if it never answered 200.
start_server() {
  local name=$1 logf=$2 t0 code
  ensure_port_free
  t0=$(now_ms)
  (
    cd "$RUN_DIR" || exit 1
    server_env "$name"
    eval "${SERVER_CMD[$name]}"
  ) >"$logf" 2>&1 &
  SERVER_PID=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT/plaintext" 2>/dev/null)
    if [[ "$code" == 200 ]]; then STARTUP_MS=$(($(now_ms) - t0)); return 0; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      log "$name exited during start-up (log: $logf)"; tail -5 "$logf" >&2; SERVER_PID=""; return 1
    fi
    if (($(now_ms) - t0 > STARTUP_TIMEOUT_S * 1000)); then
      log "$name did not answer 200 on /plaintext within ${STARTUP_TIMEOUT_S}s"; stop_server; return 1
    fi
    sleep 0.01
  done
}

# Training run for keel-aot: start with -XX:AOTCacheOutput, exercise both endpoints, stop; the
# JVM writes the cache at exit. Without a cache keel-aot is dropped from the run.
train_keel_aot() {
  is_selected keel-aot || return 0
  log "training the AOT cache for keel-aot"
  local pid i
  ensure_port_free
  (cd "$RUN_DIR" && server_env keel-aot && KEEL_SERVER_PORT=$PORT exec "$JAVA" $JVM_OPTS -XX:AOTCacheOutput="$RUN_DIR/keel.aot" \
    -jar "$ROOT/examples/techempower/target/techempower.jar") >"$RUN_DIR/keel-aot-training.log" 2>&1 &
  pid=$!
  for i in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$PORT/plaintext" && break; sleep 0.05; done
  local t path paths=()
  for t in "${TESTS[@]}"; do IFS='|' read -r _ _ path _ <<<"$t"; [[ " ${paths[*]} " == *" $path "* ]] || paths+=("$path"); done
  for i in $(seq 1 200); do for path in "${paths[@]}"; do curl -s -o /dev/null "http://127.0.0.1:$PORT$path"; done; done
  kill -TERM "$pid" 2>/dev/null
  for i in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if [[ ! -s "$RUN_DIR/keel.aot" ]]; then
    log "no AOT cache was written (see $RUN_DIR/keel-aot-training.log): keel-aot skipped"
    note "keel-aot was skipped: the AOT training run wrote no cache."
    unselect keel-aot
  fi
}

stop_server() {
  [[ -n "$SERVER_PID" ]] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null
  local i
  for i in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    log "still alive 10 s after SIGTERM: SIGKILL"
    kill -KILL "$SERVER_PID" 2>/dev/null
  fi
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=""
}

rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null; }

# validate NAME -> 0 if the selected plaintext/json endpoints answer exactly as TechEmpower
# requires; prints why not. (The database tests are checked one by one in validate_db.)
validate() {
  local name=$1 path want_body want_type code body hdrs ok=0 paths=()
  group_selected plaintext && paths+=(/plaintext)
  group_selected json && paths+=(/json)
  for path in "${paths[@]}"; do
    if [[ $path == /plaintext ]]; then want_body='Hello, World!'; want_type='text/plain'
    else want_body='{"message":"Hello, World!"}'; want_type='application/json'; fi
    hdrs="$RUN_DIR/validate-$name${path//\//-}.headers"
    code=$(curl -s --max-time 5 -D "$hdrs" -o "$RUN_DIR/validate-$name${path//\//-}.body" -w '%{http_code}' "http://127.0.0.1:$PORT$path")
    body=$(cat "$RUN_DIR/validate-$name${path//\//-}.body" 2>/dev/null)
    [[ "$code" == 200 ]] || { echo "$path: status $code (want 200)"; ok=1; }
    [[ "$body" == "$want_body" ]] || { echo "$path: body '$body' (want '$want_body')"; ok=1; }
    grep -qi '^server:' "$hdrs" || { echo "$path: no Server header"; ok=1; }
    grep -qi '^date:' "$hdrs" || { echo "$path: no Date header"; ok=1; }
    tr -d '\r' <"$hdrs" | grep -qiE "^content-type: *$want_type *(;.*)?$" ||
      { echo "$path: content type '$(grep -i '^content-type:' "$hdrs" | tr -d '\r')' (want $want_type)"; ok=1; }
  done
  return $ok
}

declare -A SKIP=() # "NAME|GROUP" -> why that entry does not run that test

# validate_db NAME: for each selected database test the entry implements, a 404 marks the test as
# not implemented by this build (skipped with a note), anything else must pass benchmarks/db/verify.sh
# (else the test is skipped for this entry, with the failures in the notes).
validate_db() {
  local name=$1 g path code out
  for g in $DB_GROUPS; do
    group_selected "$g" || continue
    [[ -n "${SKIP[$name|$g]+x}" ]] && continue
    if ! supports "$name" "$g"; then SKIP[$name|$g]="not implemented (plaintext/json only)"; continue; fi
    path=$(for t in "${TESTS[@]}"; do IFS='|' read -r _ group p _ <<<"$t"; [[ $group == "$g" ]] && echo "$p" && break; done)
    code=$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' "http://127.0.0.1:$PORT${path%%\?*}")
    if [[ "$code" == 404 ]]; then
      SKIP[$name|$g]="no endpoint (404)"
      note "$name: ${path%%\?*} answers 404, so its $g test is skipped."
      continue
    fi
    if out=$("$ROOT/benchmarks/db/verify.sh" --tests "$g" "http://127.0.0.1:$PORT" 2>&1); then
      log "$name: $g responses valid"
    else
      SKIP[$name|$g]="failed validation"
      echo "bench: *** $name FAILED the $g checks, that test is not benchmarked:" >&2
      echo "$out" | grep -E '^(FAIL|  )' | head -10 | sed 's/^/bench:     /' >&2
      note "$name FAILED the $g checks and that test was not benchmarked: $(echo "$out" | grep '^FAIL' | head -5 | paste -sd ';' -)"
    fi
    echo "$out" >"$RUN_DIR/verify-$name-$g.txt"
  done
}

# run_wrk LOGFILE CONNECTIONS DEPTH PATH DURATION -> echoes "rps p99_ms socket_errors non2xx"
run_wrk() {
  local logf=$1 conns=$2 depth=$3 path=$4 dur=$5 accept script args=()
  case "$path" in
    /plaintext) accept=$ACCEPT_PLAIN ;;
    /fortunes) accept=$ACCEPT_HTML ;;
    *) accept=$ACCEPT_JSON ;;
  esac
  if ((depth > 1)); then script="$SCRIPT_DIR/pipeline.lua"; args=(-- "$depth"); else script="$SCRIPT_DIR/report.lua"; fi
  wrk -t"$WRK_THREADS" -c"$conns" -d"$dur" --latency -s "$script" \
    -H "Accept: $accept" -H 'Connection: keep-alive' \
    "http://127.0.0.1:$PORT$path" "${args[@]}" >"$logf" 2>&1
  awk '/^BENCH_RESULT/ {
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      printf "%.0f %.3f %d %d\n", v["requests"] / (v["duration_us"] / 1e6), v["p99_us"] / 1000, v["socket_errors"], v["non2xx"]
    }' "$logf"
}

# warm_up NAME REP: per endpoint, rounds of $WARMUP at 256 connections until two consecutive
# rounds agree within 5 % (JIT settled), at least 2 and at most $WARMUP_ROUNDS rounds. Slow
# starters (Jetty/Javalin, Tomcat) need 20 s+ on 2 busy cores; a fixed 5 s would rank their JIT.
warm_up() {
  local name=$1 rep=$2 path prev cur i rounds="" t group paths=() slug
  for t in "${TESTS[@]}"; do
    IFS='|' read -r _ group path _ <<<"$t"
    [[ -n "${SKIP[$name|$group]+x}" ]] && continue
    [[ " ${paths[*]} " == *" $path "* ]] || paths+=("$path")
  done
  for path in "${paths[@]}"; do
    prev=0
    slug=$(echo "$path" | tr -c 'A-Za-z0-9\n' '-')
    for i in $(seq 1 "$WARMUP_ROUNDS"); do
      cur=$(run_wrk "$RUN_DIR/$name-rep$rep-warmup$slug-$i.txt" 256 1 "$path" "$WARMUP" | cut -d' ' -f1)
      cur=${cur:-0}
      ((i > 1)) && awk -v a="$prev" -v b="$cur" 'BEGIN { exit !(a > 0 && b > 0 && (b - a) / a < 0.05 && (a - b) / a < 0.05) }' && break
      prev=$cur
    done
    rounds+="$path: $i round(s), last $cur req/s; "
  done
  log "rep $rep/$REPS: $name: warm-up done (${rounds%; })"
}

record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$RESULTS"; }

declare -A BROKEN=() VALIDATED=()

bench_server() {
  local name=$1 rep=$2 logf="$RUN_DIR/$1-rep$2.log" t id path conns depth title out rps p99 serr n2xx rss
  log "rep $rep/$REPS: $name: starting"
  if ! start_server "$name" "$logf"; then
    note "$name, rep $rep: did not start (log: $logf)."
    return
  fi
  log "rep $rep/$REPS: $name: up in ${STARTUP_MS} ms (pid $SERVER_PID)"
  record "$name" startup "$rep" "$STARTUP_MS"
  sleep 1 # let start-up's stragglers (JIT, lazy init on the first request) settle
  rss=$(rss_mib "$SERVER_PID")
  [[ -n "$rss" ]] && record "$name" rss_idle "$rep" "$rss"

  if [[ -z "${VALIDATED[$name]+x}" ]]; then
    if ! out=$(validate "$name"); then
      BROKEN[$name]="$out"
      echo "bench: *** $name FAILED validation, not benchmarked:" >&2
      echo "$out" | sed 's/^/bench:     /' >&2
      note "$name FAILED validation and was not benchmarked: $(echo "$out" | paste -sd ';' -)"
      stop_server
      return
    fi
    VALIDATED[$name]=1
    log "$name: responses valid"
    ((WANT_DB)) && validate_db "$name"
  fi

  warm_up "$name" "$rep"

  for t in "${TESTS[@]}"; do
    IFS='|' read -r id group path conns depth title <<<"$t"
    [[ -n "${SKIP[$name|$group]+x}" ]] && continue
    out=$(run_wrk "$RUN_DIR/$name-rep$rep-$id.txt" "$conns" "$depth" "$path" "$DURATION")
    if [[ -z "$out" ]]; then
      note "$name, rep $rep, $title: wrk produced no result (see $RUN_DIR/$name-rep$rep-$id.txt)."
      continue
    fi
    read -r rps p99 serr n2xx <<<"$out"
    record "$name" "rps_$id" "$rep" "$rps"
    record "$name" "p99_$id" "$rep" "$p99"
    ((serr > 0 || n2xx > 0)) && note "$name, rep $rep, $title: $serr socket errors, $n2xx non-2xx responses."
    log "rep $rep/$REPS: $name: $title: $rps req/s, p99 $p99 ms"
  done

  rss=$(rss_mib "$SERVER_PID")
  [[ -n "$rss" ]] && record "$name" rss "$rep" "$rss"
  log "rep $rep/$REPS: $name: RSS ${rss:-?} MiB; stopping"
  stop_server
}

# ---- Run. ------------------------------------------------------------------------------------
STARTED_AT=$(date -u +'%Y-%m-%d %H:%M:%S UTC')
log "servers: ${SELECTED[*]}; $REPS reps x ${#TESTS[@]} runs of $DURATION (after 2-$WARMUP_ROUNDS warm-up rounds of $WARMUP per endpoint); logs: $RUN_DIR"
train_keel_aot
for rep in $(seq 1 "$REPS"); do
  for name in "${SELECTED[@]}"; do
    [[ -n "${BROKEN[$name]+x}" ]] && continue
    bench_server "$name" "$rep"
  done
done

# ---- Report. ---------------------------------------------------------------------------------
# stats SERVER METRIC -> "median min max count" (empty when no samples)
stats() {
  awk -F'\t' -v s="$1" -v m="$2" '$1 == s && $2 == m { print $4 }' "$RESULTS" | sort -g |
    awk '{ v[NR] = $1 } END {
      if (NR == 0) exit
      med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      print med, v[1], v[NR], NR }'
}
fmt() { # METRIC-KIND VALUE
  case "$1" in
    rps|startup) printf '%.0f' "$2" ;;
    p99) printf '%.2f' "$2" ;;
    rss) printf '%.0f' "$2" ;;
  esac
}

table() { # METRIC TITLE UNIT KIND BETTER [GROUP]
  local metric=$1 title=$2 unit=$3 kind=$4 better=$5 group=${6:-} name st med min max n keel ratio netty pct
  # the reference column: raw Netty (the ceiling) where it runs the test, else Vert.x
  local ref=netty ref_label=Netty
  [[ -n "$group" ]] && ! supports netty "$group" && ref=vertx ref_label=Vert.x
  keel=$(stats keel "$metric" | cut -d' ' -f1)
  netty=$(stats "$ref" "$metric" | cut -d' ' -f1)
  echo "### $title"
  echo
  echo "$unit, $better is better. Median (min–max) over the repetitions."
  echo
  echo "| server | median | min–max | vs Keel | vs $ref_label |"
  echo "|---|--:|--:|--:|--:|"
  for name in "${SERVER_ORDER[@]}"; do
    if [[ $name == keel && $KEEL_STATUS == SKIPPED* ]]; then echo "| keel | skipped (not built) | | | |"; continue; fi
    is_selected "$name" || continue
    st=$(stats "$name" "$metric")
    if [[ -z "$st" ]]; then
      if [[ -n "${BROKEN[$name]+x}" ]]; then echo "| $name | failed validation | | | |"
      elif [[ -n "$group" && -n "${SKIP[$name|$group]+x}" ]]; then echo "| $name | skipped: ${SKIP[$name|$group]} | | | |"
      else echo "| $name | no data | | | |"; fi
      continue
    fi
    read -r med min max n <<<"$st"
    ratio="–"; [[ -n "$keel" ]] && awk -v k="$keel" 'BEGIN { exit !(k > 0) }' && ratio=$(awk -v a="$med" -v k="$keel" 'BEGIN { printf "%.2f×", a / k }')
    pct="–"; [[ -n "$netty" ]] && awk -v k="$netty" 'BEGIN { exit !(k > 0) }' && pct=$(awk -v a="$med" -v k="$netty" 'BEGIN { printf "%.0f%%", 100 * a / k }')
    local label=$name; [[ $name == netty ]] && label="netty (raw, ceiling)"
    echo "| $label | $(fmt "$kind" "$med") | $(fmt "$kind" "$min")–$(fmt "$kind" "$max") | $ratio | $pct |"
  done
  echo
}

peer_version() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$PEERS/pom.xml" | head -1; }

report() {
  echo "## Keel benchmark results"
  echo
  echo "- Command: \`$COMMAND_LINE\`"
  echo "- Date: $STARTED_AT"
  echo "- Machine: $(nproc) CPUs (nproc), $(uname -sr), shared with everything else running on it"
  echo "- JDK: $("$JAVA" -version 2>&1 | sed -n 2p) ($JAVA_HOME)"
  echo "- JVM flags (every server): \`$JVM_OPTS\`"
  echo "- Load: $(wrk -v 2>&1 | head -1 | awk '{print $1, $2}'), $WRK_THREADS threads, $DURATION per run after a warm-up of 2–$WARMUP_ROUNDS rounds of $WARMUP per endpoint (until throughput settles within 5 %), $REPS repetition(s), servers taken round-robin; wrk and server on the same host"
  echo "- Peers: Netty $(peer_version netty.version), Vert.x $(peer_version vertx.version), Javalin $(peer_version javalin.version), Spring Boot $(peer_version spring-boot.version), Helidon $(peer_version helidon.version)"
  echo "- Keel: $KEEL_STATUS"
  echo "- Tests: $(IFS=,; echo "${WANTED_GROUPS[*]}"); database: $DB_STATUS"
  ((WANT_DB)) && echo "- Database clients: Spring Boot's JdbcTemplate + HikariCP + pgjdbc (its BOM), Javalin and Helidon JDBC with HikariCP $(peer_version hikaricp.version) + pgjdbc $(peer_version postgresql.version), Vert.x's reactive PostgreSQL client (vertx-pg-client $(peer_version vertx.version), pipelined); fortunes through JMustache $(peer_version jmustache.version) in every peer; Keel: $(if ((KEEL_HAS_DB)); then echo "KEEL_DB_URL=${KEEL_DB_URL_VALUE//benchmarkdbpass/***}"; else echo "no keel-db on its class path (KEEL_DB_URL not passed)"; fi)${BENCH_KEEL_ENV:+, $BENCH_KEEL_ENV}"
  echo
  echo '```'
  echo "\$ free -g"
  free -g
  echo '```'
  echo
  echo "\"vs Keel\" = server ÷ Keel (medians). Raw Netty is the practical ceiling for a JVM server; \"vs Netty\" = server ÷ Netty. Netty runs plaintext and json only: the database tables compare with Vert.x instead (\"vs Vert.x\")."
  echo
  local t id group path conns depth title
  table startup "Start-up time" "ms from process start to the first 200 on /plaintext" startup lower
  for t in "${TESTS[@]}"; do
    IFS='|' read -r id group path conns depth title <<<"$t"
    table "rps_$id" "Throughput: $title" "requests/s" rps higher "$group"
  done
  for t in "${TESTS[@]}"; do
    IFS='|' read -r id group path conns depth title <<<"$t"
    table "p99_$id" "p99 latency: $title" "ms$([[ $depth -gt 1 ]] && echo ", per pipelined batch")" p99 lower "$group"
  done
  table rss_idle "Memory: RSS at idle" "MiB (VmRSS, 1 s after the first 200, before any load; JVM flags: \`$JVM_OPTS\`)" rss lower
  table rss "Memory: RSS after the runs" "MiB (VmRSS, read after warm-up and all runs; JVM flags: \`$JVM_OPTS\`)" rss lower
  if [[ -s "$NOTES" ]]; then
    echo "### Notes"
    echo
    cat "$NOTES"
    echo
  fi
  echo "Raw logs: \`${RUN_DIR#"$ROOT"/}\`"
}

REPORT="$RUN_DIR/report.md"
report >"$REPORT"
cat "$REPORT"

# The chart: req/s of every test relative to Keel, with min-max whiskers (benchmarks/wrk/Chart.java,
# plain SVG, no dependencies). A chart that cannot be drawn is logged; the tables stand without it.
CHART="$RUN_DIR/chart.svg"
if "$JAVA" "$SCRIPT_DIR/Chart.java" "$RESULTS" "$CHART" "$STARTED_AT" "$COMMAND_LINE" 2>"$RUN_DIR/chart.log"; then
  log "chart: $CHART"
else
  log "no chart drawn: $(tail -1 "$RUN_DIR/chart.log")"
  CHART=""
fi

if [[ -n "$OUT" ]]; then
  mkdir -p "$(dirname "$OUT")"
  if [[ -n "$CHART" ]]; then
    # The chart goes next to FILE as benchmarks-chart.svg; FILE shows it under its heading.
    cp "$CHART" "$(dirname "$OUT")/benchmarks-chart.svg"
    awk '{ print } NR == 1 { print ""; print "![Keel against its peers](benchmarks-chart.svg)" }' "$REPORT" >"$OUT"
    log "written to $OUT and $(dirname "$OUT")/benchmarks-chart.svg"
  else
    cp "$REPORT" "$OUT"
    log "written to $OUT"
  fi
fi
