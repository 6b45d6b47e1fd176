package dev.keel.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  static final String REDIS = "redis://127.0.0.1:6379";
  static final String PREFIX = "keel-test-" + UUID.randomUUID() + ":rl:";

  @AfterAll
  static void dropKeys() {
    RedisClient client = RedisClient.create(REDIS);
    try (var connection = client.connect()) {
      var keys = connection.sync().keys(PREFIX + "*");
      if (!keys.isEmpty()) connection.sync().del(keys.toArray(String[]::new));
    } finally {
      client.shutdown();
    }
  }

  static Keel app(RateLimit limit, String... args) {
    Keel app = Keel.create(JwtTest.config(args));
    app.install(Security.create());
    app.use(limit.perClientIp());
    app.get("/ping", ctx -> "pong");
    return app;
  }

  @Test
  void answers429WithRetryAfterAndRateLimitHeaders() {
    try (var client = TestClient.inProcess(app(RateLimit.of("api", 3, Duration.ofMinutes(1))))) {
      for (int i = 0; i < 3; i++) {
        TestResponse ok = client.get("/ping").send();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("RateLimit-Limit")).contains("3");
        assertThat(ok.header("RateLimit-Remaining")).contains(Integer.toString(2 - i));
        assertThat(ok.header("RateLimit-Policy")).contains("3;w=60");
      }
      TestResponse limited = client.get("/ping").send();
      assertThat(limited.status()).isEqualTo(429);
      assertThat(Long.parseLong(limited.header("Retry-After").orElseThrow())).isBetween(1L, 20L);
      assertThat(limited.header("RateLimit-Remaining")).contains("0");
      assertThat(limited.json().get("detail").asString()).contains("rate limit 'api' of 3 per 1m");
      assertThat(limited.json().get("type").asString())
          .isEqualTo("https://keel.dev/problems/rate-limited");
    }
  }

  @Test
  void redisStoreSharesTheLimitBetweenInstances() {
    try (var storeA = RateLimitStore.redis(REDIS, PREFIX);
        var storeB = RateLimitStore.redis(REDIS, PREFIX);
        var a =
            TestClient.inProcess(app(RateLimit.of("shared", 4, Duration.ofMinutes(1), storeA)));
        var b =
            TestClient.inProcess(app(RateLimit.of("shared", 4, Duration.ofMinutes(1), storeB)))) {
      assertThat(a.get("/ping").send().status()).isEqualTo(200);
      assertThat(b.get("/ping").send().status()).isEqualTo(200);
      assertThat(a.get("/ping").send().status()).isEqualTo(200);
      assertThat(b.get("/ping").send().header("RateLimit-Remaining")).contains("0");
      assertThat(a.get("/ping").send().status()).isEqualTo(429);
      assertThat(b.get("/ping").send().status()).isEqualTo(429);
    }
  }

  @Test
  void forwardedForIsTrustedOnlyFromConfiguredProxies() {
    // the in-process client connects from 127.0.0.1
    var limit = RateLimit.of("proxied", 1, Duration.ofMinutes(1));
    try (var client =
        TestClient.inProcess(app(limit, "--keel.security.trusted-proxies=127.0.0.1"))) {
      assertThat(client.get("/ping").header("X-Forwarded-For", "203.0.113.1").send().status())
          .isEqualTo(200);
      assertThat(client.get("/ping").header("X-Forwarded-For", "203.0.113.2").send().status())
          .isEqualTo(200);
      assertThat(client.get("/ping").header("X-Forwarded-For", "203.0.113.1").send().status())
          .isEqualTo(429);
    }
    var untrusted = RateLimit.of("direct", 1, Duration.ofMinutes(1));
    try (var client = TestClient.inProcess(app(untrusted))) {
      assertThat(client.get("/ping").header("X-Forwarded-For", "203.0.113.1").send().status())
          .isEqualTo(200);
      assertThat(client.get("/ping").header("X-Forwarded-For", "203.0.113.2").send().status())
          .as("a spoofed X-Forwarded-For does not buy a new bucket")
          .isEqualTo(429);
    }
  }

  @Test
  void loginsAreThrottledByAccountAndByIp() {
    LoginThrottle throttle = LoginThrottle.defaults();
    Keel app = Keel.create(JwtTest.config());
    app.install(Security.create());
    app.post(
        "/login",
        ctx -> {
          String email = ctx.form().field("email").orElseThrow();
          throttle.check(ctx, email);
          throw new dev.keel.core.Unauthorized("wrong email or password");
        });
    try (var client = TestClient.inProcess(app)) {
      for (int i = 0; i < 5; i++) {
        var r = client.post("/login").form(Map.of("email", "Alice@example.com")).send();
        assertThat(r.status()).isEqualTo(401);
      }
      var burst = client.post("/login").form(Map.of("email", "alice@example.com ")).send();
      assertThat(burst.status()).isEqualTo(429);
      assertThat(burst.header("Retry-After")).isPresent();

      // spraying other accounts from one IP hits the per-IP limit (20 per minute)
      int limited = 0;
      for (int i = 0; i < 20; i++) {
        var r = client.post("/login").form(Map.of("email", "user" + i + "@example.com")).send();
        if (r.status() == 429) limited++;
      }
      assertThat(limited).isEqualTo(6); // 6 + 14 = 20 attempts allowed from this IP in all
    }
  }
}
