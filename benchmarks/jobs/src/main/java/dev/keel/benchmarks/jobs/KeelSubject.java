package dev.keel.benchmarks.jobs;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.jobs.Jobs;
import java.util.Map;

/** keel-jobs: an application with Database and Jobs, {@code keel.jobs.workers} threads. */
final class KeelSubject implements Subject {
  record Noop(long t) {}

  private String url;
  private int workers;
  private Keel app;
  private Database db;
  private Jobs jobs;

  @Override
  public void setUp(String jdbcUrl, int workers) {
    this.url = jdbcUrl;
    this.workers = workers;
    boot(false); // migrates; enqueue-only until start()
  }

  private void boot(boolean run) {
    if (app != null) app.stop();
    db = Database.create();
    jobs = Jobs.create().handle(Noop.class, (job, ctx) -> Recorder.INSTANCE.ran(job.t()));
    app =
        Keel.create(
                Config.builder()
                    .defaults(
                        Map.of(
                            "keel.db.url",
                            url,
                            "keel.db.user",
                            "postgres",
                            "keel.server.port",
                            "0",
                            "keel.jobs.run",
                            Boolean.toString(run),
                            "keel.jobs.workers",
                            Integer.toString(workers)))
                    .build())
            .install(db)
            .install(jobs);
    app.start();
  }

  @Override
  public void backlog(int n) {
    for (int done = 0; done < n; done += 1000) {
      int upTo = Math.min(n, done + 1000);
      int from = done;
      db.transaction(
          () -> {
            for (int i = from; i < upTo; i++) jobs.enqueue(new Noop(System.nanoTime()));
          });
    }
  }

  @Override
  public void start() {
    boot(true);
  }

  @Override
  public void enqueue() {
    jobs.enqueue(new Noop(System.nanoTime()));
  }

  @Override
  public void close() {
    if (app != null) app.stop();
  }
}
