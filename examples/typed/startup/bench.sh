#!/usr/bin/env bash
# Start-up of 50 generated routes vs the same 50 functional routes: RUNS alternating starts of
# each, printing the median of the in-process time (JVM start to port open) and of the wall time
# of the whole process. Usage: examples/typed/startup/bench.sh [RUNS]   (default 10)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
RUNS=${1:-10}
"$ROOT/keel" mvn -q -pl examples/typed -am package -DskipTests -Dspotless.check.skip=true
JAVA="$("$ROOT/keel" java)/bin/java"
CP="$ROOT/examples/typed/target/typed.jar"
TMP=$(mktemp); trap 'rm -f "$TMP"' EXIT
declare -A inproc wall cpu register
for ((i = 0; i < RUNS; i++)); do
  for mode in controllers functional; do
    t0=$(date +%s%N)
    out=$( { TIMEFORMAT='cpu %U %S'; time "$JAVA" -cp "$CP" dev.keel.examples.typed.startup.StartupMain "$mode" >"$TMP" 2>/dev/null; } 2>&1 )
    t1=$(date +%s%N)
    ms=$(sed -n "s/^startup-ms $mode //p" "$TMP")
    cpu[$mode]+="$(echo "$out" | awk '/^cpu/ {printf "%d", ($2 + $3) * 1000}') "
    inproc[$mode]+="$ms "
    register[$mode]+="$(sed -n "s/^phases-ms $mode create [0-9.]* register \([0-9.]*\) start \([0-9.]*\)/\1+\2/p" "$TMP" | bc) "
    wall[$mode]+="$(( (t1 - t0) / 1000000 )) "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for mode in controllers functional; do
  printf '%-12s medians: in-process %5s ms, wall %5s ms, cpu (user+sys) %5s ms, register+start %6s ms   (in-process runs: %s)\n' \
    "$mode" "$(echo "${inproc[$mode]}" | median)" "$(echo "${wall[$mode]}" | median)" \
    "$(echo "${cpu[$mode]}" | median)" "$(echo "${register[$mode]}" | median)" "${inproc[$mode]}"
done
