package dev.keel.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Instant now = Instant.parse("2026-12-06T03:00:00Z");

  @Test
  void retryAfterIsDelaySecondsOrAnHttpDate() {
    assertThat(Backoff.retryAfter(Optional.of("7"), now)).hasValue(Duration.ofSeconds(7));
    assertThat(Backoff.retryAfter(Optional.of(" 0 "), now)).hasValue(Duration.ZERO);
    assertThat(Backoff.retryAfter(Optional.of("Sun, 06 Dec 2026 03:00:05 GMT"), now))
        .hasValue(Duration.ofSeconds(5));
    assertThat(Backoff.retryAfter(Optional.of("Sun, 06 Dec 2026 02:59:00 GMT"), now))
        .hasValue(Duration.ZERO); // in the past: retry now
    assertThat(Backoff.retryAfter(Optional.of("soon"), now)).isEmpty();
    assertThat(Backoff.retryAfter(Optional.of("-3"), now)).isEmpty();
    assertThat(Backoff.retryAfter(Optional.empty(), now)).isEmpty();
  }

  @Test
  void backoffDoublesWithJitterAndIsCapped() {
    for (int i = 0; i < 100; i++) {
      assertThat(Backoff.exponential(Duration.ofMillis(500), 0, Duration.ofSeconds(30)).toMillis())
          .isBetween(400L, 600L);
      assertThat(Backoff.exponential(Duration.ofMillis(500), 3, Duration.ofSeconds(30)).toMillis())
          .isBetween(3200L, 4800L);
      assertThat(Backoff.exponential(Duration.ofMillis(500), 30, Duration.ofSeconds(30)))
          .isLessThanOrEqualTo(Duration.ofSeconds(30));
    }
  }

  @Test
  void onlyRateLimitsAndServerTroubleAreRetried() {
    assertThat(Backoff.retryable(429)).isTrue();
    assertThat(Backoff.retryable(503)).isTrue();
    assertThat(Backoff.retryable(529)).isTrue();
    assertThat(Backoff.retryable(400)).isFalse();
    assertThat(Backoff.retryable(401)).isFalse();
    assertThat(Backoff.retryable(501)).isFalse();
  }
}
