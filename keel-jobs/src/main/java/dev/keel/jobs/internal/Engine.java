package dev.keel.jobs.internal;

import dev.keel.core.Config;
import dev.keel.db.Database;
import dev.keel.db.Dialect;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What runs jobs in one instance, started and stopped together: the {@link Worker}, the PostgreSQL
 * {@link Listener} that wakes it, and the {@link Recurring} schedules.
 */
public final class Engine {
  private final Worker worker;
  private final Listener listener;
  private final Recurring recurring;

  private Engine(Worker worker, Listener listener, Recurring recurring) {
    this.worker = worker;
    this.listener = listener;
    this.recurring = recurring;
  }

  /**
   * Reads each recurring job's schedule ({@code keel.jobs.recurring.NAME.cron} and {@code .zone}
   * override the code's); a malformed one is rejected on {@code config}, which stops start-up
   * naming the key.
   */
  public static List<Recurring.Entry> schedules(
      Config config, Map<String, String> cronByName, Map<String, Record> jobByName) {
    config.declarePrefix("keel.jobs.recurring.");
    List<Recurring.Entry> out = new ArrayList<>();
    for (var e : cronByName.entrySet()) {
      String key = "keel.jobs.recurring." + e.getKey();
      String cron = config.string(key + ".cron", e.getValue());
      String zoneText = config.string(key + ".zone", "UTC");
      ZoneId zone = ZoneOffset.UTC;
      try {
        zone = ZoneId.of(zoneText);
      } catch (RuntimeException ex) {
        config.reject(
            key + ".zone", "'" + zoneText + "' is not a time zone; write e.g. Europe/Paris or UTC");
      }
      try {
        out.add(
            new Recurring.Entry(e.getKey(), Schedule.parse(cron, zone), jobByName.get(e.getKey())));
      } catch (IllegalArgumentException ex) {
        config.reject(key + ".cron", ex.getMessage());
      }
    }
    return out;
  }

  /**
   * Starts the workers (with queue metrics from {@code ops} when keel-ops is present), the listener
   * on PostgreSQL and the schedules.
   */
  public static Engine start(
      Database db,
      JobTable table,
      JobSettings settings,
      OpsBridge ops,
      Worker.Runner runner,
      Worker.Observer observer,
      List<Recurring.Entry> schedules,
      BiConsumer<Recurring.Entry, Long> fire) {
    JobStore store = new JobStore(db.dataSource(), db.dialect());
    Worker.Runner traced = ops == null ? runner : c -> ops.traced(c, runner);
    Worker w = new Worker(store, settings, traced, observer, table::paused);
    if (ops != null) w.onTick(() -> ops.queues(table.queues(System.currentTimeMillis())));
    w.start();
    Listener l = null;
    if (db.dialect() == Dialect.POSTGRESQL) {
      var pool = db.pool();
      l = new Listener(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), w::wake);
      l.start();
    }
    Recurring r = new Recurring(schedules, table, fire);
    r.start();
    return new Engine(w, l, r);
  }

  /** Wakes the workers: a job may be due. */
  public void wake() {
    worker.wake();
  }

  /** Stops the schedules, then the workers (graceful, see {@link Worker#close}), then listening. */
  public void stop() {
    recurring.close();
    worker.close();
    if (listener != null) listener.close();
  }
}
