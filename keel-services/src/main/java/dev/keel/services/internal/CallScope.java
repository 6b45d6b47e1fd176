package dev.keel.services.internal;

import dev.keel.core.Handler;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * What a component call carries from the caller to the callee and on to the calls it makes: the
 * deadline (a {@link System#nanoTime()} instant) and the W3C trace context. Scoped values, so they
 * follow the call on its virtual thread and vanish with it.
 */
public final class CallScope {
  private CallScope() {}

  /** The header with the milliseconds left until the caller's deadline. */
  public static final String DEADLINE_HEADER = "Keel-Deadline-Ms";

  /** The header with the caller's version (shape hash) of the component's interface. */
  public static final String VERSION_HEADER = "Keel-Component-Version";

  static final ScopedValue<Long> DEADLINE = ScopedValue.newInstance();
  static final ScopedValue<String> TRACE = ScopedValue.newInstance();

  private static final Pattern TRACEPARENT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

  /** Runs {@code body} with a deadline {@code budget} from now, or the current one if sooner. */
  public static <T> T withDeadline(Duration budget, Callable<T> body) throws Exception {
    long deadline = System.nanoTime() + budget.toNanos();
    if (DEADLINE.isBound() && DEADLINE.get() - deadline < 0) deadline = DEADLINE.get();
    return ScopedValue.where(DEADLINE, deadline).call(body::call);
  }

  /** The current deadline, or {@code fallback} from now when no caller set one. */
  static long deadline(Duration fallback) {
    return DEADLINE.isBound() ? DEADLINE.get() : System.nanoTime() + fallback.toNanos();
  }

  /**
   * The {@code traceparent} of an outgoing call: the current trace with a new span id, or a new
   * trace when there is none (version 00, RFC: W3C Trace Context).
   */
  static String childTraceparent() {
    var random = ThreadLocalRandom.current();
    var hex = HexFormat.of();
    String span = hex.toHexDigits(random.nextLong() | 1);
    if (TRACE.isBound()) {
      var m = TRACEPARENT.matcher(TRACE.get());
      if (m.matches()) return "00-" + m.group(1) + "-" + span + "-" + m.group(3);
    }
    String trace = hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong() | 1);
    return "00-" + trace + "-" + span + "-01";
  }

  /** The time left before the current deadline, if one is set. */
  public static java.util.Optional<Duration> remaining() {
    if (!DEADLINE.isBound()) return java.util.Optional.empty();
    return java.util.Optional.of(Duration.ofNanos(Math.max(0, DEADLINE.get() - System.nanoTime())));
  }

  /** Whether {@code value} is a well-formed version-00 traceparent. */
  static boolean isTraceparent(String value) {
    return TRACEPARENT.matcher(value).matches();
  }

  /** Middleware: binds the request's {@code traceparent} so component calls continue its trace. */
  public static Handler traced(Handler next) {
    return ctx -> {
      var header = ctx.header("traceparent").filter(CallScope::isTraceparent);
      if (header.isEmpty()) return next.handle(ctx);
      return ScopedValue.where(TRACE, header.get()).call(() -> next.handle(ctx));
    };
  }

  /** Runs {@code body} with the deadline and trace received from a caller. */
  static <T> T received(Long deadline, String traceparent, Callable<T> body) throws Exception {
    if (deadline == null && traceparent == null) return body.call();
    ScopedValue.Carrier carrier =
        deadline == null
            ? ScopedValue.where(TRACE, traceparent)
            : traceparent == null
                ? ScopedValue.where(DEADLINE, deadline)
                : ScopedValue.where(DEADLINE, deadline).where(TRACE, traceparent);
    return carrier.call(body::call);
  }

  /** The current trace's {@code traceparent}, or null: for tests and logs. */
  public static String traceparent() {
    return TRACE.isBound() ? TRACE.get() : null;
  }
}
