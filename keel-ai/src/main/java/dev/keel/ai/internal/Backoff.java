package dev.keel.ai.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** How long to wait before a retry: the server's {@code Retry-After}, else exponential backoff. */
public final class Backoff {
  private Backoff() {}

  /**
   * {@code Retry-After} (RFC 9110 §10.2.3) as a wait from {@code now}: delay-seconds or an
   * HTTP-date; empty when absent or unreadable; zero for a date in the past.
   */
  public static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
    if (header.isEmpty()) return Optional.empty();
    String v = header.get().trim();
    if (v.matches("\\d{1,9}")) return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@code base} × 2^attempt, ±20% jitter so that many clients do not retry in step, capped. */
  public static Duration exponential(Duration base, int attempt, Duration cap) {
    double wait = base.toMillis() * Math.pow(2, Math.min(attempt, 20));
    wait *= 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis((long) Math.min(wait, cap.toMillis()));
  }

  public static boolean retryable(int status) {
    return status == 429
        || status == 500
        || status == 502
        || status == 503
        || status == 504
        || status == 529;
  }
}
