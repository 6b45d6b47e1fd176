package dev.keel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request values through the real server: strict JSON types, null documents and elements, NUL and
 * lone surrogates in JSON, query, path and header values, and the collection limit, each a 400
 * problem+json naming the field or parameter.
 */
class StrictBindingTest {
  record User(String username, String email) {}

  record Article(String title, List<String> tagList) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Keel app;
  private HttpClient http;

  @BeforeEach
  void start() {
    app = routes(Keel.create("--keel.server.port=0")).start();
    http = HttpClient.newHttpClient();
  }

  @AfterEach
  void stop() {
    http.close();
    app.stop();
  }

  private static Keel routes(Keel app) {
    return app.post("/users", ctx -> ctx.body(User.class).username().length())
        .post("/users/many", ctx -> ctx.body(User[].class).length)
        .post("/articles", ctx -> ctx.body(Article.class).tagList().size())
        .get("/search", ctx -> "q=" + ctx.query("q").orElse(""))
        .get("/all", ctx -> ctx.queryParams().keySet().toString())
        .get("/count", ctx -> "n=" + ctx.query("n", Integer.class).orElse(0))
        .get("/users/{name}", ctx -> "name=" + ctx.pathParam("name"))
        .get("/header", ctx -> "h=" + ctx.header("X-Name").orElse(""));
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return post(app, path, json);
  }

  private HttpResponse<String> post(Keel target, String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(target.url() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(app.url() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A 400 problem+json whose single error names {@code field} with {@code message}. */
  private static JsonNode badField(HttpResponse<String> r, String field, String message) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(r.body());
    assertThat(problem.get("errors").size()).isEqualTo(1);
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
    assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo(message);
    return problem;
  }

  private static String detail(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    return JSON.readTree(r.body()).get("detail").asString();
  }

  @Test
  void aNumberOrBooleanWhereAStringBelongsIs400NamingTheFieldAndTheType() throws Exception {
    JsonNode problem =
        badField(
            post("/users", "{\"username\": 12345, \"email\": \"a@b.c\"}"),
            "username",
            "must be a string, not the number 12345");
    assertThat(problem.get("detail").asString())
        .isEqualTo(
            "Field 'username' must be a string, not the number 12345 (at line 1, column 14).");
    badField(post("/users", "{\"username\": true}"), "username", "must be a string, not true");
    badField(
        post("/articles", "{\"title\": 1e9}"), "title", "must be a string, not the number 1.0E9");
    assertThat(post("/users", "{\"username\": \"ann\"}").body()).isEqualTo("3");
  }

  @Test
  void aNullDocumentOrNullElementIs400NotA500() throws Exception {
    badField(post("/users", "null"), "body", "must be an object, not null");
    badField(post("/users/many", "[null]"), "[0]", "must be an object, not null");
    badField(post("/users/many", "null"), "body", "must be an array, not null");
    badField(
        post("/articles", "{\"title\": \"t\", \"tagList\": [\"a\", null]}"),
        "tagList[1]",
        "must be a string, not null");
  }

  @Test
  void nulOrALoneSurrogateInAJsonStringIs400NamingTheField() throws Exception {
    badField(
        post("/users", "{\"username\": \"ann\\u0000\"}"),
        "username",
        "contains a NUL character (U+0000) at index 3; remove it");
    badField(
        post("/articles", "{\"title\": \"t\", \"tagList\": [\"ok\", \"\\ud800\"]}"),
        "tagList[1]",
        "contains an unpaired UTF-16 surrogate (U+D800) at index 0; send well-formed Unicode");
  }

  @Test
  void nulInAQueryPathOrHeaderValueIs400NamingTheParameter() throws Exception {
    assertThat(get("/search?q=tea").body()).isEqualTo("q=tea");
    // an encoded NUL is refused while the query string and path are percent-decoded
    assertThat(detail(get("/search?q=a%00b")))
        .isEqualTo(
            "The query string parameter 'q' has a malformed value 'a%00b': it contains an encoded"
                + " NUL character (%00).");
    assertThat(detail(get("/all?a=1&b=%00")))
        .startsWith("The query string parameter 'b' has a malformed value '%00'");
    assertThat(detail(get("/count?n=1%00")))
        .startsWith("The query string parameter 'n' has a malformed value '1%00'");
    assertThat(detail(get("/users/a%00b")))
        .isEqualTo("Malformed path segment 'a%00b': it contains an encoded NUL character (%00)");
    // Netty refuses NUL in a header value before any handler runs; surrogates cannot occur there
    // (header bytes are ISO-8859-1)
    assertThat(rawGet("/header", "X-Name: a\0b")).startsWith("HTTP/1.1 400 ");
    assertThat(rawGet("/header", "X-Name: ann")).startsWith("HTTP/1.1 200 ").endsWith("h=ann");
  }

  private String rawGet(String path, String header) throws IOException {
    try (var socket = new Socket("127.0.0.1", URI.create(app.url()).getPort())) {
      socket.setSoTimeout(5000);
      String request =
          "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + header + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void collectionsHaveAConfigurableMaximumSize() throws Exception {
    String tags1001 = "[" + "\"t\",".repeat(1000) + "\"t\"]";
    badField(
        post("/articles", "{\"title\": \"t\", \"tagList\": " + tags1001 + "}"),
        "tagList",
        "has 1001 elements; at most 1000 are allowed");

    Keel small =
        routes(Keel.create("--keel.server.port=0", "--keel.json.max-collection-size=2")).start();
    try {
      assertThat(post(small, "/articles", "{\"tagList\": [\"a\", \"b\"]}").body()).isEqualTo("2");
      badField(
          post(small, "/articles", "{\"tagList\": [\"a\", \"b\", \"c\"]}"),
          "tagList",
          "has 3 elements; at most 2 are allowed");
      badField(
          post(small, "/users/many", "[{}, {}, {}]"),
          "body",
          "has 3 elements; at most 2 are allowed");
    } finally {
      small.stop();
    }
  }

  @Test
  void theCollectionLimitIsValidatedAtStartUp() {
    assertThatThrownBy(
            () -> Keel.create("--keel.server.port=0", "--keel.json.max-collection-size=0").start())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "keel.json.max-collection-size = \"0\" (from command-line argument"
                + " --keel.json.max-collection-size): expected an integer of at least 1");
  }
}
