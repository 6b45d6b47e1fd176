package dev.keel.db.internal.reactive;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * The guard against an answer that never comes (a hung server, a network that drops packets):
 * {@code keel.db.socket-timeout}. Waiting threads register their answer and wait without a timer;
 * one periodic sweep on a driver loop fails the answers older than the timeout, and the waiting
 * thread reports SQLSTATE 08006 (a 503). A timer per statement measured 8-21 % slower on {@code
 * /db}: every timed park of a virtual thread schedules and cancels a wake-up on the scheduler's
 * delay queue.
 */
final class AnswerWatch {
  private final Set<Answer<?>> waiting = ConcurrentHashMap.newKeySet();
  private final long timeoutNanos;
  private final String message;

  private AnswerWatch(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
    this.message = "no answer from the database within keel.db.socket-timeout (" + timeout + ")";
  }

  /** A watch whose sweep runs on {@code vertx}'s loops until it is closed. */
  static AnswerWatch start(Vertx vertx, Duration timeout) {
    AnswerWatch watch = new AnswerWatch(timeout);
    // a quarter of the timeout keeps the overshoot small; at most once a second, as cheap as idle
    long period = Math.clamp(timeout.toMillis() / 4, 10, 1000);
    vertx.setPeriodic(period, id -> watch.sweep());
    return watch;
  }

  /** A future the caller completes with the answer and waits on; the watch may fail it first. */
  <T> CompletableFuture<T> expect() {
    Answer<T> answer = new Answer<>(System.nanoTime() + timeoutNanos);
    waiting.add(answer);
    return answer;
  }

  /** Forgets {@code answer} once its waiter has it. */
  void done(CompletableFuture<?> answer) {
    waiting.remove(answer);
  }

  void sweep() {
    long now = System.nanoTime();
    for (Answer<?> answer : waiting) {
      if (now - answer.deadline >= 0) {
        answer.completeExceptionally(new TimeoutException(message));
        waiting.remove(answer);
      }
    }
  }

  /** Identity equality (CompletableFuture does not override it), so a set holds each once. */
  private static final class Answer<T> extends CompletableFuture<T> {
    final long deadline;

    Answer(long deadline) {
      this.deadline = deadline;
    }
  }
}
