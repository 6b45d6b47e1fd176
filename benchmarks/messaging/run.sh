#!/usr/bin/env bash
# keel-messaging's publish throughput, outbox throughput and end-to-end latency per broker:
#   ./benchmarks/messaging/run.sh                 # nats rabbitmq kafka
#   ./benchmarks/messaging/run.sh nats rabbitmq
# Needs NATS (JetStream) on 127.0.0.1:4222, RabbitMQ on 127.0.0.1:5672 (guest/guest) and
# PostgreSQL on 127.0.0.1:5432; Kafka is started by the benchmark (KafkaBroker, ports 27092-27093).
# The benchmark is a main in keel-messaging's test tree (MessagingBenchmark), next to the brokers'
# test set-up it shares.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
./keel mvn -q -pl keel-messaging -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test -Dspotless.check.skip=true >/dev/null
CP="$ROOT/keel-messaging/target/classes:$ROOT/keel-messaging/target/test-classes:$(cat keel-messaging/target/cp.txt)"
JAVA=${JAVA_HOME:-}
[ -x "${JAVA:-}/bin/java" ] && "$JAVA/bin/java" -version 2>&1 | grep -q '"2[5-9]' || JAVA=$(ls -d /usr/lib/jvm/*25* | head -1)
uptime
"$JAVA/bin/java" -Xmx1g -cp "$CP" dev.keel.messaging.MessagingBenchmark "$@" 2>&1 \
  | grep --line-buffered -E '^(NATS|RABBITMQ|KAFKA) '
