package dev.keel.security;

import dev.keel.core.Context;
import dev.keel.core.Middleware;
import dev.keel.core.TooManyRequests;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A token-bucket rate limit (Bucket4j): {@code capacity} requests per {@code period}, refilled
 * smoothly, one bucket per key (client IP, principal, account). Over the limit the request gets 429
 * problem+json with {@code Retry-After}; every limited response carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining}, {@code RateLimit-Reset} and {@code RateLimit-Policy} (IETF
 * draft-ietf-httpapi-ratelimit-headers).
 *
 * <pre>{@code
 * RateLimit api = RateLimit.of("api", 100, Duration.ofMinutes(1));   // in memory
 * app.use(api.perClientIp());
 * app.group("/api/search", g -> g.use(RateLimit.of("search", 10, Duration.ofSeconds(10),
 *     RateLimitStore.redis("redis://127.0.0.1:6379", "myapp:rl:")).perPrincipal()));
 * }</pre>
 */
public final class RateLimit {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  private final String name;
  private final long capacity;
  private final Duration period;
  private final RateLimitStore store;
  private final BucketConfiguration configuration;

  private RateLimit(String name, long capacity, Duration period, RateLimitStore store) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "rate limit name: '" + name + "' (expected: lower-case letters, digits, -)");
    }
    if (capacity < 1) {
      throw new IllegalArgumentException(
          "rate limit " + name + ": capacity " + capacity + " (expected: > 0)");
    }
    if (period.toMillis() < 1) {
      throw new IllegalArgumentException(
          "rate limit " + name + ": period " + period + " (expected: >= 1ms)");
    }
    this.name = name;
    this.capacity = capacity;
    this.period = period;
    this.store = Objects.requireNonNull(store, "store");
    this.configuration =
        BucketConfiguration.builder()
            .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
            .build();
  }

  /** {@code capacity} requests per {@code period} per key, kept in memory. */
  public static RateLimit of(String name, long capacity, Duration period) {
    return new RateLimit(name, capacity, period, RateLimitStore.memory());
  }

  /** {@code capacity} requests per {@code period} per key, kept in {@code store}. */
  public static RateLimit of(String name, long capacity, Duration period, RateLimitStore store) {
    return new RateLimit(name, capacity, period, store);
  }

  /** A middleware limiting each client IP ({@link Security#clientIp}). */
  public Middleware perClientIp() {
    return by(ctx -> "ip:" + Security.clientIp(ctx));
  }

  /** A middleware limiting each principal; anonymous requests are limited by client IP. */
  public Middleware perPrincipal() {
    return by(
        ctx ->
            Security.principal(ctx)
                .map(p -> "principal:" + p.id())
                .orElseGet(() -> "ip:" + Security.clientIp(ctx)));
  }

  /** A middleware limiting each key that {@code key} computes from the request. */
  public Middleware by(Function<Context, String> key) {
    return next ->
        ctx -> {
          check(ctx, key.apply(ctx));
          return next.handle(ctx);
        };
  }

  /**
   * Takes one token from {@code key}'s bucket and sets the {@code RateLimit-*} headers.
   *
   * @throws TooManyRequests (429, with {@code Retry-After}) when the bucket is empty
   */
  public void check(Context ctx, String key) {
    ConsumptionProbe probe =
        store.bucket(name + ":" + key, configuration).tryConsumeAndReturnRemaining(1);
    ctx.header("RateLimit-Limit", Long.toString(capacity));
    ctx.header("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
    ctx.header("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
    ctx.header("RateLimit-Policy", capacity + ";w=" + Math.max(1, period.toSeconds()));
    if (!probe.isConsumed()) {
      long retry = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
      ctx.header("Retry-After", Long.toString(retry));
      throw new TooManyRequests(
          SecurityProblems.RATE_LIMITED,
          "rate limit '"
              + name
              + "' of "
              + capacity
              + " per "
              + period.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
              + " exceeded; retry in "
              + retry
              + " s");
    }
  }

  private static long seconds(long nanos) {
    return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
  }
}
