#!/usr/bin/env bash
# Start-up time of Keel's apps beside Spring Boot, Quarkus and Helidon: process start -> first 200.
#
#   benchmarks/startup/run.sh [-n RUNS] [-b DIR] [SERVER ...]
#
# Servers: hello, hello-aot, conduit, conduit-aot, spring, quarkus, helidon (default: all that are
# built; see README.md for how to build them). Each is started RUNS times (default 10), the servers
# taking turns (round-robin), so a change in the machine's load touches them all alike. A run is
# timed from just before the JVM is started to the first 200 on its URL (curl every 5 ms); at that
# moment the JVM's CPU time (user+sys, from /proc/PID/stat) is read too, which the machine's load
# disturbs much less than wall time. Then the process is killed. Prints the median, min and max of
# both per server, the load average before and after, and the ratio of each median to Spring Boot's.
# The main thread's CPU time is printed as well ("main cpu ms"): the work on the start-up path itself,
# which work moved to a background thread no longer adds to.
#
# The -aot variants use the JDK's AOT cache made by the normal build (`./keel run`/`./keel demo`
# write target/<app>.aot on the first start after a build; `./keel package` makes its own,
# target/package/app/<app>.aot, for the packaged runtime).
# With -b DIR, an older build can be timed in the same run: DIR/hello/hello.jar and
# DIR/conduit/conduit.jar (each beside its lib/) and their caches DIR/hello/hello.aot,
# DIR/conduit/conduit.aot (made by train.sh) are the servers hello-before, hello-aot-before,
# conduit-before and conduit-aot-before.
# Conduit starts on a SQLite file whose migrations were applied (and demo data seeded) by one start
# before the timed runs, as `./keel demo` leaves it: the timed runs have nothing to migrate.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS=10
BEFORE=""
while getopts "n:b:" opt; do
  case $opt in
    n) RUNS=$OPTARG ;;
    b) BEFORE=$(cd "$OPTARG" && pwd) ;;
    *) sed -n 2,22p "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
PORT="${STARTUP_PORT:-18080}"
WORK="$(mktemp -d /tmp/keel-startup.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
TICK=$(getconf CLK_TCK)

HELLO="$ROOT/examples/hello/target/hello.jar"
CONDUIT="$ROOT/examples/conduit/target/conduit.jar"
PEERS="$ROOT/benchmarks/peers"
KEEL_ARGS="--enable-native-access=ALL-UNNAMED"
declare -A CMD URL JAR
JAR[hello]=$HELLO
CMD[hello]="$JAVA $KEEL_ARGS -jar $HELLO --keel.server.port=$PORT"
URL[hello]=/
JAR[hello-aot]="${HELLO%.jar}.aot"
CMD[hello-aot]="$JAVA -XX:AOTCache=${HELLO%.jar}.aot $KEEL_ARGS -jar $HELLO --keel.server.port=$PORT"
URL[hello-aot]=/
DB="jdbc:sqlite:$WORK/conduit.db"
JAR[conduit]=$CONDUIT
CMD[conduit]="$JAVA $KEEL_ARGS -jar $CONDUIT --keel.db.url=$DB --keel.server.port=$PORT"
URL[conduit]=/api/articles
JAR[conduit-aot]="${CONDUIT%.jar}.aot"
CMD[conduit-aot]="$JAVA -XX:AOTCache=${CONDUIT%.jar}.aot $KEEL_ARGS -jar $CONDUIT --keel.db.url=$DB --keel.server.port=$PORT"
URL[conduit-aot]=/api/articles
JAR[spring]="$PEERS/spring/target/spring-peer.jar"
CMD[spring]="$JAVA -jar ${JAR[spring]}"
URL[spring]=/plaintext
JAR[quarkus]="$PEERS/quarkus/target/quarkus-app/quarkus-run.jar"
CMD[quarkus]="$JAVA -jar ${JAR[quarkus]}"
URL[quarkus]=/plaintext
JAR[helidon]="$PEERS/helidon/target/helidon-peer.jar"
CMD[helidon]="$JAVA -jar ${JAR[helidon]}"
URL[helidon]=/plaintext
ALL=(hello hello-aot conduit conduit-aot spring quarkus helidon)
if [[ -n $BEFORE ]]; then
  for s in hello hello-aot conduit conduit-aot; do
    app=${s%-aot}
    JAR[$s-before]=$BEFORE/$app/$app.jar
    CMD[$s-before]=${CMD[$s]//$ROOT\/examples\/$app\/target/$BEFORE\/$app}
    URL[$s-before]=${URL[$s]}
  done
fi

SERVERS=("$@")
if [[ ${#SERVERS[@]} -eq 0 ]]; then
  for s in "${ALL[@]}"; do
    if [[ -f "${JAR[$s]}" ]]; then SERVERS+=("$s"); else echo "skipping $s: no ${JAR[$s]}" >&2; fi
  done
fi

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

# start NAME -> prints "WALL_MS CPU_MS", or fails when the server never answered 200.
start() {
  local name=$1 t0 t1 pid code stat cpu main
  for _ in $(seq 1 200); do port_busy || break; sleep 0.05; done
  t0=$(date +%s%N)
  (cd "$WORK" && PORT=$PORT exec ${CMD[$name]}) >"$WORK/$name.log" 2>&1 &
  pid=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT${URL[$name]}" || true)
    if [[ "$code" == 200 ]]; then
      t1=$(date +%s%N)
      stat=$(cut -d' ' -f14,15 "/proc/$pid/stat")
      cpu=$(((${stat% *} + ${stat#* }) * 1000 / TICK))
      # the main thread's share: the JVM's "main" runs as the busiest thread named "java"
      main=$(for t in /proc/$pid/task/*; do
        if [[ $(cat "$t/comm" 2>/dev/null) == java ]]; then cut -d' ' -f14,15 "$t/stat" 2>/dev/null || true; fi
      done | awk '{c=$1+$2; if (c>m) m=c} END {print m+0}')
      main=$((main * 1000 / TICK))
      break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited before answering; its log:" >&2; tail -20 "$WORK/$name.log" >&2; return 1
    fi
    if (($(date +%s%N) - t0 > 60000000000)); then
      echo "$name did not answer 200 within 60 s" >&2; kill -9 "$pid"; return 1
    fi
    sleep 0.005
  done
  kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  echo "$(((t1 - t0) / 1000000)) $cpu $main"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
minmax() { sort -n | awk 'NR==1{min=$1} {max=$1} END {print min "-" max}'; }

# Conduit: migrate and seed once, as ./keel demo leaves its database.
for s in "${SERVERS[@]}"; do
  if [[ $s == conduit* ]]; then
    CMD[seed]="${CMD[conduit]} --seed"; URL[seed]=/api/articles
    start seed >/dev/null
    break
  fi
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $RUNS runs each, round-robin"
for i in $(seq 1 "$RUNS"); do
  for s in "${SERVERS[@]}"; do
    read -r wall cpu main < <(start "$s")
    echo "$wall" >>"$WORK/$s.wall"; echo "$cpu" >>"$WORK/$s.cpu"; echo "$main" >>"$WORK/$s.main"
  done
  echo "  run $i/$RUNS done (load $(cut -d' ' -f1 /proc/loadavg))" >&2
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

SPRING=""
[[ -f "$WORK/spring.wall" ]] && SPRING=$(median <"$WORK/spring.wall")
printf '%-18s %10s %12s %10s %12s %12s %10s\n' server "wall ms" "(min-max)" "cpu ms" "(min-max)" "main cpu ms" "vs spring"
for s in "${SERVERS[@]}"; do
  w=$(median <"$WORK/$s.wall"); c=$(median <"$WORK/$s.cpu")
  ratio="-"; [[ -n $SPRING ]] && ratio=$(awk -v a="$w" -v b="$SPRING" 'BEGIN{printf "%.2f", a/b}')
  printf '%-18s %10s %12s %10s %12s %12s %10s\n' "$s" "$w" "($(minmax <"$WORK/$s.wall"))" "$c" "($(minmax <"$WORK/$s.cpu"))" "$(median <"$WORK/$s.main")" "$ratio"
done
