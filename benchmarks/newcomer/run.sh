#!/usr/bin/env bash
# A newcomer's path, timed: a fresh clone of this repository, then the README's "Start your own
# project" steps — `./keel new`, `./keel generate resource Post ...`, `./keel dev` until /docs
# answers, and a POST /api/posts that must answer 201. Prints each step's wall time and the total.
# Usage: benchmarks/newcomer/run.sh            # a fresh machine: empty Maven repository and wrapper
#        CACHE=warm benchmarks/newcomer/run.sh # Maven's third-party artifacts already downloaded
# (PORT=18777 by default; everything is written under one temporary folder, removed at exit.)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT=${PORT:-18777}
CACHE=${CACHE:-empty}
WORK=$(mktemp -d)
DEV_PID=""
cleanup() {
  if [ -n "$DEV_PID" ]; then kill "$DEV_PID" 2>/dev/null || true; wait "$DEV_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# The user's own Maven home: empty (a fresh machine: every artifact and Maven itself come from
# Maven Central) or a copy of this machine's repository without Keel's artifacts.
export MAVEN_USER_HOME="$WORK/m2"
mkdir -p "$MAVEN_USER_HOME/repository"
if [ "$CACHE" = warm ]; then
  cp -a "$HOME/.m2/repository/." "$MAVEN_USER_HOME/repository/"
  rm -rf "$MAVEN_USER_HOME/repository/dev/keel"
  [ -d "$HOME/.m2/wrapper" ] && cp -a "$HOME/.m2/wrapper" "$MAVEN_USER_HOME/"
fi
export MAVEN_OPTS="-Dmaven.repo.local=$MAVEN_USER_HOME/repository"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
START=$(now_ms)
step_start=$START
step() { local t; t=$(now_ms); printf 'newcomer: %-60s %6.1f s\n' "$1" "$(echo "($t - $step_start) / 1000" | bc -l)"; step_start=$t; }

git clone -q "$ROOT" "$WORK/keel"
step "git clone"
cd "$WORK/keel"
./keel new "$WORK/blog" >"$WORK/new.log" 2>&1 || { cat "$WORK/new.log"; exit 1; }
step "./keel new ~/code/blog (builds keel-cli, installs Keel)"
cd "$WORK/blog"
./keel generate resource Post title:string:required:max=200 body:text published:boolean \
  >"$WORK/generate.log" 2>&1 || { cat "$WORK/generate.log"; exit 1; }
step "./keel generate resource Post ..."
KEEL_SERVER_PORT=$PORT ./keel dev >"$WORK/dev.log" 2>&1 &
DEV_PID=$!
until curl -sf --max-time 2 "http://localhost:$PORT/docs" >/dev/null 2>&1; do
  if ! kill -0 "$DEV_PID" 2>/dev/null; then cat "$WORK/dev.log"; exit 1; fi
  sleep 0.25
done
step "./keel dev until /docs answers"
code=$(curl -s -o "$WORK/post.json" -w '%{http_code}' "http://localhost:$PORT/api/posts" \
  -H 'Content-Type: application/json' -d '{"title": "Hello", "body": "First post"}')
cat "$WORK/post.json"; echo
[ "$code" = 201 ] || { echo "newcomer: POST /api/posts answered $code, not 201"; tail -30 "$WORK/dev.log"; exit 1; }
step "POST /api/posts -> 201"
total=$(( $(now_ms) - START ))
echo "newcomer: the Maven repository holds $(du -sh "$MAVEN_USER_HOME/repository" | cut -f1) ($(find "$MAVEN_USER_HOME/repository" -name "*.jar" | wc -l) jars), Keel's modules $(ls "$MAVEN_USER_HOME/repository/dev/keel" | wc -l)"
echo "newcomer: total $(echo "$total / 1000" | bc -l | xargs printf '%.1f') s (Maven cache: $CACHE); load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
