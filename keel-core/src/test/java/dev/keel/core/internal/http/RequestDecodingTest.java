package dev.keel.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client's malformed query string, form body or Content-Type is a 4xx that says what is wrong,
 * never a 500 (issue 15), on every way a handler reads them.
 */
class RequestDecodingTest {
  record Item(String name) {}

  private static Keel app;

  @BeforeAll
  static void start() {
    app =
        Keel.create(Config.builder().args("--keel.server.port=0").build())
            .get("/one", ctx -> "tag=" + ctx.query("tag").orElse("-"))
            .get("/typed", ctx -> "limit=" + ctx.query("limit", Integer.class).orElse(0))
            .get("/all", ctx -> "tags=" + ctx.queryAll("tag", String.class))
            .get("/params", ctx -> "params=" + ctx.queryParams())
            .get("/ignores", ctx -> "ignored")
            .post("/form", ctx -> "form=" + ctx.form().field("a").orElse("-"))
            .post("/json", ctx -> ctx.body(Item.class).name());
    app.start();
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  @ParameterizedTest
  @CsvSource({
    "/one?tag=%, tag",
    "/typed?limit=%zz, limit",
    "/all?tag=ok&tag=%u0041, tag",
    "/params?x=%E2%82, x",
    "/one?tag=a%00b, tag",
    "/one?%zz=1, %zz"
  })
  void malformedQueryStringsAreBadRequests(String target, String parameter) throws Exception {
    String response = send("GET " + target + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 400 ");
    assertThat(response).contains("application/problem+json");
    assertThat(response).contains("The query string");
    assertThat(response).contains(parameter);
  }

  @ParameterizedTest
  @CsvSource({
    "/one?tag=caf%C3%A9+au+lait, tag=café au lait",
    "/all?tag=a&tag=b%2Cc, 'tags=[a, b,c]'",
    "/ignores?tag=%, ignored"
  })
  void wellFormedQueryStringsDecode(String target, String body) throws Exception {
    String response = send("GET " + target + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 200 ");
    assertThat(response).endsWith("\r\n\r\n" + body);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a=%", "a=%zz", "a=%FF", "a=x%00"})
  void malformedFormBodiesAreBadRequests(String form) throws Exception {
    String response = post("/form", "application/x-www-form-urlencoded", form);
    assertThat(response).startsWith("HTTP/1.1 400 ");
    assertThat(response).contains("The form body parameter 'a' has a malformed value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a=x\u0000y", "a\u0000=1"})
  void rawNulCharactersInFormBodiesAreBadRequests(String form) throws Exception {
    String response = post("/form", "application/x-www-form-urlencoded", form);
    assertThat(response).startsWith("HTTP/1.1 400 ").contains("form field");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", ";", "application/", "json", "application/json; charset", "text/plain"})
  void unusableContentTypesOnAJsonBodyAreUnsupportedMediaTypes(String type) throws Exception {
    String response = post("/json", type, "{\"name\":\"x\"}");
    assertThat(response).startsWith("HTTP/1.1 415 ");
    assertThat(response).contains("Expected a JSON body (Content-Type: application/json)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "application/json", "text/plain"})
  void aFormNeedsAFormContentType(String type) throws Exception {
    String response = post("/form", type, "a=1");
    assertThat(response).startsWith("HTTP/1.1 415 ");
    assertThat(response).contains("Expected a form body");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"application/json", "application/json; charset=utf-8", "application/x+json"})
  void jsonContentTypesAreAccepted(String type) throws Exception {
    assertThat(post("/json", type, "{\"name\":\"x\"}")).startsWith("HTTP/1.1 200 ").endsWith("x");
  }

  private static String post(String path, String type, String body) throws Exception {
    return send(
        "POST "
            + path
            + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\nContent-Type: "
            + type
            + "\r\nContent-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length
            + "\r\n\r\n"
            + body);
  }

  private static String send(String request) throws IOException {
    try (var socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
