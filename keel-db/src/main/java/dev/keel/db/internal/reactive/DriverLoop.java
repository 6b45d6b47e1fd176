package dev.keel.db.internal.reactive;

import io.vertx.core.Future;
import io.vertx.core.internal.ContextInternal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One of the driver's event loops, as statements are sent through it: a Vert.x context made once,
 * and the watch over the answers still owed on it ({@code keel.db.socket-timeout}).
 *
 * <p>Statements are handed to the loop and the client is called there: called from the request's
 * virtual thread instead, Vert.x made a context per call (a context, a thread-local and an executor
 * each time, 8 % of {@code /db}'s CPU in a profile) and took the pool's lock across threads; the
 * hand-off to the loop happened anyway.
 *
 * <p>The watch is a list in send order, touched only on the loop, so it needs no lock and no hash:
 * linking and unlinking an answer is a few field writes. A periodic sweep fails the answers older
 * than the timeout (the waiting thread reports SQLSTATE 08006, a 503). The waiting thread itself
 * waits without a timer: a timed wait per statement measured 8-21 % slower on {@code /db}, every
 * timed park of a virtual thread scheduling and cancelling a wake-up.
 */
final class DriverLoop {
  private final ContextInternal context;
  private final long timeoutNanos; // 0: no watch
  private final String late;
  private Answer<?> oldest; // the watched answers, oldest first: their deadlines ascend
  private Answer<?> newest;

  private DriverLoop(ContextInternal context, Duration timeout) {
    this.context = context;
    this.timeoutNanos = timeout.toNanos();
    this.late = "no answer from the database within keel.db.socket-timeout (" + timeout + ")";
  }

  /** A loop sending from {@code context}; {@code timeout} zero: answers are awaited for ever. */
  static DriverLoop start(ContextInternal context, Duration timeout) {
    DriverLoop loop = new DriverLoop(context, timeout);
    if (!timeout.isZero()) {
      // a quarter of the timeout keeps the overshoot small; at most once a second, as cheap as idle
      long period = Math.clamp(timeout.toMillis() / 4, 10, 1000);
      context.runOnContext(v -> context.owner().setPeriodic(period, id -> loop.sweep()));
    }
    return loop;
  }

  /**
   * Runs {@code statement} on the loop and answers its result through the returned future. The
   * sends of one caller reach the loop, and so PostgreSQL, in their order.
   */
  <T> CompletableFuture<T> send(Supplier<Future<T>> statement) {
    Answer<T> answer = new Answer<>();
    context.runOnContext(
        v -> {
          watch(answer);
          try {
            // the client calls back on this context's loop
            statement
                .get()
                .onComplete(r -> answered(answer, r, null), e -> answered(answer, null, e));
          } catch (RuntimeException e) {
            answered(answer, null, e);
          }
        });
    return answer;
  }

  private <T> void answered(Answer<T> answer, T result, Throwable failure) {
    forget(answer);
    if (failure == null) answer.complete(result);
    else answer.completeExceptionally(failure);
  }

  private void watch(Answer<?> answer) {
    if (timeoutNanos == 0) return;
    answer.deadline = System.nanoTime() + timeoutNanos;
    answer.watched = true;
    answer.before = newest;
    if (newest == null) oldest = answer;
    else newest.after = answer;
    newest = answer;
  }

  private void forget(Answer<?> answer) {
    if (!answer.watched) return;
    answer.watched = false;
    if (answer.before == null) oldest = answer.after;
    else answer.before.after = answer.after;
    if (answer.after == null) newest = answer.before;
    else answer.after.before = answer.before;
    answer.before = null;
    answer.after = null;
  }

  void sweep() {
    long now = System.nanoTime();
    while (oldest != null && now - oldest.deadline >= 0) {
      Answer<?> expired = oldest;
      forget(expired);
      expired.completeExceptionally(new TimeoutException(late));
    }
  }

  /** An answer and its place in the watch; its fields are only touched on the loop. */
  private static final class Answer<T> extends CompletableFuture<T> {
    long deadline;
    boolean watched;
    Answer<?> before;
    Answer<?> after;
  }
}
