package dev.keel.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops handlers that run too long: when the rest of the chain has not returned within the limit,
 * its thread is interrupted and the answer is 503 problem+json ({@code "The request took longer
 * than 30 s ..."}), whatever the handler returns or throws afterwards.
 *
 * <pre>{@code
 * app.use(RequestTimeout.of(Duration.ofSeconds(10)));
 * app.use(RequestTimeout.from(app.config()));   // keel.server.request-timeout, default 30s
 * }</pre>
 *
 * <ul>
 *   <li><b>Interruption is cooperative.</b> Blocking calls that honour interrupts (sleeps, locks,
 *       queues, JDBC drivers and HTTP clients that support it) end at once with an exception. Work
 *       that ignores interrupts runs on; the 503 is sent when it finally returns, since a response
 *       cannot leave before its handler has finished with the request.
 *   <li>A warning on this class's logger names the request and shows where the handler was when the
 *       time ran out.
 *   <li>Only chains on virtual threads are timed. {@link Handler#nonBlocking} routes run on the
 *       network thread, which is never interrupted, and are left alone.
 *   <li>The limit covers the chain inside this middleware, not the writing of a streamed body after
 *       the handler returned it.
 * </ul>
 *
 * <p>Timers run on one shared daemon thread and are cancelled when the chain returns. Immutable and
 * thread-safe.
 */
public final class RequestTimeout implements Middleware {
  /** The setting read by {@link #from(Config)}. */
  public static final String KEY = "keel.server.request-timeout";

  public static final Duration DEFAULT = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(RequestTimeout.class);

  private final Duration limit;
  private final long nanos;
  private final String setting; // named in messages when the limit came from it

  private RequestTimeout(Duration limit, String setting) {
    this.limit = limit;
    this.nanos = limit.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE : limit.toNanos();
    this.setting = setting;
  }

  /**
   * Stops handlers after {@code limit}.
   *
   * @throws IllegalArgumentException when {@code limit} is zero or negative
   */
  public static RequestTimeout of(Duration limit) {
    Objects.requireNonNull(limit, "limit");
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException(
          "request timeout " + limit + " must be positive, e.g. Duration.ofSeconds(30)");
    }
    return new RequestTimeout(limit, "");
  }

  /** Stops handlers after {@value #KEY} (default 30 s); {@code 0} is refused at start-up. */
  public static RequestTimeout from(Config config) {
    Duration limit = config.duration(KEY, DEFAULT);
    if (limit.isZero()) {
      config.reject(KEY, "expected a positive duration such as 30s");
      return new RequestTimeout(DEFAULT, KEY);
    }
    return new RequestTimeout(limit, KEY);
  }

  public Duration limit() {
    return limit;
  }

  @Override
  public Handler apply(Handler next) {
    return ctx -> {
      Thread thread = Thread.currentThread();
      if (!thread.isVirtual()) return next.handle(ctx);
      var watch = new Watch(thread, ctx.method() + " " + ctx.path(), ctx.requestId());
      ScheduledFuture<?> timer =
          Timer.INSTANCE.schedule(watch::expire, nanos, TimeUnit.NANOSECONDS);
      Object result;
      try {
        result = next.handle(ctx);
      } catch (Exception | Error e) {
        if (watch.finish()) {
          var timeout = timedOut();
          timeout.addSuppressed(e);
          throw timeout;
        }
        throw e;
      } finally {
        timer.cancel(false);
      }
      if (watch.finish()) throw timedOut();
      return result;
    };
  }

  private ServiceUnavailable timedOut() {
    return new ServiceUnavailable(
        ProblemTypes.HANDLER_TIMEOUT,
        "The request took longer than "
            + describe(limit)
            + " and was stopped"
            + (setting.isEmpty() ? "" : " (" + setting + ")")
            + "; try again later, or ask for less at once.");
  }

  static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  @Override
  public String toString() {
    return "RequestTimeout[" + describe(limit) + "]";
  }

  /** One timed chain; the lock makes sure no interrupt arrives after the chain has finished. */
  private final class Watch {
    private final Thread thread;
    private final String request;
    private final String requestId;
    private boolean finished;
    private boolean expired;

    Watch(Thread thread, String request, String requestId) {
      this.thread = thread;
      this.request = request;
      this.requestId = requestId;
    }

    void expire() {
      var where = new IllegalStateException("the handler's stack when the time ran out");
      synchronized (this) {
        if (finished) return;
        where.setStackTrace(thread.getStackTrace()); // before the interrupt unwinds it
        expired = true;
        thread.interrupt();
      }
      log.warn(
          "{} (request id {}) took longer than {}{}; its thread was interrupted",
          request,
          requestId,
          describe(limit),
          setting.isEmpty() ? "" : " (" + setting + ")",
          where);
    }

    /** Marks the chain done; true when it had expired (then the interrupt flag is cleared). */
    boolean finish() {
      synchronized (this) {
        finished = true;
        if (expired) Thread.interrupted();
        return expired;
      }
    }
  }

  /** The shared timer thread, started on first use. */
  private static final class Timer {
    static final ScheduledThreadPoolExecutor INSTANCE = create();

    private static ScheduledThreadPoolExecutor create() {
      var executor =
          new ScheduledThreadPoolExecutor(
              1, Thread.ofPlatform().name("keel-request-timeout").daemon().factory());
      executor.setRemoveOnCancelPolicy(true); // cancelled timers do not pile up until they expire
      return executor;
    }
  }
}
