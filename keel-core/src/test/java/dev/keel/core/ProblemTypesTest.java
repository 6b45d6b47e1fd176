package dev.keel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keel's own errors carry their {@link ProblemType} on the wire, the application's stay {@code
 * about:blank}. The server's refusals before routing are checked where they are made: {@code
 * StrictParsingTest}, {@code RequestTargetTest}, {@code ConnectionTest}.
 */
class ProblemTypesTest {
  record Item(int count) {}

  @TempDir static Path files;
  static Keel app;
  static final HttpClient http = HttpClient.newHttpClient();
  static final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(files.resolve("a.txt"), "twelve bytes");
    app =
        Keel.create(
                "--keel.server.port=0",
                "--keel.json.max-nesting-depth=3",
                "--keel.json.max-collection-size=2")
            .use(Cors.allow(CorsPolicy.origins("https://good.example")))
            .post("/items", ctx -> ctx.body(Item.class))
            .post("/lists", ctx -> ctx.body(int[].class).length)
            .post("/form", ctx -> ctx.form().field("a").orElse(""))
            .get("/query", ctx -> ctx.query("x").orElse(""))
            .get("/limit", ctx -> ctx.query("limit", int.class).orElse(0))
            .get("/path/{id}", ctx -> ctx.pathParam("id"))
            .get("/files/{*path}", StaticFiles.directory(files))
            .get(
                "/boom",
                ctx -> {
                  throw new IllegalStateException("a bug");
                })
            .group(
                "/slow",
                slow ->
                    slow.use(RequestTimeout.of(Duration.ofMillis(200)))
                        .get(
                            "",
                            ctx -> {
                              Thread.sleep(5_000);
                              return "late";
                            }))
            .get(
                "/mine",
                ctx -> {
                  throw new NotFound("No article 'x'.");
                })
            .start();
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  static Stream<Arguments> keelsOwnErrors() {
    return Stream.of(
        Arguments.of(
            post("/items", "application/json", "{\"count\":"), ProblemTypes.JSON_MALFORMED),
        Arguments.of(post("/items", "application/json", ""), ProblemTypes.JSON_MALFORMED),
        Arguments.of(
            post("/items", "application/json", "{\"count\":1} 2"), ProblemTypes.JSON_MALFORMED),
        Arguments.of(
            post("/items", "application/json", "{\"count\":\"3\"}"), ProblemTypes.JSON_FIELD),
        Arguments.of(post("/items", "application/json", "{}"), ProblemTypes.JSON_FIELD),
        Arguments.of(post("/items", "application/json", "null"), ProblemTypes.JSON_FIELD),
        Arguments.of(
            post("/items", "application/json", "{\"a\":{\"b\":{\"c\":{\"d\":1}}}}"),
            ProblemTypes.JSON_LIMIT),
        Arguments.of(post("/lists", "application/json", "[1, 2, 3]"), ProblemTypes.JSON_LIMIT),
        Arguments.of(
            post("/form", "application/x-www-form-urlencoded", "a=%zz"),
            ProblemTypes.FORM_MALFORMED),
        Arguments.of(
            post("/items", "text/plain", "{\"count\":1}"), ProblemTypes.CONTENT_TYPE_UNSUPPORTED),
        Arguments.of(
            post("/form", "application/json", "{}"), ProblemTypes.CONTENT_TYPE_UNSUPPORTED),
        Arguments.of(get("/query?x=%ff"), ProblemTypes.QUERY_MALFORMED),
        Arguments.of(get("/path/a%00b"), ProblemTypes.PATH_MALFORMED),
        Arguments.of(get("/limit?limit=abc"), ProblemTypes.PARAMETER_INVALID),
        Arguments.of(get("/path/a%C0%80"), ProblemTypes.PATH_MALFORMED),
        Arguments.of(get("/nowhere"), ProblemTypes.ROUTE_NOT_FOUND),
        Arguments.of(
            HttpRequest.newBuilder(uri("/items")).DELETE(), ProblemTypes.METHOD_NOT_ALLOWED),
        Arguments.of(get("/files/b.txt"), ProblemTypes.FILE_NOT_FOUND),
        Arguments.of(
            get("/files/a.txt").header("Range", "bytes=100-"), ProblemTypes.RANGE_NOT_SATISFIABLE),
        Arguments.of(
            HttpRequest.newBuilder(uri("/items"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"),
            ProblemTypes.CORS_REFUSED),
        Arguments.of(get("/boom"), ProblemTypes.INTERNAL),
        Arguments.of(get("/slow"), ProblemTypes.HANDLER_TIMEOUT));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource
  void keelsOwnErrors(HttpRequest.Builder request, ProblemType expected) throws Exception {
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(expected.status());
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("type").asString()).isEqualTo(expected.uri());
    assertThat(body.get("title").asString()).isEqualTo(expected.title());
    assertThat(body.get("status").asInt()).isEqualTo(expected.status());
    if (expected == ProblemTypes.INTERNAL) assertThat(body.has("errorId")).isTrue();
    if (expected == ProblemTypes.JSON_FIELD) assertThat(body.get("errors")).hasSize(1);
  }

  @Test
  void theApplicationsOwnErrorsStayAboutBlank() throws Exception {
    var response = http.send(get("/mine").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body())
        .startsWith("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,");
  }

  @Test
  void aProblemOfATypeCarriesItsUriTitleAndStatus() {
    Problem p = Problem.of(ProblemTypes.ROUTE_NOT_FOUND, "No route matches GET /x.");
    assertThat(p.type()).isEqualTo("https://keel.dev/problems/route-not-found");
    assertThat(p.title()).isEqualTo("No such route");
    assertThat(p.status()).isEqualTo(404);
    assertThat(p.is(ProblemTypes.ROUTE_NOT_FOUND)).isTrue();
    assertThat(p.is(ProblemTypes.FILE_NOT_FOUND)).isFalse();
    assertThat(Problem.of(404, "x").is(ProblemTypes.ROUTE_NOT_FOUND)).isFalse();
    assertThat(new NotFound(ProblemTypes.FILE_NOT_FOUND, "gone").problem().type())
        .isEqualTo(ProblemTypes.FILE_NOT_FOUND.uri());
    assertThat(new BadRequest("mine").problem().type()).isEqualTo("about:blank");
    assertThat(
            new UnprocessableContent(
                    ProblemTypes.VALIDATION,
                    "1 field is invalid",
                    List.of(new Problem.FieldError("name", "must not be blank")))
                .problem())
        .isEqualTo(
            new Problem(
                "https://keel.dev/problems/validation",
                "Validation failed",
                422,
                "1 field is invalid",
                List.of(new Problem.FieldError("name", "must not be blank")),
                Map.of()));
  }

  @Test
  void aTypedExceptionRefusesATypeOfAnotherStatus() {
    assertThatThrownBy(() -> new BadRequest(ProblemTypes.ROUTE_NOT_FOUND, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "problem type route-not-found has status 404, but BadRequest answers 400; throw new"
                + " HttpException(type, detail)");
    assertThatThrownBy(() -> new UnprocessableContent(ProblemTypes.JSON_FIELD, "x", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UnprocessableContent answers 422");
  }

  @Test
  void aProblemTypeIsValidatedWhenMade() {
    assertThat(new ProblemType("out-of-stock", 409, "Out of stock").uri())
        .isEqualTo("https://keel.dev/problems/out-of-stock");
    assertThatThrownBy(() -> new ProblemType("Out_Of_Stock", 409, "Out of stock"))
        .hasMessage(
            "code: 'Out_Of_Stock' (expected: lower-case words joined by '-', e.g. json-malformed)");
    assertThatThrownBy(() -> new ProblemType("out-of-stock", 302, "Out of stock"))
        .hasMessage("status: 302 (expected: 400-599)");
    assertThatThrownBy(() -> new ProblemType("out-of-stock", 409, " ")).hasMessage("title: blank");
  }

  private static URI uri(String path) {
    return URI.create(app.url() + path);
  }

  private static HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(uri(path));
  }

  private static HttpRequest.Builder post(String path, String contentType, String body) {
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }
}
