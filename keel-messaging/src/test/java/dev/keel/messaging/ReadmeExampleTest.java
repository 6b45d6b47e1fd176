package dev.keel.messaging;

import static dev.keel.messaging.TestApp.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.db.Dialect;
import dev.keel.test.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The example of keel-messaging's README.md, on both databases; the README shows this code. */
class ReadmeExampleTest {
  // --- README example start
  record NewOrder(long id, String customer, long totalCents) {}

  record OrderPlaced(long orderId, long totalCents) {}

  static Keel app(Keel app, String topic) { // topic: e.g. "orders.placed"
    Database db = Database.create();
    Messaging messaging =
        Messaging.nats("nats://127.0.0.1:4222")
            .subscribe(
                Subscription.to(topic, OrderPlaced.class)
                    .group("billing") // every group gets every message, once per group
                    .maxInFlight(32) // back-pressure: at most 32 handled at once here
                    .idempotent(true), // a redelivered copy is skipped (keel_message_inbox)
                message -> // a virtual thread; throw to retry with backoff, then dead-letter
                db.sql("insert into invoices (order_id, total_cents) values (:o, :t)")
                        .bind("o", message.payload().orderId())
                        .bind("t", message.payload().totalCents())
                        .update());
    app.install(db).install(messaging); // the outbox and inbox tables come with the module

    app.post(
        "/orders",
        ctx -> {
          NewOrder in = ctx.body(NewOrder.class);
          db.transaction(
              () -> {
                db.sql(
                        "insert into orders (id, customer, total_cents) values (:id, :customer, :totalCents)")
                    .bindRecord(in)
                    .update();
                // into the outbox: sent if and only if this transaction commits
                messaging.publish(topic, new OrderPlaced(in.id(), in.totalCents()));
              });
          return Map.of("id", in.id());
        });
    return app;
  }

  // --- README example end

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void theReadmeExampleRuns(Dialect dialect) throws Exception {
    try (var db = TestDatabase.create(dialect)) {
      Keel app =
          app(
              Keel.create(
                  Config.builder()
                      .defaults(
                          Map.of(
                              "keel.db.url", db.url,
                              "keel.db.migrations", "classpath:readme/db/migration",
                              "keel.messaging.outbox.poll-interval", "20ms"))
                      .build()),
              TestApp.topic("orders.placed"));
      try (var client = TestClient.inProcess(app)) {
        assertThat(client.post("/orders").json(new NewOrder(1, "ada", 4200)).send().status())
            .isEqualTo(200);
        // the same id again fails the transaction: no order and no message
        assertThat(client.post("/orders").json(new NewOrder(1, "bob", 100)).send().status())
            .isEqualTo(409);
        Database database = app.plugin(Database.class).orElseThrow();
        waitFor(() -> database.sql("select count(*) from invoices").one(Long.class) == 1);
        Thread.sleep(300);
        assertThat(database.sql("select total_cents from invoices").list(Long.class))
            .containsExactly(4200L);
      } finally {
        app.stop();
      }
    }
  }

  @Test
  void theReadmeShowsThisExample() throws Exception {
    String test =
        Files.readString(Path.of("src/test/java/dev/keel/messaging/ReadmeExampleTest.java"));
    String example =
        test.substring(
            test.indexOf("// --- README example start") + 28,
            test.indexOf("  // --- README example end"));
    String readme = Files.readString(Path.of("README.md"));
    assertThat(squash(readme)).contains(squash(example));
  }

  private static String squash(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
