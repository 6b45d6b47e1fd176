#!/usr/bin/env bash
# keel-admin's list page over 100,000 rows, measured with wrk, on SQLite and PostgreSQL:
#   ./benchmarks/admin/run.sh
# Each page: 3 s warm-up, then wrk with 1 connection (render time) and CONNECTIONS (throughput).
# Env: ROWS (100000), DBS ("sqlite postgres postgres-trgm"), PORT (18090), THREADS (2), CONNECTIONS (8),
#      DURATION (10s). PostgreSQL: the local server (postgres@127.0.0.1:5432, trust), database
#      keel_admin_bench, dropped and made again; postgres-trgm is the same with a pg_trgm index on
#      lower(title), which the search's `lower(title) like ?` uses. SQLite: target/admin-bench.db.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
./keel mvn -q -pl benchmarks/admin -am package dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -DskipTests -Dspotless.check.skip=true >/dev/null
CP="$ROOT/benchmarks/admin/target/classes:$(cat benchmarks/admin/target/cp.txt)"
JAVA=${JAVA_HOME:-}
[ -x "${JAVA:-}/bin/java" ] && "$JAVA/bin/java" -version 2>&1 | grep -q '"2[5-9]' || JAVA=$(ls -d /usr/lib/jvm/*25* | head -1)
ROWS=${ROWS:-100000}
PORT=${PORT:-18090}
OUT="$ROOT/benchmarks/admin/target"
MIDDLE=$(( ROWS / 2 ))
PATHS="/admin/item /admin/item?after=$MIDDLE /admin/item?sort=title&after=$MIDDLE /admin/item?q=needle /admin/item?sort=-likes"
uptime
for db in ${DBS:-sqlite postgres postgres-trgm}; do
  if [ "$db" = sqlite ]; then
    rm -f "$OUT/admin-bench.db"*
    URL="jdbc:sqlite:$OUT/admin-bench.db"
  else
    psql -q -h 127.0.0.1 -U postgres -c "drop database if exists keel_admin_bench with (force)" -c "create database keel_admin_bench" postgres
    URL="jdbc:postgresql://127.0.0.1:5432/keel_admin_bench"
  fi
  rm -f "$OUT/cookie"
  "$JAVA/bin/java" -Xms256m -Xmx1g -cp "$CP" dev.keel.benchmarks.admin.AdminBench "$URL" "$PORT" "$ROWS" "$OUT/cookie" &
  PID=$!
  trap 'kill $PID 2>/dev/null || true' EXIT
  for _ in $(seq 300); do [ -s "$OUT/cookie" ] && break; kill -0 $PID; sleep 1; done
  COOKIE=$(cat "$OUT/cookie")
  if [ "$db" = postgres-trgm ]; then
    psql -q -h 127.0.0.1 -U postgres -c "create extension if not exists pg_trgm" \
      -c "create index item_title_trgm on item using gin (lower(title) gin_trgm_ops)" \
      -c "analyze item" keel_admin_bench
  fi
  for path in $PATHS; do
    # warm-up, then two measured runs: one connection (the page's own render time, nothing
    # queued behind other requests) and CONNECTIONS connections (throughput; its tail is queueing
    # for the 2 cores that server and wrk share)
    wrk -t "${THREADS:-2}" -c "${CONNECTIONS:-8}" -d 3s -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$path" >/dev/null
    for c in 1 "${CONNECTIONS:-8}"; do
      echo "== $db $path  connections=$c"
      wrk -t 1 -c "$c" -d "${DURATION:-10s}" --latency -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$path" \
        | grep -E 'Requests/sec|^ +(50|75|90|99)%|Non-2xx|Socket errors'
    done
  done
  kill $PID; wait $PID 2>/dev/null || true
  trap - EXIT
done
uptime
