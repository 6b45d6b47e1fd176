package dev.keel.core.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.core.SecureHeaders;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 9112 strictness: request smuggling vectors and malformed messages are rejected with the right
 * status and problem type, {@code Connection: close}, and a closed connection — never answered 200.
 */
class StrictParsingTest {
  private static Keel app;

  @BeforeAll
  static void start() {
    app =
        Keel.create(
                Config.builder()
                    .args(
                        "--keel.server.port=0",
                        "--keel.server.max-request-line=1024",
                        "--keel.server.max-header-size=2048",
                        "--keel.server.max-header-count=20",
                        "--keel.server.max-body-size=1000")
                    .build())
            .use(SecureHeaders.middleware().with("X-Frame-Options", "SAMEORIGIN"))
            .get("/", ctx -> "root")
            .post("/echo", ctx -> ctx.bodyText());
    app.start();
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  static Stream<Arguments> rejected() {
    String big = "x".repeat(1100);
    return Stream.of(
        Arguments.of(
            "CL with TE",
            "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            400,
            "http-malformed"),
        Arguments.of(
            "two different CLs",
            "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
            400,
            "http-malformed"),
        Arguments.of(
            "two equal CLs",
            "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nContent-Length: 4\r\n\r\nabcd",
            400,
            "http-malformed"),
        Arguments.of(
            "CL list",
            "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4, 4\r\n\r\nabcd",
            400,
            "http-malformed"),
        Arguments.of(
            "malformed CL",
            "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4x\r\n\r\nabcd",
            400,
            "http-malformed"),
        Arguments.of(
            "negative CL",
            "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n",
            400,
            "http-malformed"),
        Arguments.of(
            "invalid chunk size",
            "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
            400,
            "http-malformed"),
        Arguments.of(
            "TE not ending in chunked",
            "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n",
            400,
            "http-malformed"),
        Arguments.of(
            "unknown TE",
            "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n",
            400,
            "http-malformed"),
        Arguments.of(
            "TE on HTTP/1.0",
            "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            400,
            "http-malformed"),
        Arguments.of(
            "bare CR in header value",
            "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\rc\r\n\r\n",
            400,
            "http-malformed"),
        Arguments.of("bare LF line ending", "GET / HTTP/1.1\nHost: a\n\n", 400, "http-malformed"),
        Arguments.of(
            "space in header name",
            "GET / HTTP/1.1\r\nHost: a\r\nBad Header: x\r\n\r\n",
            400,
            "http-malformed"),
        Arguments.of(
            "space before colon",
            "GET / HTTP/1.1\r\nHost: a\r\nContent-Length : 0\r\n\r\n",
            400,
            "http-malformed"),
        Arguments.of("missing Host", "GET / HTTP/1.1\r\nX-A: b\r\n\r\n", 400, "host-invalid"),
        Arguments.of(
            "duplicate Host", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "host-invalid"),
        Arguments.of("HTTP/1.2", "GET / HTTP/1.2\r\nHost: a\r\n\r\n", 505, "http-version"),
        Arguments.of("HTTP/3.0", "GET / HTTP/3.0\r\nHost: a\r\n\r\n", 505, "http-version"),
        Arguments.of("garbage version", "GET / HTTQ/1.1\r\nHost: a\r\n\r\n", 400, "http-malformed"),
        Arguments.of(
            "request line too long",
            "GET /" + big + " HTTP/1.1\r\nHost: a\r\n\r\n",
            414,
            "request-line-too-long"),
        Arguments.of(
            "header block too large",
            "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + big + big + "\r\n\r\n",
            431,
            "header-too-large"),
        Arguments.of(
            "too many headers",
            "GET / HTTP/1.1\r\nHost: a\r\n" + "X-H: v\r\n".repeat(25) + "\r\n",
            431,
            "header-too-large"),
        Arguments.of(
            "body over limit by CL",
            "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5000\r\n\r\n",
            413,
            "body-too-large"),
        Arguments.of(
            "chunked body over limit",
            "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3e8\r\n"
                + "y".repeat(1000)
                + "\r\n10\r\n"
                + "y".repeat(16)
                + "\r\n0\r\n\r\n",
            413,
            "body-too-large"),
        Arguments.of(
            "unsupported Expect",
            "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: magic\r\nContent-Length: 1\r\n\r\na",
            417,
            "expect-unsupported"));
  }

  @ParameterizedTest(name = "{0} -> {2} {3}")
  @MethodSource
  void rejected(String name, String request, int status, String code) throws Exception {
    try (var client = new RawClient(app.port())) {
      String response = client.send(request).readUntilClose(3000);
      assertThat(response).startsWith("HTTP/1.1 " + status + " ");
      assertThat(response).contains("\"type\":\"https://keel.dev/problems/" + code + "\"");
      assertThat(response).containsIgnoringCase("connection: close");
      assertThat(response).contains("application/problem+json");
      assertThat(response).contains("X-Content-Type-Options: nosniff"); // even before routing
      assertThat(response).contains("X-Frame-Options: SAMEORIGIN"); // the app's own setting
      assertThat(response).doesNotContain("<<timeout>>"); // the server closed the connection
      assertThat(response).doesNotContain("HTTP/1.1 200");
    }
  }

  @ParameterizedTest(name = "smuggled second request is never served: {0}")
  @MethodSource("smuggling")
  void smuggledRequestIsNotServed(String name, String request) throws Exception {
    try (var client = new RawClient(app.port())) {
      String response = client.send(request).readUntilClose(3000);
      assertThat(response).doesNotContain("root"); // the hidden GET / must not run
      assertThat(response.split("HTTP/1.1 ", -1)).hasSizeLessThanOrEqualTo(2);
    }
  }

  static Stream<Arguments> smuggling() {
    return Stream.of(
        Arguments.of(
            "CL.TE",
            "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"),
        Arguments.of(
            "TE.TE obfuscated",
            "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: x\r\n\r\n"
                + "0\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"));
  }
}
