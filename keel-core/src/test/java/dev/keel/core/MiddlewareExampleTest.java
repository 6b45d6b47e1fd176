package dev.keel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The "Built-in middleware" example of keel-core's README, kept compiling and working. */
class MiddlewareExampleTest {

  @Test
  void readmeExampleWorks() throws Exception {
    Keel app = Keel.create("--keel.server.port=0");
    app.use(RequestId.middleware()) // X-Request-Id in and out, and in the MDC
        .use(AccessLog.middleware()) // one INFO line per request on dev.keel.access
        .use(Cors.allow(CorsPolicy.origins("https://app.example.com").withCredentials(true)))
        .use(SecureHeaders.middleware().without("X-Frame-Options"))
        .use(RequestTimeout.of(Duration.ofSeconds(10)))
        .get("/hello", ctx -> "hello")
        .start();
    try (var http = HttpClient.newHttpClient()) {
      var r =
          http.send(
              HttpRequest.newBuilder(URI.create(app.url() + "/hello"))
                  .header("Origin", "https://app.example.com")
                  .header("X-Request-Id", "readme-1")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.body()).isEqualTo("hello");
      assertThat(r.headers().firstValue("X-Request-Id")).contains("readme-1");
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin"))
          .contains("https://app.example.com");
      assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(r.headers().firstValue("X-Frame-Options")).isEmpty();
    } finally {
      app.stop();
    }
  }

  @Test
  void configuredVariantCompilesAndStarts() {
    Keel app =
        Keel.create(
            "--keel.server.port=0",
            "--keel.cors.origins=https://app.example.com",
            "--keel.secure-headers.frame-options=SAMEORIGIN",
            "--keel.server.request-timeout=5s");
    // or from keel.cors.*, keel.secure-headers.* and keel.server.request-timeout:
    app.use(Cors.allow(CorsPolicy.from(app.config())))
        .use(SecureHeaders.from(app.config()))
        .use(RequestTimeout.from(app.config()));
    assertThat(SecureHeaders.from(app.config()).headers())
        .containsEntry("X-Frame-Options", "SAMEORIGIN");
    assertThat(RequestTimeout.from(app.config()).limit()).isEqualTo(Duration.ofSeconds(5));
    app.start(); // every keel.* key above was read, so none is unknown
    app.stop();
  }
}
