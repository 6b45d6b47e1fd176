package dev.keel.messaging;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** An application with messaging (and a database when {@code url} is given), started. */
final class TestApp implements AutoCloseable {
  final Keel app;
  final Database db;
  final Messaging messaging;

  private TestApp(Keel app, Database db, Messaging messaging) {
    this.app = app;
    this.db = db;
    this.messaging = messaging;
  }

  /**
   * @param dbUrl the database, or null for none
   * @param settings {@code key=value} pairs
   */
  static TestApp start(String dbUrl, Messaging messaging, String... settings) {
    Map<String, String> map = new HashMap<>();
    map.put("keel.server.port", "0");
    map.put("keel.messaging.outbox.poll-interval", "20ms");
    if (dbUrl != null) map.put("keel.db.url", dbUrl);
    for (String kv : settings) {
      int eq = kv.indexOf('=');
      map.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    Keel app = Keel.create(Config.builder().defaults(map).build());
    Database db = null;
    if (dbUrl != null) {
      db = Database.create();
      app.install(db);
    }
    app.install(messaging);
    app.start();
    return new TestApp(app, db, messaging);
  }

  /** A topic name no other test run uses. */
  static String topic(String prefix) {
    return BrokerCleanup.register(prefix + "." + UUID.randomUUID().toString().substring(0, 8));
  }

  static void waitFor(BooleanSupplier condition) throws InterruptedException {
    waitFor(condition, 20);
  }

  static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) throw new AssertionError("not within " + seconds + " s");
      Thread.sleep(10);
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
