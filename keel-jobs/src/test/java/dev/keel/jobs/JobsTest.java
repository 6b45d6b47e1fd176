package dev.keel.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.db.Dialect;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobsTest {
  record Greet(String name) {}

  record Boom(int n) {}

  record Slow(long millis) {}

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void enqueuedJobRunsWithItsPayloadAndContext(Dialect dialect) throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(2);
    try (var db = TestDatabase.create(dialect);
        var t =
            TestApp.start(
                db.url,
                jobs ->
                    jobs.handle(
                        Greet.class,
                        (job, ctx) -> {
                          seen.add(job.name() + "@" + ctx.queue() + "#" + ctx.attempt());
                          done.countDown();
                        }))) {
      t.jobs.enqueue(new Greet("ada"));
      t.jobs.enqueue(new Greet("bob"), JobOptions.defaults().queue("mail"));
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(seen).containsExactlyInAnyOrder("ada@default#1", "bob@mail#1");
      waitFor(() -> t.jobs.queues().stream().allMatch(q -> q.ready() + q.running() == 0));
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aJobEnqueuedInATransactionRunsOnlyWhenItCommits(Dialect dialect) throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    try (var db = TestDatabase.create(dialect);
        var t =
            TestApp.start(db.url, jobs -> jobs.handle(Greet.class, (j, c) -> seen.add(j.name())))) {
      CountDownLatch enqueued = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Thread tx =
          Thread.ofVirtual()
              .start(
                  () ->
                      t.db.transaction(
                          () -> {
                            t.jobs.enqueue(new Greet("committed"));
                            enqueued.countDown();
                            await(release);
                          }));
      assertThat(enqueued.await(5, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(500); // workers poll every 100 ms: none may see the uncommitted job
      assertThat(seen).isEmpty();
      release.countDown();
      tx.join();
      waitFor(() -> seen.contains("committed"));

      assertThatThrownBy(
              () ->
                  t.db.transaction(
                      () -> {
                        t.jobs.enqueue(new Greet("rolled back"));
                        throw new IllegalStateException("abort");
                      }))
          .hasMessage("abort");
      t.jobs.enqueue(new Greet("after"));
      waitFor(() -> seen.contains("after"));
      Thread.sleep(300);
      assertThat(seen).containsExactlyInAnyOrder("committed", "after");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void failingJobIsRetriedThenKeptAsFailedWithItsStackTraceAndCanBeRetriedOrDiscarded(
      Dialect dialect) throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger succeedFrom = new AtomicInteger(Integer.MAX_VALUE);
    try (var db = TestDatabase.create(dialect);
        var t =
            TestApp.start(
                db.url,
                jobs ->
                    jobs.handle(
                        Boom.class,
                        (job, ctx) -> {
                          if (attempts.incrementAndGet() < succeedFrom.get()) {
                            throw new IllegalStateException(
                                "boom " + job.n() + " #" + ctx.attempt());
                          }
                        }))) {
      long id = t.jobs.enqueue(new Boom(7), JobOptions.defaults().maxAttempts(3));
      waitFor(() -> !t.jobs.failed(10).isEmpty());
      assertThat(attempts).hasValue(3);
      JobInfo failed = t.jobs.failed(10).getFirst();
      assertThat(failed.id()).isEqualTo(id);
      assertThat(failed.attempts()).isEqualTo(3);
      assertThat(failed.error().orElseThrow())
          .contains("java.lang.IllegalStateException: boom 7 #3")
          .contains("at dev.keel.jobs.JobsTest");

      succeedFrom.set(0);
      assertThat(t.jobs.retry(id)).isTrue();
      waitFor(
          () -> t.jobs.queues().stream().allMatch(q -> q.ready() + q.running() + q.failed() == 0));
      assertThat(attempts).hasValue(4);
      assertThat(t.jobs.retry(id)).isFalse();

      succeedFrom.set(Integer.MAX_VALUE);
      long other = t.jobs.enqueue(new Boom(8), JobOptions.defaults().maxAttempts(1));
      waitFor(() -> !t.jobs.failed(10).isEmpty());
      assertThat(t.jobs.discard(other)).isTrue();
      assertThat(t.jobs.failed(10)).isEmpty();
      assertThat(t.jobs.discard(other)).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aJobRunningPastItsTimeoutIsInterruptedAndFails(Dialect dialect) throws Exception {
    try (var db = TestDatabase.create(dialect);
        var t =
            TestApp.start(
                db.url, jobs -> jobs.handle(Slow.class, (j, c) -> Thread.sleep(j.millis())))) {
      t.jobs.enqueue(
          new Slow(60_000), JobOptions.defaults().timeout(Duration.ofMillis(200)).maxAttempts(1));
      waitFor(() -> !t.jobs.failed(10).isEmpty());
      assertThat(t.jobs.failed(10).getFirst().error().orElseThrow())
          .startsWith("timed out after PT0.2S (attempt 1)")
          .contains("InterruptedException");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aHandlerlessTypeIsRefusedAtEnqueue(Dialect dialect) throws Exception {
    try (var db = TestDatabase.create(dialect);
        var t = TestApp.start(db.url, jobs -> {})) {
      assertThatThrownBy(() -> t.jobs.enqueue(new Greet("x")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "no handler for job type dev.keel.jobs.JobsTest$Greet; register one with"
                  + " jobs.handle(Greet.class, (job, ctx) -> ...) before the application starts");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void scheduledJobsWaitForTheirTime(Dialect dialect) throws Exception {
    List<Long> startedAt = new CopyOnWriteArrayList<>();
    try (var db = TestDatabase.create(dialect);
        var t =
            TestApp.start(
                db.url,
                jobs ->
                    jobs.handle(
                        Greet.class, (j, c) -> startedAt.add(System.currentTimeMillis())))) {
      long at = System.currentTimeMillis() + 700;
      t.jobs.enqueueAt(Instant.ofEpochMilli(at), new Greet("later"));
      t.jobs.enqueueIn(Duration.ofMillis(700), new Greet("in"));
      waitFor(() -> startedAt.size() == 2);
      assertThat(startedAt).allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(at - 5));
    }
  }

  static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static void waitFor(BooleanSupplier condition) throws InterruptedException {
    waitFor(condition, 15);
  }

  static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("condition not met within " + seconds + " s");
      }
      Thread.sleep(20);
    }
  }
}
