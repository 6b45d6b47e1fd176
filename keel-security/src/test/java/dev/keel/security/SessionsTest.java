package dev.keel.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import io.lettuce.core.RedisClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sessions against the memory store and a real Redis (keys under a random prefix, removed after).
 */
class SessionsTest {
  static final String REDIS = "redis://127.0.0.1:6379";
  static final String PREFIX = "keel-test-" + UUID.randomUUID() + ":session:";
  static final RedisSessionStore REDIS_STORE = RedisSessionStore.connect(REDIS, PREFIX);

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-21T12:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  static final String TABLE = "keel_session_" + UUID.randomUUID().toString().replace("-", "");
  static final Database SQLITE = sqlite();
  static final Database POSTGRES = Database.connect("postgres://postgres@127.0.0.1:5432/postgres");

  static Database sqlite() {
    try {
      Path dir = Files.createTempDirectory("keel-security-test");
      return Database.connect("jdbc:sqlite:" + dir.resolve("sessions.db"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Stream<String> stores() {
    return Stream.of("memory", "redis", "sqlite", "postgres");
  }

  SessionStore store(String name) {
    return switch (name) {
      case "memory" -> new MemorySessionStore();
      case "redis" -> REDIS_STORE;
      case "sqlite" -> new DbSessionStore(SQLITE, TABLE, clock);
      case "postgres" -> new DbSessionStore(POSTGRES, TABLE, clock);
      default -> throw new IllegalArgumentException(name);
    };
  }

  @AfterAll
  static void dropKeys() {
    RedisClient client = RedisClient.create(REDIS);
    try (var connection = client.connect()) {
      var keys = connection.sync().keys(PREFIX + "*");
      if (!keys.isEmpty()) connection.sync().del(keys.toArray(String[]::new));
    } finally {
      client.shutdown();
      REDIS_STORE.close();
    }
    POSTGRES.sql("drop table if exists " + TABLE).update();
    POSTGRES.close();
    SQLITE.close();
  }

  final MovableClock clock = new MovableClock();
  Sessions sessions;

  Keel app(String store) {
    Keel app = Keel.create(JwtTest.config());
    sessions =
        Sessions.builder(store(store))
            .idleTimeout(Duration.ofMinutes(30))
            .absoluteTimeout(Duration.ofHours(2))
            .clock(clock)
            .build();
    app.install(Security.builder().sessions(sessions).build());
    app.get("/login", ctx -> Map.of("csrf", sessions.start(ctx).csrfToken()));
    app.post(
        "/login",
        ctx -> {
          String user = ctx.form().field("user").orElseThrow();
          Session s = sessions.login(ctx, Principal.of(user).withPermissions("notes:write"));
          return Map.of("csrf", s.csrfToken());
        });
    app.post(
        "/logout",
        ctx -> {
          sessions.logout(ctx);
          return null;
        });
    app.get("/me", ctx -> Security.authenticated(ctx).id());
    app.post("/notes", ctx -> "saved for " + Security.authenticated(ctx).id());
    return app;
  }

  static String cookie(TestResponse r) {
    String header = r.headers().get("set-cookie").getFirst();
    return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
  }

  static TestResponse login(TestClient client, String csrf, String cookie, String user) {
    var request = client.post("/login").form(Map.of("user", user, "_csrf", csrf));
    if (!cookie.isEmpty()) request.cookie("keel_session", cookie);
    return request.send();
  }

  @ParameterizedTest
  @MethodSource("stores")
  void cookieIsOpaqueHttpOnlyLaxAndSecureOutsideDev(String store) {
    try (var client = TestClient.inProcess(app(store))) {
      TestResponse r = client.get("/login").send();
      String header = r.headers().get("set-cookie").getFirst();
      assertThat(header)
          .matches("keel_session=[A-Za-z0-9_-]{43}; Path=/; Secure; HttpOnly; SameSite=Lax");
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void loginRotatesTheIdSoAPlantedIdIsUseless(String store) {
    try (var client = TestClient.inProcess(app(store))) {
      TestResponse form = client.get("/login").send();
      String planted = cookie(form); // what an attacker could fix in the victim's browser
      TestResponse loggedIn = login(client, form.json().get("csrf").asString(), planted, "alice");
      assertThat(loggedIn.status()).isEqualTo(200);
      String session = cookie(loggedIn);

      assertThat(session).isNotEqualTo(planted);
      assertThat(client.get("/me").cookie("keel_session", session).send().text())
          .isEqualTo("alice");
      assertThat(client.get("/me").cookie("keel_session", planted).send().status()).isEqualTo(401);
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void logoutDestroysTheSessionServerSide(String store) {
    try (var client = TestClient.inProcess(app(store))) {
      TestResponse form = client.get("/login").send();
      TestResponse loggedIn =
          login(client, form.json().get("csrf").asString(), cookie(form), "bob");
      String session = cookie(loggedIn);
      String csrf = loggedIn.json().get("csrf").asString();

      TestResponse out =
          client
              .post("/logout")
              .cookie("keel_session", session)
              .header("X-CSRF-Token", csrf)
              .send();
      assertThat(out.status()).isEqualTo(204);
      assertThat(out.headers().get("set-cookie").getFirst()).contains("Max-Age=0");

      // the copied cookie, replayed after logout
      assertThat(client.get("/me").cookie("keel_session", session).send().status()).isEqualTo(401);
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void sessionsExpireWhenIdleAndAbsolutely(String store) {
    try (var client = TestClient.inProcess(app(store))) {
      TestResponse form = client.get("/login").send();
      String session =
          cookie(login(client, form.json().get("csrf").asString(), cookie(form), "carol"));

      // active every 20 minutes: stays within the idle timeout until the absolute one ends
      for (int i = 0; i < 5; i++) {
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertThat(client.get("/me").cookie("keel_session", session).send().status())
            .as("after %d min", 20 * (i + 1))
            .isEqualTo(200);
      }
      clock.now = clock.now.plus(Duration.ofMinutes(21)); // past 2 h after login
      assertThat(client.get("/me").cookie("keel_session", session).send().status()).isEqualTo(401);

      form = client.get("/login").send();
      session = cookie(login(client, form.json().get("csrf").asString(), cookie(form), "carol"));
      clock.now = clock.now.plus(Duration.ofMinutes(31)); // idle
      assertThat(client.get("/me").cookie("keel_session", session).send().status()).isEqualTo(401);
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void cookieAuthenticatedFormPostsNeedTheCsrfToken(String store) {
    try (var client = TestClient.inProcess(app(store))) {
      TestResponse form = client.get("/login").send();
      TestResponse loggedIn =
          login(client, form.json().get("csrf").asString(), cookie(form), "dan");
      String session = cookie(loggedIn);
      String csrf = loggedIn.json().get("csrf").asString();

      TestResponse noToken =
          client.post("/notes").cookie("keel_session", session).form(Map.of("text", "x")).send();
      assertThat(noToken.status()).isEqualTo(403);
      assertThat(noToken.json().get("type").asString()).isEqualTo(SecurityProblems.CSRF.uri());
      assertThat(noToken.json().get("detail").asString())
          .contains("CSRF token is missing or wrong");

      TestResponse wrongToken =
          client
              .post("/notes")
              .cookie("keel_session", session)
              .form(Map.of("text", "x", "_csrf", form.json().get("csrf").asString()))
              .send();
      assertThat(wrongToken.status()).isEqualTo(403); // the pre-login token died with its session

      TestResponse crossSite =
          client
              .post("/notes")
              .cookie("keel_session", session)
              .header("Sec-Fetch-Site", "cross-site")
              .form(Map.of("text", "x", "_csrf", csrf))
              .send();
      assertThat(crossSite.status()).isEqualTo(403);

      TestResponse foreignOrigin =
          client
              .post("/notes")
              .cookie("keel_session", session)
              .header("Origin", "https://evil.example.net")
              .form(Map.of("text", "x", "_csrf", csrf))
              .send();
      assertThat(foreignOrigin.status()).isEqualTo(403);

      // Chromium's same-origin form POST under Referrer-Policy: no-referrer (Keel's default).
      TestResponse opaqueSameSite =
          client
              .post("/notes")
              .cookie("keel_session", session)
              .header("Origin", "null")
              .header("Sec-Fetch-Site", "same-origin")
              .form(Map.of("text", "x", "_csrf", csrf))
              .send();
      assertThat(opaqueSameSite.status()).as(opaqueSameSite.text()).isEqualTo(200);

      TestResponse opaqueUnknownSite = // e.g. a sandboxed frame in a browser without Fetch Metadata
          client
              .post("/notes")
              .cookie("keel_session", session)
              .header("Origin", "null")
              .form(Map.of("text", "x", "_csrf", csrf))
              .send();
      assertThat(opaqueUnknownSite.status()).isEqualTo(403);

      TestResponse opaqueCrossSite =
          client
              .post("/notes")
              .cookie("keel_session", session)
              .header("Origin", "null")
              .header("Sec-Fetch-Site", "cross-site")
              .form(Map.of("text", "x", "_csrf", csrf))
              .send();
      assertThat(opaqueCrossSite.status()).isEqualTo(403);

      TestResponse ok =
          client
              .post("/notes")
              .cookie("keel_session", session)
              .header("Origin", "http://localhost") // the in-process client's Host
              .header("Sec-Fetch-Site", "same-origin")
              .form(Map.of("text", "x", "_csrf", csrf))
              .send();
      assertThat(ok.status()).as(ok.text()).isEqualTo(200);
      assertThat(ok.text()).isEqualTo("saved for dan");

      TestResponse header =
          client.post("/notes").cookie("keel_session", session).header("X-CSRF-Token", csrf).send();
      assertThat(header.status()).isEqualTo(200);
    }
  }
}
