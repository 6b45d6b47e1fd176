package dev.keel.core.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request target and Host rules of RFC 9112 §3.2 (issue 15): absolute-form is served exactly
 * like origin-form, a target naming another host is refused locally, a Host that is not a valid
 * authority is a 400 with the connection closed, and {@code keel.server.allowed-hosts} limits the
 * hosts served.
 */
class RequestTargetTest {
  private static Keel app;
  private static Keel restricted;

  @BeforeAll
  static void start() {
    app = routes(Keel.create(Config.builder().args("--keel.server.port=0").build()));
    app.start();
    restricted =
        routes(
            Keel.create(
                Config.builder()
                    .args(
                        "--keel.server.port=0",
                        "--keel.server.allowed-hosts=example.com, .keel.dev, [::1]")
                    .build()));
    restricted.start();
  }

  private static Keel routes(Keel keel) {
    return keel.get(
            "/hello/{name}",
            ctx ->
                "hello "
                    + ctx.pathParam("name")
                    + " q="
                    + ctx.query("q").orElse("-")
                    + " host="
                    + ctx.header("Host").orElse("-")
                    + " route="
                    + ctx.routeTemplate())
        .get("/", ctx -> "root host=" + ctx.header("Host").orElse("-"));
  }

  @AfterAll
  static void stop() {
    app.stop();
    restricted.stop();
  }

  private static String exchange(Keel keel, String request) throws Exception {
    try (var client = new RawClient(keel.port())) {
      return client.send(request).readUntilClose(3000);
    }
  }

  private static String body(String response) {
    return response.substring(response.indexOf("\r\n\r\n") + 4);
  }

  static Stream<Arguments> absoluteForms() {
    return Stream.of(
        Arguments.of("http://a/hello/x?q=1", "a", "hello x q=1 host=a route=/hello/{name}"),
        Arguments.of("http://a:80/hello/x?q=1", "a", "hello x q=1 host=a:80 route=/hello/{name}"),
        Arguments.of("HTTP://A/hello/x?q=1", "a", "hello x q=1 host=A route=/hello/{name}"),
        Arguments.of(
            "https://a:8443/hello/x", "a:8443", "hello x q=- host=a:8443 route=/hello/{name}"),
        Arguments.of("http://a", "a", "root host=a"),
        Arguments.of("http://a?q=2", "a", "root host=a"),
        Arguments.of(
            "http://[::1]:8080/hello/v6",
            "[::1]:8080",
            "hello v6 q=- host=[::1]:8080 route=/hello/{name}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("absoluteForms")
  void absoluteFormIsServedLikeOriginForm(String target, String host, String expected)
      throws Exception {
    String response =
        exchange(
            app, "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 200 ");
    assertThat(body(response)).isEqualTo(expected);
  }

  @Test
  void absoluteFormOnHttp10NeedsNoHost() throws Exception {
    String response = exchange(app, "GET http://a/hello/y HTTP/1.0\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 200 ");
    assertThat(body(response)).isEqualTo("hello y q=- host=a route=/hello/{name}");
  }

  @Test
  void pipelinedAbsoluteAndOriginFormsGetTheSameAnswers() throws Exception {
    try (var client = new RawClient(app.port())) {
      client.send(
          "GET /hello/z?q=3 HTTP/1.1\r\nHost: a\r\n\r\nGET http://a/hello/z?q=3 HTTP/1.1\r\nHost: a\r\n\r\n");
      String both = client.readResponses(2);
      String[] parts = both.split("HTTP/1.1 ");
      assertThat(parts).hasSize(3);
      assertThat(body("x" + parts[1].replaceAll("(?m)^Date: .*\r\n", "")))
          .isEqualTo(body("x" + parts[2].replaceAll("(?m)^Date: .*\r\n", "")));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET http://evil.example/hello/x HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET http://a:81/hello/x HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET https://a/hello/x HTTP/1.1\r\nHost: a:80\r\n\r\n",
      })
  void aTargetNamingAnotherHostIsMisdirected(String request) throws Exception {
    String response = exchange(app, request);
    assertThat(response).startsWith("HTTP/1.1 421 ");
    assertThat(response).contains("\"type\":\"https://keel.dev/problems/misdirected-host\"");
    assertThat(response).contains("this server is not a proxy");
    assertThat(response).containsIgnoringCase("connection: close").doesNotContain("<<timeout>>");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://user:pw@a/hello/x | target-invalid",
        "http:///hello/x | target-invalid",
        "http://a b/hello/x | http-malformed", // "b/hello/x" is read as the version
        "http://a..b/hello/x | target-invalid",
        "http://a:99999/ | target-invalid",
        "ftp://a/hello/x | target-invalid",
        "hello/x | target-invalid",
        "a:80 | target-invalid",
      })
  void malformedTargetsAreBadRequests(String target, String code) throws Exception {
    String response = exchange(app, "GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 400 ");
    assertThat(response).contains("\"type\":\"https://keel.dev/problems/" + code + "\"");
    assertThat(response).containsIgnoringCase("connection: close").doesNotContain("<<timeout>>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a b",
        "a/b",
        "a..b",
        ".a",
        "a.b..",
        "a:99999",
        "a:8x",
        "a:-1",
        "[::1",
        "[zz::1]",
        "a@b",
        "a\\b",
        "a?b",
        "a#b",
        "exa%zzmple",
        "\"a\"",
        "a:80:80",
        "[::1]x"
      })
  void invalidHostHeadersAreBadRequestsAndCloseTheConnection(String host) throws Exception {
    String response = exchange(app, "GET /hello/x HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 400 ");
    assertThat(response).contains("\"type\":\"https://keel.dev/problems/host-invalid\"");
    assertThat(response).containsIgnoringCase("connection: close").doesNotContain("<<timeout>>");
    assertThat(response).doesNotContain("hello x");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a", "a.b.", "localhost:8080", "127.0.0.1:1", "[::1]:8080", "x_y-z.example", ""})
  void validHostHeadersAreServed(String host) throws Exception {
    String response =
        exchange(app, "GET /hello/x HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 200 ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "EXAMPLE.com:8080", "keel.dev", "api.keel.dev", "[::1]:1"})
  void allowedHostsAreServed(String host) throws Exception {
    String response =
        exchange(
            restricted, "GET /hello/x HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 200 ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /hello/x HTTP/1.1\r\nHost: evil.com\r\n\r\n",
        "GET /hello/x HTTP/1.1\r\nHost: notkeel.dev\r\n\r\n",
        "GET /hello/x HTTP/1.1\r\nHost: example.com.evil.com\r\n\r\n",
        "GET /hello/x HTTP/1.1\r\nHost: \r\n\r\n",
        "GET /hello/x HTTP/1.0\r\n\r\n",
        "GET http://evil.com/hello/x HTTP/1.1\r\nHost: evil.com\r\n\r\n",
      })
  void otherHostsAreMisdirectedWhenHostsAreConfigured(String request) throws Exception {
    String response = exchange(restricted, request);
    assertThat(response).startsWith("HTTP/1.1 421 ");
    assertThat(response).contains("\"type\":\"https://keel.dev/problems/misdirected-host\"");
    assertThat(response).contains("keel.server.allowed-hosts");
  }

  @Test
  void optionsAsteriskAsksAboutTheServer() throws Exception {
    String response = exchange(app, "OPTIONS * HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 204 ");
    assertThat(exchange(app, "GET * HTTP/1.1\r\nHost: a\r\n\r\n")).startsWith("HTTP/1.1 400 ");
  }

  @Test
  void malformedAllowedHostsStopStartUp() {
    var keel =
        Keel.create(
            Config.builder()
                .args("--keel.server.port=0", "--keel.server.allowed-hosts=example.com:80")
                .build());
    org.assertj.core.api.Assertions.assertThatThrownBy(keel::start)
        .hasMessageContaining("keel.server.allowed-hosts")
        .hasMessageContaining("is not a host name");
  }
}
