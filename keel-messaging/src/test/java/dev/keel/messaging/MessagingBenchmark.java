package dev.keel.messaging;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publish throughput and end-to-end latency per broker, on this machine's NATS and RabbitMQ and a
 * KRaft broker started from Kafka's jars. Run from {@code keel-messaging} after {@code mvn
 * test-compile}:
 *
 * <pre>{@code
 * java -cp target/classes:target/test-classes:$(cat cp.txt) dev.keel.messaging.MessagingBenchmark [nats rabbitmq kafka]
 * }</pre>
 *
 * <p>Throughput: 16 virtual threads publishing one message at a time, each {@code publish} waiting
 * for the broker's confirmation (the guarantee the API gives), plus the time until a subscriber
 * (maxInFlight 64) handled them all. Latency: one message at a time, from {@code publish} to the
 * handler's start; median and 99th percentile of 2,000. Outbox: 100 transactions of 100 messages on
 * PostgreSQL, from the first commit until the subscriber handled all.
 */
public final class MessagingBenchmark {
  record Ping(long sentNanos, int n) {}

  private MessagingBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> which = args.length > 0 ? List.of(args) : List.of("nats", "rabbitmq", "kafka");
    for (String name : which) {
      Brokers broker = Brokers.valueOf(name.toUpperCase(java.util.Locale.ROOT));
      throughput(broker, 16, 1_000);
      outbox(broker, 100, 100);
      latency(broker, 2_000);
    }
    System.exit(0);
  }

  private static void throughput(Brokers broker, int threads, int perThread) throws Exception {
    String topic = TestApp.topic("bench");
    int total = threads * perThread;
    CountDownLatch received = new CountDownLatch(total);
    Messaging messaging =
        broker
            .messaging()
            .subscribe(
                Subscription.to(topic, Ping.class).maxInFlight(64), m -> received.countDown());
    try (var app = TestApp.start(null, messaging)) {
      for (int i = 0; i < 200; i++) app.messaging.publish(topic, new Ping(0, -1)); // warm-up
      Thread.sleep(1000);
      CountDownLatch sent = new CountDownLatch(threads);
      AtomicInteger n = new AtomicInteger();
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        Thread.ofVirtual()
            .start(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    app.messaging.publish(topic, new Ping(0, n.incrementAndGet()));
                  }
                  sent.countDown();
                });
      }
      sent.await();
      double publishSeconds = (System.nanoTime() - start) / 1e9;
      received.await();
      double allSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%-8s publish %,8.0f msg/s (confirmed) | published and handled %,8.0f msg/s (%d msgs)%n",
          broker, total / publishSeconds, total / allSeconds, total);
    }
  }

  /** Transactions of {@code perTx} messages each on PostgreSQL, until all were handled. */
  private static void outbox(Brokers broker, int transactions, int perTx) throws Exception {
    String topic = TestApp.topic("bench");
    int total = transactions * perTx;
    CountDownLatch received = new CountDownLatch(total);
    Messaging messaging =
        broker
            .messaging()
            .subscribe(
                Subscription.to(topic, Ping.class).maxInFlight(64), m -> received.countDown());
    try (var db = TestDatabase.create(dev.keel.db.Dialect.POSTGRESQL);
        var app = TestApp.start(db.url, messaging)) {
      app.messaging.publish(topic, new Ping(0, -1)); // creates the topic
      Thread.sleep(1000);
      long start = System.nanoTime();
      for (int t = 0; t < transactions; t++) {
        app.db.transaction(
            () -> {
              for (int i = 0; i < perTx; i++) app.messaging.publish(topic, new Ping(0, i));
            });
      }
      received.await();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%-8s outbox (PostgreSQL) committed, relayed and handled %,8.0f msg/s (%d msgs)%n",
          broker, total / seconds, total);
    }
  }

  private static void latency(Brokers broker, int count) throws Exception {
    String topic = TestApp.topic("bench");
    SynchronousQueue<Long> arrivals = new SynchronousQueue<>();
    Messaging messaging =
        broker
            .messaging()
            .subscribe(
                Subscription.to(topic, Ping.class),
                m -> {
                  if (m.payload().n() >= 0)
                    arrivals.put(System.nanoTime() - m.payload().sentNanos());
                });
    try (var app = TestApp.start(null, messaging)) {
      for (int i = 0; i < 200; i++) app.messaging.publish(topic, new Ping(0, -1));
      Thread.sleep(1000);
      long[] micros = new long[count];
      for (int i = 0; i < count; i++) {
        app.messaging.publish(topic, new Ping(System.nanoTime(), i));
        micros[i] = arrivals.take() / 1_000;
      }
      Arrays.sort(micros);
      System.out.printf(
          "%-8s end-to-end latency p50 %,6d µs  p99 %,6d µs  max %,6d µs (%d msgs, one at a time)%n",
          broker, micros[count / 2], micros[count * 99 / 100], micros[count - 1], count);
    }
  }
}
