package dev.keel.httpclient.internal;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before retry {@code n}: exponential ({@code initial × 2^(n-1)}, at most {@code max})
 * with "equal jitter" (half fixed, half random, so that clients that failed together do not return
 * together), or the server's {@code Retry-After} (seconds or an HTTP date) when it sent one, capped
 * at {@code maxRetryAfter}.
 */
public record Backoff(Duration initial, Duration max, Duration maxRetryAfter)
    implements IntervalBiFunction<Object> {

  @Override
  public Long apply(Integer attempt, Either<Throwable, Object> outcome) {
    if (outcome != null && outcome.isRight() && outcome.get() instanceof HttpResponse<?> r) {
      Optional<Duration> asked = retryAfter(r.headers().firstValue("Retry-After"));
      if (asked.isPresent()) return Math.min(asked.get().toMillis(), maxRetryAfter.toMillis());
    }
    return jittered(attempt);
  }

  /** The exponential wait with jitter for retry number {@code attempt} (1 for the first). */
  public long jittered(int attempt) {
    double exponential = initial.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
    long capped = (long) Math.min(exponential, max.toMillis());
    long half = capped / 2;
    return half + ThreadLocalRandom.current().nextLong(capped - half + 1);
  }

  /** RFC 9110 §10.2.3: delay-seconds or an HTTP-date; empty when absent or unreadable. */
  public static Optional<Duration> retryAfter(Optional<String> header) {
    if (header.isEmpty()) return Optional.empty();
    String v = header.get().strip();
    try {
      if (v.matches("\\d{1,9}")) return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
      var when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration until = Duration.between(ZonedDateTime.now(when.getZone()), when);
      return Optional.of(until.isNegative() ? Duration.ZERO : until);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
