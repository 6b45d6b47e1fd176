package dev.keel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Keel#errorBody} replaces problem+json; Instants are written with a fraction. */
class ErrorBodyTest {
  record Stamp(Instant at) {}

  @Test
  void everyErrorUsesTheApplicationsShapeWithItsOwnStatus() throws Exception {
    Keel app =
        Keel.create("--keel.server.port=0")
            .errorBody(
                p ->
                    Map.of(
                        "errors",
                        Map.of(
                            "body",
                            p.errors().isEmpty()
                                ? List.of(p.detail())
                                : p.errors().stream()
                                    .map(e -> e.field() + " " + e.message())
                                    .toList())))
            .get(
                "/missing",
                ctx -> {
                  throw new NotFound("no such article");
                })
            .post("/things", ctx -> ctx.body(Stamp.class))
            .start();
    try (var http = HttpClient.newHttpClient()) {
      var missing = send(http, HttpRequest.newBuilder(URI.create(app.url() + "/missing")));
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.headers().firstValue("content-type")).hasValue("application/json");
      assertThat(missing.body()).isEqualTo("{\"errors\":{\"body\":[\"no such article\"]}}");

      var malformed =
          send(
              http,
              HttpRequest.newBuilder(URI.create(app.url() + "/things"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"at\":")));
      assertThat(malformed.statusCode()).isEqualTo(400);
      assertThat(malformed.body()).startsWith("{\"errors\":{\"body\":[\"The request body is not");

      var wrongType =
          send(
              http,
              HttpRequest.newBuilder(URI.create(app.url() + "/things"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"at\":\"yesterday\"}")));
      assertThat(wrongType.statusCode()).isEqualTo(400);
      assertThat(wrongType.body()).startsWith("{\"errors\":{\"body\":[\"at ");

      var unrouted = send(http, HttpRequest.newBuilder(URI.create(app.url() + "/nowhere")));
      assertThat(unrouted.statusCode()).isEqualTo(404);
      assertThat(unrouted.body()).startsWith("{\"errors\":{\"body\":[");
    } finally {
      app.stop();
    }
  }

  @Test
  void theErrorBodyFunctionSeesEachProblemsType() throws Exception {
    Keel app =
        Keel.create("--keel.server.port=0")
            .errorBody(
                p ->
                    Map.of(
                        "code",
                        p.is(ProblemTypes.JSON_MALFORMED) ? "malformed" : p.type(),
                        "title",
                        p.title()))
            .get(
                "/missing",
                ctx -> {
                  throw new NotFound("no such article");
                })
            .post("/things", ctx -> ctx.body(Stamp.class))
            .start();
    try (var http = HttpClient.newHttpClient()) {
      var malformed =
          send(
              http,
              HttpRequest.newBuilder(URI.create(app.url() + "/things"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"at\":")));
      assertThat(malformed.body()).contains("\"code\":\"malformed\"");
      var unrouted = send(http, HttpRequest.newBuilder(URI.create(app.url() + "/nowhere")));
      assertThat(unrouted.body())
          .contains("\"code\":\"https://keel.dev/problems/route-not-found\"")
          .contains("\"title\":\"No such route\"");
      var own = send(http, HttpRequest.newBuilder(URI.create(app.url() + "/missing")));
      assertThat(own.body())
          .contains("\"code\":\"about:blank\"")
          .contains("\"title\":\"Not Found\"");
    } finally {
      app.stop();
    }
  }

  @Test
  void instantsAlwaysCarryAFractionSoFixedPatternClientsParseThem() throws Exception {
    Keel app =
        Keel.create("--keel.server.port=0")
            .get("/whole", ctx -> new Stamp(Instant.parse("2026-05-01T12:00:00Z")))
            .get("/millis", ctx -> new Stamp(Instant.parse("2026-05-01T12:00:00.120Z")))
            .get("/micros", ctx -> new Stamp(Instant.parse("2026-05-01T12:00:00.000123Z")))
            .start();
    try (var http = HttpClient.newHttpClient()) {
      assertThat(send(http, HttpRequest.newBuilder(URI.create(app.url() + "/whole"))).body())
          .isEqualTo("{\"at\":\"2026-05-01T12:00:00.000Z\"}");
      assertThat(send(http, HttpRequest.newBuilder(URI.create(app.url() + "/millis"))).body())
          .isEqualTo("{\"at\":\"2026-05-01T12:00:00.120Z\"}");
      assertThat(send(http, HttpRequest.newBuilder(URI.create(app.url() + "/micros"))).body())
          .isEqualTo("{\"at\":\"2026-05-01T12:00:00.000123Z\"}");
    } finally {
      app.stop();
    }
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request)
      throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
