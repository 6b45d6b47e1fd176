package dev.keel.jobs;

import static dev.keel.jobs.JobsTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.db.Dialect;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Enqueue-to-start latency on PostgreSQL with NOTIFY and a 2 s fallback poll: jobs enqueued one by
 * one at 100/s start within milliseconds, not at the next poll. Prints p50/p99.
 */
class LatencyTest {
  record Ping(long enqueuedNanos) {}

  @Test
  void notifyWakesIdleWorkersSoJobsStartLongBeforeTheNextPoll() throws Exception {
    int n = 300;
    long[] delays = new long[n];
    AtomicInteger done = new AtomicInteger();
    try (var db = TestDatabase.create(Dialect.POSTGRESQL);
        var t =
            TestApp.start(
                db.url,
                jobs ->
                    jobs.handle(
                        Ping.class,
                        (job, ctx) -> {
                          long d = System.nanoTime() - job.enqueuedNanos();
                          delays[done.getAndIncrement()] = d;
                        }),
                "keel.jobs.poll-interval=2s",
                "keel.jobs.workers=4")) {
      Thread.sleep(500);
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        long wait = t0 + i * 10_000_000L - System.nanoTime();
        if (wait > 0) LockSupport.parkNanos(wait);
        t.jobs.enqueue(new Ping(System.nanoTime()));
      }
      waitFor(() -> done.get() == n, 30);
    }
    Arrays.sort(delays);
    double p50 = delays[n / 2] / 1e6;
    double p99 = delays[(int) Math.ceil(n * 0.99) - 1] / 1e6;
    System.out.printf(
        "keel-jobs enqueue-to-start at 100/s on PostgreSQL: p50 %.1f ms, p99 %.1f ms%n", p50, p99);
    // far below the 2 s poll: NOTIFY woke the workers (loose bounds: the test machine is shared)
    assertThat(p50).isLessThan(200);
    assertThat(p99).isLessThan(1000);
  }
}
