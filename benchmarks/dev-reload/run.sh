#!/usr/bin/env bash
# keel dev's reload time: runs `./keel dev conduit`, edits one controller of Conduit (the tags
# endpoint of Articles.java) N times, and times each edit from the file write until GET /api/tags
# answers with the new text. Prints every time and the median, with the load average.
# Usage: benchmarks/dev-reload/run.sh [N]   (PORT=18181 by default; the file is restored at exit)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N=${1:-10}
PORT=${PORT:-18181}
FILE="$ROOT/examples/conduit/src/main/java/dev/keel/examples/conduit/Articles.java"
WORK=$(mktemp -d)
cp "$FILE" "$WORK/Articles.java"
DEV_PID=""
cleanup() {
  cp "$WORK/Articles.java" "$FILE"
  if [ -n "$DEV_PID" ]; then kill "$DEV_PID" 2>/dev/null || true; wait "$DEV_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

cd "$ROOT"
./keel dev conduit --keel.server.port="$PORT" --keel.db.url="jdbc:sqlite:$WORK/conduit.db" \
  >"$WORK/dev.log" 2>&1 &
DEV_PID=$!
echo "dev-reload: starting keel dev conduit on port $PORT (log: $WORK/dev.log) ..."
for _ in $(seq 1 1200); do
  if curl -sf --max-time 2 "http://localhost:$PORT/api/tags" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$DEV_PID" 2>/dev/null; then cat "$WORK/dev.log"; exit 1; fi
  sleep 0.25
done
# the compiler warms up in the background after the start (a few compilations of the app)
for _ in $(seq 1 600); do
  grep -q "compiler warmed up" "$WORK/dev.log" && break
  sleep 0.5
done
grep "keel dev:" "$WORK/dev.log" || true

# --max-time: a request that reaches the old app as it stops can stay unanswered (see README)
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
times=()
for i in $(seq 1 "$N"); do
  sleep 1 # a person's pause between edits; lets the previous start settle
  marker="reload-$i-$RANDOM"
  # the tags endpoint answers a constant that changes with every edit
  perl -0pi -e "s/TagsResponse tags\\(\\) \\{.*?\\n  \\}\\n/TagsResponse tags() {\\n    return new TagsResponse(List.of(\"$marker\"));\\n  }\\n/s" "$FILE"
  t0=$(now_ms)
  until curl -s --max-time 2 "http://localhost:$PORT/api/tags" 2>/dev/null | grep -q "$marker"; do
    sleep 0.01
    if [ $(( $(now_ms) - t0 )) -gt 60000 ]; then tail -40 "$WORK/dev.log"; echo "no reload in 60 s"; exit 1; fi
  done
  t=$(( $(now_ms) - t0 ))
  times+=("$t")
  echo "edit $i: ${t} ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
median=${sorted[$(( N / 2 ))]}
[ $(( N % 2 )) -eq 0 ] && median=$(( (sorted[N / 2 - 1] + sorted[N / 2]) / 2 ))
echo "dev-reload: median ${median} ms over $N edits (min ${sorted[0]}, max ${sorted[$((N - 1))]}); load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
grep "keel dev:" "$WORK/dev.log" | tail -6
