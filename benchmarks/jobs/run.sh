#!/usr/bin/env bash
# keel-jobs beside db-scheduler and JobRunr on the local PostgreSQL, round-robin, one JVM per run:
#   ./benchmarks/jobs/run.sh
# Env: JOBS (backlog size, 50000), WORKERS ("1 2 4"), ROUNDS (1), RATE (500), SECONDS_ (10),
#      FRAMEWORKS ("keel db-scheduler jobrunr"), ONLY=throughput|steady.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
./keel mvn -q -pl benchmarks/jobs -am package dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -DskipTests -Dspotless.check.skip=true >/dev/null
CP="$ROOT/benchmarks/jobs/target/classes:$(cat benchmarks/jobs/target/cp.txt)"
JAVA=${JAVA_HOME:-}
[ -x "${JAVA:-}/bin/java" ] && "$JAVA/bin/java" -version 2>&1 | grep -q '"2[5-9]' || JAVA=$(ls -d /usr/lib/jvm/*25* | head -1)
FLAGS="-Xms256m -Xmx1g"
FRAMEWORKS=${FRAMEWORKS:-keel db-scheduler jobrunr}
uptime
for round in $(seq "${ROUNDS:-1}"); do
  if [ "${ONLY:-throughput}" != steady ]; then
    for w in ${WORKERS:-1 2 4}; do
      for f in $FRAMEWORKS; do
        "$JAVA/bin/java" $FLAGS -cp "$CP" dev.keel.benchmarks.jobs.JobsBench "$f" "$w" throughput "${JOBS:-50000}" | grep '^RESULT' || echo "RESULT $f workers=$w FAILED"
      done
    done
  fi
  if [ "${ONLY:-steady}" != throughput ]; then
    for f in $FRAMEWORKS; do
      "$JAVA/bin/java" $FLAGS -cp "$CP" dev.keel.benchmarks.jobs.JobsBench "$f" 4 steady "${RATE:-500}" "${SECONDS_:-10}" | grep '^RESULT' || echo "RESULT $f steady FAILED"
    done
  fi
done
