package dev.keel.jobs;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import java.util.HashMap;
import java.util.Map;

/**
 * A worker process for the multi-process tests: {@code WorkerMain URL [key=value...]}. Runs {@link
 * Hang} (records its start, then blocks) and {@link Count} (records each run with this process's
 * pid and its start and end) until killed or its standard input closes.
 */
public final class WorkerMain {
  /** Records its start in {@code hang_start}, then blocks for ten minutes. */
  public record Hang(String name) {}

  /** Records the run in {@code job_run}: job id, attempt, pid, start and end. */
  public record Count(int n) {}

  private WorkerMain() {}

  static Jobs handlers(Jobs jobs, Database db, long hangMillis) {
    long pid = ProcessHandle.current().pid();
    return jobs.handle(
            Hang.class,
            (j, c) -> {
              db.sql("insert into hang_start (job_id, attempt, pid) values (:i, :a, :p)")
                  .bind("i", c.id())
                  .bind("a", c.attempt())
                  .bind("p", pid)
                  .update();
              Thread.sleep(hangMillis);
            })
        .handle(
            Count.class,
            (j, c) -> {
              long start = System.nanoTime();
              Thread.sleep(1);
              db.sql(
                      "insert into job_run (job_id, attempt, pid, started, ended) values (:i, :a,"
                          + " :p, :s, :e)")
                  .bind("i", c.id())
                  .bind("a", c.attempt())
                  .bind("p", pid)
                  .bind("s", start)
                  .bind("e", System.nanoTime())
                  .update();
            });
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> settings = new HashMap<>();
    settings.put("keel.db.url", args[0]);
    settings.put("keel.server.port", "0");
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    Database db = Database.create();
    Jobs jobs = handlers(Jobs.create(), db, 600_000);
    Keel app = Keel.create(Config.builder().defaults(settings).build()).install(db).install(jobs);
    app.start();
    System.out.println("ready");
    System.out.flush();
    while (System.in.read() >= 0) {
      // runs until the test closes our input or kills us
    }
    app.stop();
  }
}
