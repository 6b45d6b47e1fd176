package dev.keel.jobs;

import static dev.keel.jobs.JobsTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.db.Dialect;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ControlTest {
  record Step(String name) {}

  record Sync(int account, int n) {}

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aUniqueKeyHoldsWhileItsJobIsPending(Dialect dialect) throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (var db = TestDatabase.create(dialect);
        var t =
            TestApp.start(db.url, jobs -> jobs.handle(Step.class, (j, c) -> seen.add(j.name())))) {
      t.jobs.pause("default");
      JobOptions unique = JobOptions.defaults().uniqueKey("report:1");
      long a = t.jobs.enqueue(new Step("first"), unique);
      long b = t.jobs.enqueue(new Step("second"), unique);
      assertThat(b).isEqualTo(a);
      t.jobs.resume("default");
      waitFor(() -> seen.size() == 1);
      waitFor(() -> t.jobs.queues().stream().allMatch(q -> q.ready() + q.running() == 0));
      long c = t.jobs.enqueue(new Step("third"), unique); // the first finished: the key is free
      assertThat(c).isNotEqualTo(a);
      waitFor(() -> seen.size() == 2);
      assertThat(seen).containsExactly("first", "third");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aConcurrencyKeyRunsOneJobAtATime(Dialect dialect) throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger otherMax = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    try (var db = TestDatabase.create(dialect);
        var t =
            TestApp.start(
                db.url,
                jobs ->
                    jobs.handle(
                        Sync.class,
                        (j, c) -> {
                          AtomicInteger r = j.account() == 1 ? running : other;
                          AtomicInteger m = j.account() == 1 ? maxRunning : otherMax;
                          m.accumulateAndGet(r.incrementAndGet(), Math::max);
                          Thread.sleep(30);
                          r.decrementAndGet();
                          done.incrementAndGet();
                        }),
                "keel.jobs.workers=8")) {
      t.jobs.pause("default");
      for (int i = 0; i < 10; i++) {
        t.jobs.enqueue(new Sync(1, i), JobOptions.defaults().concurrencyKey("account:1"));
        t.jobs.enqueue(new Sync(2, i));
      }
      t.jobs.resume("default");
      waitFor(() -> done.get() == 20);
      assertThat(maxRunning).hasValue(1);
      assertThat(otherMax.get()).isGreaterThan(1); // unkeyed jobs still run side by side
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aJobAfterOthersRunsWhenTheyAllFinished(Dialect dialect) throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch gate = new CountDownLatch(1);
    try (var db = TestDatabase.create(dialect);
        var t =
            TestApp.start(
                db.url,
                jobs ->
                    jobs.handle(
                        Step.class,
                        (j, c) -> {
                          if (j.name().equals("a2")) gate.await(10, TimeUnit.SECONDS);
                          order.add(j.name());
                        }))) {
      long a1 = t.jobs.enqueue(new Step("a1"));
      long a2 = t.jobs.enqueue(new Step("a2"));
      long b = t.jobs.enqueue(new Step("b"), JobOptions.defaults().after(a1, a2));
      t.jobs.enqueue(new Step("c"), JobOptions.defaults().after(b));
      waitFor(() -> order.contains("a1"));
      Thread.sleep(300);
      assertThat(order).containsExactly("a1"); // a2 is held, so b and c wait
      gate.countDown();
      waitFor(() -> order.size() == 4);
      assertThat(order).containsExactly("a1", "a2", "b", "c");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aPausedQueueIsNotClaimedUntilResumed(Dialect dialect) throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (var db = TestDatabase.create(dialect);
        var t =
            TestApp.start(db.url, jobs -> jobs.handle(Step.class, (j, c) -> seen.add(j.name())))) {
      t.jobs.pause("mail");
      t.jobs.enqueue(new Step("mail"), JobOptions.defaults().queue("mail"));
      t.jobs.enqueue(new Step("other"));
      waitFor(() -> seen.contains("other"));
      Thread.sleep(300);
      assertThat(seen).containsExactly("other");
      assertThat(t.jobs.queues())
          .filteredOn(q -> q.name().equals("mail"))
          .singleElement()
          .satisfies(q -> assertThat(q.paused()).isTrue())
          .satisfies(q -> assertThat(q.ready()).isEqualTo(1));
      t.jobs.resume("mail");
      waitFor(() -> seen.contains("mail"));
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void shutdownLetsRunningJobsFinishWithinTheGraceAndReleasesTheRest(Dialect dialect)
      throws Exception {
    List<String> finished = new CopyOnWriteArrayList<>();
    CountDownLatch started = new CountDownLatch(2);
    try (var db = TestDatabase.create(dialect)) {
      var t =
          TestApp.start(
              db.url,
              jobs ->
                  jobs.handle(
                      Step.class,
                      (j, c) -> {
                        started.countDown();
                        Thread.sleep(j.name().equals("quick") ? 300 : 60_000);
                        finished.add(j.name());
                      }),
              "keel.jobs.shutdown-grace=1s");
      t.jobs.enqueue(new Step("quick"));
      long slow = t.jobs.enqueue(new Step("slow"));
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      long begin = System.nanoTime();
      t.close();
      assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
      assertThat(finished).containsExactly("quick");

      List<String> second = new CopyOnWriteArrayList<>();
      try (var again =
          TestApp.start(
              db.url,
              jobs ->
                  jobs.handle(Step.class, (j, c) -> second.add(j.name() + "#" + c.attempt())))) {
        waitFor(() -> second.size() == 1);
        assertThat(second).containsExactly("slow#1"); // released unrun: the attempt is not counted
        assertThat(again.jobs.list("ready", 10)).isEmpty();
        assertThat(slow).isPositive();
      }
    }
  }
}
