package dev.keel.test.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.keel.core.AccessLog;
import dev.keel.core.Keel;
import dev.keel.core.NotFound;
import dev.keel.core.Problem;
import dev.keel.core.RequestId;
import dev.keel.core.StreamingBody;
import dev.keel.test.TestClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.event.KeyValuePair;

class AccessLogTest {
  static final class OutOfStock extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  static Keel app() {
    return Transports.app()
        .use(RequestId.middleware())
        .use(AccessLog.middleware())
        .exception(OutOfStock.class, e -> Problem.of(409, "Out of stock."))
        .get("/articles/{slug}", ctx -> "article " + ctx.pathParam("slug"))
        .post("/login", ctx -> ctx.status(201).bodyText().length())
        .get(
            "/gone",
            ctx -> {
              throw new NotFound("No such thing.");
            })
        .get(
            "/stock",
            ctx -> {
              throw new OutOfStock();
            })
        .get(
            "/boom",
            ctx -> {
              throw new IllegalStateException("boom");
            })
        .get(
            "/stream",
            ctx ->
                StreamingBody.of(
                    "text/plain", out -> out.write("streamed".getBytes(StandardCharsets.UTF_8))))
        .get("/empty", ctx -> null);
  }

  static List<Function<Keel, TestClient>> transports() {
    return Transports.all().toList();
  }

  static Map<String, String> fields(ILoggingEvent e) {
    return e.getKeyValuePairs().stream()
        .collect(Collectors.toMap(kv -> kv.key, (KeyValuePair kv) -> String.valueOf(kv.value)));
  }

  @ParameterizedTest
  @MethodSource("transports")
  void logsOneLinePerRequestWithItsFacts(Function<Keel, TestClient> transport) {
    try (var log = LogCapture.of(AccessLog.LOGGER);
        var client = transport.apply(app())) {
      var r = client.get("/articles/hello").query("page", 2).query("size", 10).send();
      String id = r.header(RequestId.HEADER).orElseThrow();
      ILoggingEvent line = log.events().getFirst();
      assertThat(log.events()).hasSize(1);
      assertThat(line.getLevel().toString()).isEqualTo("INFO");
      assertThat(line.getFormattedMessage())
          .matches(
              "GET /articles/hello\\?page&size 200 \\d+\\.\\d ms 13 B route=/articles/\\{slug}"
                  + " id="
                  + id);
      assertThat(fields(line))
          .containsEntry("method", "GET")
          .containsEntry("path", "/articles/hello")
          .containsEntry("query", "page,size")
          .containsEntry("status", "200")
          .containsEntry("bytes", "13")
          .containsEntry("route", "/articles/{slug}")
          .containsEntry("requestId", id)
          .containsKey("durationMs");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void neverLogsSecrets(Function<Keel, TestClient> transport) {
    try (var log = LogCapture.of(AccessLog.LOGGER);
        var client = transport.apply(app())) {
      var r =
          client
              .post("/login")
              .query("token", "qu3ry-s3cret")
              .header("Authorization", "Bearer h3ader-s3cret")
              .cookie("session", "c00kie-s3cret")
              .body("password=b0dy-s3cret", "application/x-www-form-urlencoded")
              .send();
      assertThat(r.status()).isEqualTo(201);
      ILoggingEvent line = log.events().getFirst();
      String everything = line.getFormattedMessage() + " " + line.getKeyValuePairs();
      assertThat(everything)
          .startsWith("POST /login?token 201 ")
          .doesNotContain("s3cret")
          .doesNotContainIgnoringCase("bearer")
          .doesNotContain("session")
          .doesNotContain("password");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void errorStatusesAreTheOnesSent(Function<Keel, TestClient> transport) {
    try (var log = LogCapture.of(AccessLog.LOGGER);
        var client = transport.apply(app())) {
      var sent =
          List.of("/gone", "/stock", "/boom", "/nowhere", "/empty").stream()
              .map(path -> client.get(path).send().status())
              .toList();
      assertThat(sent).containsExactly(404, 409, 500, 404, 204);
      assertThat(log.events().stream().map(e -> fields(e).get("status")))
          .containsExactly("404", "409", "500", "404", "204");
      assertThat(fields(log.events().get(3))).containsEntry("route", "-");
      assertThat(log.events().get(3).getFormattedMessage()).contains(" route=- ");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void streamedBodiesHaveNoKnownSize(Function<Keel, TestClient> transport) {
    try (var log = LogCapture.of(AccessLog.LOGGER);
        var client = transport.apply(app())) {
      assertThat(client.get("/stream").send().text()).isEqualTo("streamed");
      assertThat(fields(log.events().getFirst())).containsEntry("bytes", "-");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void controlCharactersCannotForgeLines(Function<Keel, TestClient> transport) {
    try (var log = LogCapture.of(AccessLog.LOGGER);
        var client = transport.apply(app())) {
      client.get("/articles/x?evil%0D%0AGET%20/admin%20200=1").send();
      String message = log.events().getFirst().getFormattedMessage();
      assertThat(message).doesNotContain("\n").doesNotContain("\r").contains("?evil??GET /admin");
    }
  }
}
