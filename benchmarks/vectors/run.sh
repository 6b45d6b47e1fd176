#!/usr/bin/env bash
# keel-ai's embedded vector store (Lucene HNSW) on N vectors: recall@10 against exact search, and
# query latency p50/p99, with and without a metadata filter:
#   ./benchmarks/vectors/run.sh
# Env: DATA ("clustered diffuse uniform"), N (100000), DIM (384), QUERIES (500), CANDIDATES ("100,200").
# The index goes to benchmarks/vectors/target/index-DATA, made again each run.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
./keel mvn -q -pl benchmarks/vectors -am package dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -DskipTests -Dspotless.check.skip=true >/dev/null
CP="$ROOT/benchmarks/vectors/target/classes:$(cat benchmarks/vectors/target/cp.txt)"
JAVA=${JAVA_HOME:-}
[ -x "${JAVA:-}/bin/java" ] && "$JAVA/bin/java" -version 2>&1 | grep -q '"2[5-9]' || JAVA=$(ls -d /usr/lib/jvm/*25* | head -1)
OUT="$ROOT/benchmarks/vectors/target"
uptime
for data in ${DATA:-clustered diffuse uniform}; do
  # jdk.incubator.vector: Lucene's SIMD distance functions (without it, scalar loops)
  "$JAVA/bin/java" -Xms1g -Xmx3g --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    -cp "$CP" dev.keel.benchmarks.vectors.VectorBench \
    "$data" "${N:-100000}" "${DIM:-384}" "${QUERIES:-500}" "${CANDIDATES:-100,200}" "$OUT/index-$data"
  echo
done
