#!/usr/bin/env bash
# Trains a JDK AOT cache for an app jar the way `./keel run` does (keel-cli's AotCache): a
# recording run on PORT, the same training requests, SIGTERM, then -XX:AOTMode=create.
#
#   benchmarks/startup/train.sh JAR CACHE PORT [APP ARGS ...]
#
# For side-by-side runs of an older build (run.sh -b): copy its jar and lib/ elsewhere, train a
# cache for the copy with this script.
set -euo pipefail
JAR=$1 CACHE=$2 PORT=$3; shift 3
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
WORK="$(mktemp -d /tmp/keel-train.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && exec "$JAVA" -XX:AOTMode=record -XX:AOTConfiguration="$WORK/aotconf" \
  --enable-native-access=ALL-UNNAMED -jar "$JAR" "$@" --keel.server.port="$PORT") >"$WORK/log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do grep -q "Keel started on" "$WORK/log" && break; sleep 0.1; done
grep -q "Keel started on" "$WORK/log" || { cat "$WORK/log" >&2; kill "$pid"; exit 1; }
for p in / /health/live /health/ready /openapi.json /docs /api/articles /api/tags /json /plaintext /nowhere; do
  curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$PORT$p" || true
done
kill -TERM "$pid"; wait "$pid" || true
(cd "$WORK" && "$JAVA" -XX:AOTMode=create -XX:AOTConfiguration="$WORK/aotconf" \
  --enable-native-access=ALL-UNNAMED -XX:AOTCache="$CACHE" -cp "$JAR") >>"$WORK/log" 2>&1 ||
  { tail -20 "$WORK/log" >&2; exit 1; }
echo "trained $CACHE"
