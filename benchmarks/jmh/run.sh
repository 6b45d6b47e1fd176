#!/usr/bin/env bash
# Builds benchmarks/jmh/target/keel-jmh.jar and runs JMH with the given arguments, e.g.
#   benchmarks/jmh/run.sh                                  every benchmark, with -prof gc
#   benchmarks/jmh/run.sh RouterBenchmark -wi 2 -i 3       a regex of benchmarks, JMH options
# Adds -prof gc (allocation per operation) unless a -prof is given, and ends with a short table
# of time and allocation per operation. Also run by ./keel bench jmh [ARGS].
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="$ROOT/benchmarks/jmh/target/keel-jmh.jar"
CSV="$ROOT/benchmarks/jmh/target/jmh-result.csv"

# Formatting is checked by ./keel test, not here: an unformatted edit may still be measured.
"$ROOT/keel" mvn -q -pl benchmarks/jmh -am package -DskipTests -Dspotless.check.skip=true
JAVA_HOME=$("$ROOT/keel" java)

args=("$@")
has() { local a; for a in "${args[@]}"; do [ "$a" = "$1" ] && return 0; done; return 1; }
extra=()
has -prof || extra+=(-prof gc)
summary=false
if ! has -rf && ! has -rff; then
  extra+=(-rf csv -rff "$CSV"); summary=true; rm -f "$CSV"
fi

status=0
"$JAVA_HOME/bin/java" -jar "$JAR" "${args[@]}" "${extra[@]}" || status=$?

# The CSV has one row per result; secondary results (":gc.alloc.rate.norm") follow their primary.
if $summary && [ -s "$CSV" ]; then
  echo
  echo "Summary ($(nproc) cores; full results: ${CSV#"$ROOT/"})"
  awk -F, '
    NR == 1 { next }
    { gsub(/"/, "") }
    $1 !~ /:/ { name = $1; sub(/^dev\.keel\.jmh\./, "", name); order[++n] = name
                score[name] = $5; err[name] = $6; unit[name] = $7; alloc[name] = "-" }
    $1 ~ /:gc\.alloc\.rate\.norm$/ { alloc[name] = sprintf("%.0f", $5) }
    END {
      printf "%-36s %12s %10s %-8s %10s\n", "Benchmark", "Score", "Error", "Unit", "B/op"
      for (i = 1; i <= n; i++) { b = order[i]
        printf "%-36s %12.1f %10s %-8s %10s\n", b, score[b], \
          (err[b] == "NaN" ? "-" : sprintf("%.1f", err[b])), unit[b], alloc[b] }
    }' "$CSV"
fi
exit $status
