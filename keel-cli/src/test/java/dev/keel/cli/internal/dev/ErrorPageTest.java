package dev.keel.cli.internal.dev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.cli.DevProblems;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page the port answers while the app cannot run: HTML for browsers, problem+json else. */
class ErrorPageTest {
  private final List<ErrorPage.Entry> entries =
      List.of(
          new ErrorPage.Entry(
              "src/main/java/a/B.java", 7, 12, "cannot find symbol \"x\" <here>", "  int y = x;"));

  @Test
  void answersEveryPathWithTheProblemNegotiated() throws Exception {
    int port;
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (var page =
        ErrorPage.serve(port, DevProblems.DEV_COMPILE_FAILED, "1 compile error(s).", entries)) {
      var http = HttpClient.newHttpClient();
      var api =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/x"))
                  .header("Accept", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(api.statusCode()).isEqualTo(500);
      assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(api.body())
          .isEqualTo(
              "{\"type\":\"https://keel.dev/problems/dev-compile-failed\",\"title\":\"The app's"
                  + " code does not compile\",\"status\":500,\"detail\":\"1 compile error(s).\","
                  + "\"errors\":[{\"file\":\"src/main/java/a/B.java\",\"line\":7,\"column\":12,"
                  + "\"message\":\"cannot find symbol \\\"x\\\" <here>\"}]}");
      var browser =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                  .header("Accept", "text/html")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(browser.body())
          .contains("<h2>src/main/java/a/B.java:7</h2>")
          .contains("cannot find symbol &quot;x&quot; &lt;here&gt;")
          .contains("7 |   int y = x;");
    }
  }
}
