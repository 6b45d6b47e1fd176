package dev.keel.messaging;

import static dev.keel.messaging.TestApp.topic;
import static dev.keel.messaging.TestApp.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.db.Dialect;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The transactional outbox and idempotent consumers on PostgreSQL and SQLite. */
class OutboxTest {
  record Event(int n) {}

  static Stream<Arguments> setups() {
    return Stream.of(
        Arguments.of(Dialect.POSTGRESQL, Brokers.NATS),
        Arguments.of(Dialect.SQLITE, Brokers.NATS),
        Arguments.of(Dialect.POSTGRESQL, Brokers.RABBITMQ),
        Arguments.of(Dialect.SQLITE, Brokers.KAFKA));
  }

  @ParameterizedTest
  @MethodSource("setups")
  void aMessageIsSentIfAndOnlyIfItsTransactionCommits(Dialect dialect, Brokers broker)
      throws Exception {
    String topic = topic("outbox");
    List<Integer> got = new CopyOnWriteArrayList<>();
    Messaging messaging =
        broker.messaging().subscribe(topic, Event.class, m -> got.add(m.payload().n()));
    try (var db = TestDatabase.create(dialect);
        var app = TestApp.start(db.url, messaging)) {
      app.db.sql("create table ledger (n int)").update();
      app.db.transaction(
          () -> {
            app.db.sql("insert into ledger (n) values (1)").update();
            app.messaging.publish(topic, new Event(1));
            sleep(400); // the relay runs meanwhile and must not see it
            assertThat(got).isEmpty();
          });
      waitFor(() -> got.contains(1));
      assertThatThrownBy(
              () ->
                  app.db.transaction(
                      () -> {
                        app.db.sql("insert into ledger (n) values (2)").update();
                        app.messaging.publish(topic, new Event(2));
                        throw new IllegalStateException("rolled back");
                      }))
          .hasMessage("rolled back");
      app.db.transaction(() -> app.messaging.publish(topic, new Event(3)));
      waitFor(() -> got.contains(3));
      Thread.sleep(300); // the outbox is sent in order: 2 would have come before 3
      assertThat(got).containsExactly(1, 3);
      assertThat(app.db.sql("select n from ledger").list(Integer.class)).containsExactly(1);
      assertThat(app.messaging.outboxSize()).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("setups")
  void anIdempotentConsumerHandlesACopyOnceAndAFailedAttemptLeavesNoTrace(
      Dialect dialect, Brokers broker) throws Exception {
    String topic = topic("dedup");
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger plainRuns = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    var holder =
        new Object() {
          TestApp app;
        };
    Messaging messaging =
        broker
            .messaging()
            .subscribe(
                Subscription.to(topic, Event.class).group("ledger").idempotent(true),
                m -> {
                  runs.incrementAndGet();
                  holder
                      .app
                      .db
                      .sql("insert into ledger (n) values (:n)")
                      .bind("n", m.payload().n())
                      .update();
                  if (m.attempt() == 1) {
                    failed.incrementAndGet();
                    throw new IllegalStateException("first attempt fails");
                  }
                })
            .subscribe(
                Subscription.to(topic, Event.class).group("plain"),
                m -> plainRuns.incrementAndGet());
    try (var db = TestDatabase.create(dialect);
        var app = TestApp.start(db.url, messaging)) {
      holder.app = app;
      app.db.sql("create table ledger (n int)").update();
      app.db.transaction(
          () -> {
            String id = app.messaging.publish(topic, new Event(9));
            // the same message twice, as a relay that died after sending and before deleting
            app.db
                .sql(
                    "insert into keel_message_outbox (message_id, topic, message_key, headers,"
                        + " body, created_at) select message_id, topic, message_key, headers, body,"
                        + " created_at from keel_message_outbox where message_id = :id")
                .bind("id", id)
                .update();
          });
      // NATS drops the copy itself (Nats-Msg-Id); RabbitMQ and Kafka deliver both
      int copies = broker == Brokers.NATS ? 1 : 2;
      waitFor(() -> plainRuns.get() == copies && runs.get() - failed.get() == 1);
      Thread.sleep(500);
      // copies arriving together may both fail their first attempt; only one ever succeeds
      assertThat(failed.get()).isBetween(1, copies);
      assertThat(runs.get() - failed.get()).isEqualTo(1);
      assertThat(app.db.sql("select n from ledger").list(Integer.class)).containsExactly(9);
      assertThat(app.db.sql("select count(*) from keel_message_inbox").one(Long.class))
          .isEqualTo(1);
      assertThat(plainRuns.get()).isEqualTo(copies);
    }
  }

  @org.junit.jupiter.api.Test
  void twoInstancesShareOnePostgresOutboxWithoutSendingARowTwice() throws Exception {
    String topic = topic("shared");
    var counts = new java.util.concurrent.ConcurrentHashMap<Integer, Integer>();
    // RabbitMQ delivers every copy (NATS would drop a resend by its id and hide a double send)
    Messaging consumer =
        Brokers.RABBITMQ
            .messaging()
            .subscribe(
                Subscription.to(topic, Event.class).maxInFlight(64),
                m -> counts.merge(m.payload().n(), 1, Integer::sum));
    try (var db = TestDatabase.create(Dialect.POSTGRESQL);
        var a = TestApp.start(db.url, consumer, "keel.messaging.outbox.batch=20");
        var b =
            TestApp.start(db.url, Brokers.RABBITMQ.messaging(), "keel.messaging.outbox.batch=20")) {
      int n = 2_000;
      for (int t = 0; t < 20; t++) {
        int first = t * 100;
        a.db.transaction(
            () -> {
              for (int i = first; i < first + 100; i++) a.messaging.publish(topic, new Event(i));
            });
      }
      waitFor(() -> counts.size() == n, 60);
      waitFor(() -> a.messaging.outboxSize() == 0);
      Thread.sleep(500);
      assertThat(counts.values()).allMatch(c -> c == 1);
      assertThat(counts).hasSize(n);
      assertThat(b.messaging.outboxSize()).isZero(); // two relays polled it, SKIP LOCKED
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
