package dev.keel.test.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.ConfigException;
import dev.keel.core.Cors;
import dev.keel.core.CorsPolicy;
import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorsTest {
  static final String APP = "https://app.example.com";
  static final String EVIL = "https://evil.example.net";

  final AtomicInteger handled = new AtomicInteger();

  Keel app(CorsPolicy policy) {
    return Transports.app()
        .use(Cors.allow(policy))
        .get(
            "/notes",
            ctx -> {
              handled.incrementAndGet();
              return "notes";
            })
        .put("/notes/{id}", ctx -> "updated")
        .get(
            "/negotiated",
            ctx -> {
              ctx.header("Vary", "Accept-Encoding");
              return "x";
            });
  }

  static List<Function<Keel, TestClient>> transports() {
    return Transports.all().toList();
  }

  static TestResponse preflight(TestClient client, String path, String origin, String method) {
    return client
        .options(path)
        .header("Origin", origin)
        .header("Access-Control-Request-Method", method)
        .header("Access-Control-Request-Headers", "content-type, x-trace")
        .send();
  }

  @ParameterizedTest
  @MethodSource("transports")
  void simpleRequestFromAnAllowedOrigin(Function<Keel, TestClient> transport) {
    var policy = CorsPolicy.origins(APP).withExposedHeaders("X-Total-Count");
    try (var client = transport.apply(app(policy))) {
      var r = client.get("/notes").header("Origin", APP).send();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Access-Control-Allow-Origin")).contains(APP);
      assertThat(r.header("Access-Control-Expose-Headers")).contains("X-Total-Count");
      assertThat(r.header("Access-Control-Allow-Credentials")).isEmpty();
      assertThat(r.header("Vary")).contains("Origin");
      var missing = client.get("/missing").header("Origin", APP).send(); // errors readable too
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.header("Access-Control-Allow-Origin")).contains(APP);
      var negotiated = client.get("/negotiated").header("Origin", APP).send();
      assertThat(negotiated.header("Vary")).contains("Accept-Encoding, Origin");
      var sameOrigin = client.get("/notes").send();
      assertThat(sameOrigin.header("Access-Control-Allow-Origin")).isEmpty();
      assertThat(sameOrigin.header("Vary")).contains("Origin");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void preflightIsAnsweredWithoutAnOptionsRouteOrAnyRoute(Function<Keel, TestClient> transport) {
    var policy = CorsPolicy.origins(APP, "http://localhost:5173").withMaxAge(Duration.ofHours(1));
    try (var client = transport.apply(app(policy))) {
      for (String path : List.of("/notes/7", "/no/route/here")) {
        var r = preflight(client, path, APP, "PUT");
        assertThat(r.status()).as(path).isEqualTo(204);
        assertThat(r.header("Access-Control-Allow-Origin")).contains(APP);
        assertThat(r.header("Access-Control-Allow-Methods"))
            .contains("GET, HEAD, POST, PUT, PATCH, DELETE");
        assertThat(r.header("Access-Control-Allow-Headers")).contains("content-type, x-trace");
        assertThat(r.header("Access-Control-Max-Age")).contains("3600");
        assertThat(r.header("Vary"))
            .contains("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
      }
      assertThat(preflight(client, "/notes", "http://localhost:5173", "GET").status())
          .isEqualTo(204);
      assertThat(handled).hasValue(0); // the handler never ran for a preflight
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void disallowedOriginGetsNoCorsHeaders(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app(CorsPolicy.origins(APP)))) {
      var pre = preflight(client, "/notes", EVIL, "GET");
      assertThat(pre.status()).isEqualTo(403);
      assertThat(pre.header("Content-Type")).contains("application/problem+json");
      assertThat(pre.json().get("detail").asString())
          .isEqualTo(
              "The origin https://evil.example.net may not call this API from a browser; add it"
                  + " to keel.cors.origins (or CorsPolicy.origins) to allow it.");
      assertThat(pre.headers().keySet()).noneMatch(h -> h.startsWith("access-control-"));

      var simple = client.get("/notes").header("Origin", EVIL).send();
      assertThat(simple.status()).isEqualTo(200); // the browser, not the server, hides it
      assertThat(simple.headers().keySet()).noneMatch(h -> h.startsWith("access-control-"));
      assertThat(simple.header("Vary")).contains("Origin");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void preflightRefusesMethodsAndHeadersNotAllowed(Function<Keel, TestClient> transport) {
    var policy = CorsPolicy.origins(APP).withMethods("GET").withHeaders("Content-Type");
    try (var client = transport.apply(app(policy))) {
      var method = preflight(client, "/notes/1", APP, "PUT");
      assertThat(method.status()).isEqualTo(403);
      assertThat(method.json().get("detail").asString())
          .isEqualTo(
              "Cross-origin PUT requests are not allowed; allowed methods: GET"
                  + " (keel.cors.methods).");
      var header = preflight(client, "/notes", APP, "GET");
      assertThat(header.status()).isEqualTo(403);
      assertThat(header.json().get("detail").asString())
          .isEqualTo(
              "Cross-origin requests may not send the headers [x-trace]; allowed: [Content-Type]"
                  + " (keel.cors.headers).");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void credentialsAreAllowedOnlyForNamedOrigins(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app(CorsPolicy.origins(APP).withCredentials(true)))) {
      var r = client.get("/notes").header("Origin", APP).send();
      assertThat(r.header("Access-Control-Allow-Origin")).contains(APP);
      assertThat(r.header("Access-Control-Allow-Credentials")).contains("true");
      var pre = preflight(client, "/notes", APP, "GET");
      assertThat(pre.header("Access-Control-Allow-Credentials")).contains("true");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void anyOriginAnswersStarAndDoesNotVary(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app(CorsPolicy.anyOrigin()))) {
      var r = client.get("/notes").header("Origin", EVIL).send();
      assertThat(r.header("Access-Control-Allow-Origin")).contains("*");
      assertThat(r.header("Vary")).isEmpty();
      assertThat(preflight(client, "/notes", EVIL, "GET").header("Access-Control-Allow-Origin"))
          .contains("*");
    }
  }

  @Test
  void anyOriginWithCredentialsIsRefusedAtConstruction() {
    assertThatThrownBy(() -> CorsPolicy.anyOrigin().withCredentials(true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "CORS cannot allow any origin (*) together with credentials: browsers refuse it")
        .hasMessageContaining("CorsPolicy.origins(\"https://app.example.com\")");
    assertThatThrownBy(() -> CorsPolicy.origins("https://app.example.com/"))
        .hasMessage(
            "CORS origin 'https://app.example.com/' must be scheme://host[:port] without path,"
                + " trailing slash or wildcard, e.g. https://app.example.com or"
                + " http://localhost:5173");
    assertThatThrownBy(() -> CorsPolicy.origins("*", APP)).hasMessageContaining("* alone");
  }

  @ParameterizedTest
  @MethodSource("transports")
  void policyFromConfig(Function<Keel, TestClient> transport) {
    Keel app =
        Transports.app(
            "--keel.cors.origins=https://App.Example.com, http://localhost:5173",
            "--keel.cors.credentials=true",
            "--keel.cors.exposed-headers=X-Request-Id",
            "--keel.cors.max-age=30s");
    app.use(Cors.allow(CorsPolicy.from(app.config()))).get("/notes", ctx -> "notes");
    try (var client = transport.apply(app)) {
      var r = client.get("/notes").header("Origin", APP).send();
      assertThat(r.header("Access-Control-Allow-Origin")).contains(APP);
      assertThat(r.header("Access-Control-Allow-Credentials")).contains("true");
      assertThat(r.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
      assertThat(preflight(client, "/notes", APP, "GET").header("Access-Control-Max-Age"))
          .contains("30");
    }
  }

  @Test
  void invalidConfigStopsStartUp() {
    Keel app = Transports.app("--keel.cors.origins=*", "--keel.cors.credentials=true");
    app.use(Cors.allow(CorsPolicy.from(app.config())));
    assertThatThrownBy(app::start)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("keel.cors.origins = \"*\" (from command-line argument")
        .hasMessageContaining("CORS cannot allow any origin (*) together with credentials");
  }
}
