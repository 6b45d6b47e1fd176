package dev.keel.benchmarks.jobs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One measurement in this JVM, printed as one line: {@code JobsBench FRAMEWORK WORKERS throughput
 * N} (N jobs enqueued first, then workers started; jobs/s until the last ran) or {@code JobsBench
 * FRAMEWORK WORKERS steady RATE SECONDS} (jobs enqueued one by one at RATE/s while workers run;
 * enqueue-to-start p50/p99). Each run gets a fresh PostgreSQL database on 127.0.0.1:5432.
 */
public final class JobsBench {
  private JobsBench() {}

  public static void main(String[] args) throws Exception {
    String framework = args[0];
    int workers = Integer.parseInt(args[1]);
    String mode = args[2];
    String name = "keel_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    admin("create database " + name);
    String url = "jdbc:postgresql://127.0.0.1:5432/" + name;
    Recorder r = Recorder.INSTANCE;
    try (Subject s =
        switch (framework) {
          case "keel" -> new KeelSubject();
          case "db-scheduler" -> new DbSchedulerSubject();
          case "jobrunr" -> new JobRunrSubject();
          default -> throw new IllegalArgumentException("unknown framework " + framework);
        }) {
      s.setUp(url, workers);
      if (mode.equals("throughput")) {
        int n = Integer.parseInt(args[3]);
        s.backlog(n);
        long begin = System.nanoTime();
        s.start();
        waitFor(r, n, 600);
        double secs = (r.lastEnd - begin) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "RESULT %s workers=%d mode=throughput jobs=%d seconds=%.2f jobs_per_s=%.0f%n",
            framework,
            workers,
            n,
            secs,
            n / secs);
      } else {
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        s.start();
        Thread.sleep(2000); // let the workers settle
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        // warm-up at the same rate for 3 s, not measured: the JIT compiles the hot paths here
        produce(s, rate * 3, period);
        waitFor(r, rate * 3, 120);
        r.reset();
        int n = rate * seconds;
        long t0 = System.nanoTime();
        produce(s, n, period);
        double achieved = n / ((System.nanoTime() - t0) / 1e9);
        waitFor(r, n, 120);
        System.out.printf(
            Locale.ROOT,
            "RESULT %s workers=%d mode=steady rate=%d achieved=%.0f jobs=%d p50_ms=%.1f"
                + " p99_ms=%.1f max_ms=%.1f%n",
            framework,
            workers,
            rate,
            achieved,
            n,
            r.percentile(50, n),
            r.percentile(99, n),
            r.percentile(100, n));
      }
    } finally {
      admin("drop database if exists " + name + " with (force)");
    }
    System.exit(0); // peers leave non-daemon threads behind
  }

  /** Enqueues {@code n} jobs, one every {@code period} ns, each on its own virtual thread. */
  private static void produce(Subject s, int n, long period) {
    long t0 = System.nanoTime();
    // each enqueue on its own virtual thread, so a slow insert does not lower the rate
    try (ExecutorService producers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < n; i++) {
        long wait = t0 + i * period - System.nanoTime();
        if (wait > 0) LockSupport.parkNanos(wait);
        producers.execute(
            () -> {
              try {
                s.enqueue();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
      }
    }
  }

  private static void waitFor(Recorder r, int n, int seconds) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (r.count() < n) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("only " + r.count() + " of " + n + " jobs ran");
      }
      Thread.sleep(1);
    }
  }

  private static void admin(String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
