package dev.keel.messaging;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import java.util.Map;

/**
 * The process the outbox crash tests kill: {@code OutboxMain DB_URL NATS_URL TOPIC MODE}. Mode
 * {@code once}: its relay off, one transaction records itself in {@code committed_tx} and publishes
 * 50 messages, prints {@code committed} and waits to be killed. Mode {@code stream}: relay on,
 * transaction after transaction of 20 messages each, printing {@code tx N} after each commit.
 */
public final class OutboxMain {
  /** Message {@code i} of transaction {@code tx}. */
  public record Numbered(long tx, int i) {}

  private OutboxMain() {}

  public static void main(String[] args) throws Exception {
    String mode = args[3];
    Config config =
        Config.builder()
            .defaults(
                Map.of(
                    "keel.db.url",
                    args[0],
                    "keel.server.port",
                    "0",
                    "keel.messaging.outbox.relay",
                    Boolean.toString(mode.equals("stream")),
                    "keel.messaging.outbox.poll-interval",
                    "5ms"))
            .build();
    Database db = Database.create();
    Messaging messaging = Messaging.nats(args[1]);
    Keel.create(config).install(db).install(messaging).start();
    String topic = args[2];
    int perTx = mode.equals("once") ? 50 : 20;
    for (long tx = 0; ; tx++) {
      long t = tx;
      db.transaction(
          () -> {
            db.sql("insert into committed_tx (tx) values (:t)").bind("t", t).update();
            for (int i = 0; i < perTx; i++) messaging.publish(topic, new Numbered(t, i));
          });
      System.out.println(mode.equals("once") ? "committed" : "tx " + tx);
      System.out.flush();
      if (mode.equals("once")) break;
    }
    Thread.sleep(600_000); // until killed
  }
}
