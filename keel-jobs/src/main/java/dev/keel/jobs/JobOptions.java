package dev.keel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How one job is enqueued; {@link #defaults()} then the {@code with}-style methods, each returning
 * a copy.
 *
 * <pre>{@code
 * jobs.enqueue(new SyncAccount(42), JobOptions.defaults()
 *     .queue("sync").concurrencyKey("account:42").maxAttempts(3).timeout(Duration.ofMinutes(2)));
 * }</pre>
 *
 * @param queue the queue, {@code default} unless set
 * @param priority higher runs first; 0 by default
 * @param runAt not before this instant; empty: at once
 * @param uniqueKey while a job with this key is ready or running, enqueueing another returns the
 *     pending one's id instead
 * @param concurrencyKey at most one job with this key runs at a time, across instances
 * @param maxAttempts attempts in all; empty: {@code keel.jobs.max-attempts}
 * @param timeout an attempt running longer is interrupted and fails; empty: {@code
 *     keel.jobs.timeout}
 * @param after ids of jobs that must all finish (successfully, or be discarded) before this one
 *     runs
 */
public record JobOptions(
    String queue,
    int priority,
    Optional<Instant> runAt,
    Optional<String> uniqueKey,
    Optional<String> concurrencyKey,
    Optional<Integer> maxAttempts,
    Optional<Duration> timeout,
    long[] after) {

  public JobOptions {
    Objects.requireNonNull(queue, "queue");
    if (queue.isBlank() || queue.length() > 100) {
      throw new IllegalArgumentException(
          "queue name '" + queue + "' must have 1 to 100 characters");
    }
    maxAttempts.ifPresent(
        n -> {
          if (n < 1) throw new IllegalArgumentException("maxAttempts " + n + " must be >= 1");
        });
    timeout.ifPresent(
        t -> {
          if (t.isNegative() || t.isZero()) {
            throw new IllegalArgumentException("timeout " + t + " must be positive");
          }
        });
    after = after.clone();
  }

  /** Queue {@code default}, priority 0, now, no keys, the configured attempts and timeout. */
  public static JobOptions defaults() {
    return new JobOptions(
        "default",
        0,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        new long[0]);
  }

  @Override
  public long[] after() {
    return after.clone();
  }

  public JobOptions queue(String queue) {
    return new JobOptions(
        queue, priority, runAt, uniqueKey, concurrencyKey, maxAttempts, timeout, after);
  }

  public JobOptions priority(int priority) {
    return new JobOptions(
        queue, priority, runAt, uniqueKey, concurrencyKey, maxAttempts, timeout, after);
  }

  public JobOptions runAt(Instant at) {
    return new JobOptions(
        queue, priority, Optional.of(at), uniqueKey, concurrencyKey, maxAttempts, timeout, after);
  }

  public JobOptions uniqueKey(String key) {
    return new JobOptions(
        queue, priority, runAt, Optional.of(key), concurrencyKey, maxAttempts, timeout, after);
  }

  public JobOptions concurrencyKey(String key) {
    return new JobOptions(
        queue, priority, runAt, uniqueKey, Optional.of(key), maxAttempts, timeout, after);
  }

  public JobOptions maxAttempts(int attempts) {
    return new JobOptions(
        queue, priority, runAt, uniqueKey, concurrencyKey, Optional.of(attempts), timeout, after);
  }

  public JobOptions timeout(Duration timeout) {
    return new JobOptions(
        queue,
        priority,
        runAt,
        uniqueKey,
        concurrencyKey,
        maxAttempts,
        Optional.of(timeout),
        after);
  }

  /** Runs after every job in {@code jobIds} finished: a chain, or a batch's follow-up. */
  public JobOptions after(long... jobIds) {
    return new JobOptions(
        queue, priority, runAt, uniqueKey, concurrencyKey, maxAttempts, timeout, jobIds);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JobOptions j
        && queue.equals(j.queue)
        && priority == j.priority
        && runAt.equals(j.runAt)
        && uniqueKey.equals(j.uniqueKey)
        && concurrencyKey.equals(j.concurrencyKey)
        && maxAttempts.equals(j.maxAttempts)
        && timeout.equals(j.timeout)
        && Arrays.equals(after, j.after);
  }

  @Override
  public int hashCode() {
    return Objects.hash(queue, priority, runAt, uniqueKey, concurrencyKey, Arrays.hashCode(after));
  }

  @Override
  public String toString() {
    return "JobOptions[queue="
        + queue
        + ", priority="
        + priority
        + ", runAt="
        + runAt
        + ", uniqueKey="
        + uniqueKey
        + ", concurrencyKey="
        + concurrencyKey
        + ", maxAttempts="
        + maxAttempts
        + ", timeout="
        + timeout
        + ", after="
        + Arrays.toString(after)
        + "]";
  }
}
