package dev.keel.jobs;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** An application with a database and jobs on {@code url}, started; stopped on close. */
final class TestApp implements AutoCloseable {
  final Keel app;
  final Database db;
  final Jobs jobs;

  private TestApp(Keel app, Database db, Jobs jobs) {
    this.app = app;
    this.db = db;
    this.jobs = jobs;
  }

  /**
   * @param settings {@code key=value} pairs, e.g. {@code keel.jobs.workers=4}
   */
  static TestApp start(String url, Consumer<Jobs> setup, String... settings) {
    Map<String, String> map = new HashMap<>();
    map.put("keel.db.url", url);
    map.put("keel.server.port", "0");
    map.put("keel.jobs.poll-interval", "100ms");
    map.put("keel.jobs.backoff", "50ms");
    for (String kv : settings) {
      int eq = kv.indexOf('=');
      map.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    Database db = Database.create();
    Jobs jobs = Jobs.create();
    setup.accept(jobs);
    Keel app = Keel.create(Config.builder().defaults(map).build()).install(db).install(jobs);
    app.start();
    return new TestApp(app, db, jobs);
  }

  @Override
  public void close() {
    app.stop();
  }
}
