#!/usr/bin/env bash
# Checks ./keel package end to end: packages examples/hello, starts the produced script on a free
# port, expects an answer, then sends SIGTERM and expects a graceful exit (0 or 143).
# Slow (Maven build + jlink), so not part of ./keel test: run it with `bash .ci/package-check.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
./keel package hello
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$(mktemp)
KEEL_SERVER_PORT=$port examples/hello/target/package/bin/hello >"$log" 2>&1 &
pid=$!
ok=""
for _ in $(seq 1 600); do
  if body=$(curl -sf "http://127.0.0.1:$port/hello/package"); then ok=1; break; fi
  kill -0 $pid 2>/dev/null || break
  sleep 0.1
done
if [ -z "$ok" ]; then echo "package-check: the packaged app did not answer; its log:" >&2; cat "$log" >&2; kill $pid 2>/dev/null; exit 1; fi
[ "$body" = '{"greeting":"Hello, package!"}' ] || { echo "package-check: unexpected body $body" >&2; exit 1; }
kill -TERM $pid
status=0; wait $pid || status=$?
if [ "$status" != 0 ] && [ "$status" != 143 ]; then echo "package-check: exit status $status after SIGTERM" >&2; exit 1; fi
echo "package-check: OK (answered on :$port, exited with $status after SIGTERM)"
