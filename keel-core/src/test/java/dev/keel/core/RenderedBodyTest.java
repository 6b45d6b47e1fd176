package dev.keel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A {@link RenderedBody} is sent whole, with its content type, length and validators. */
class RenderedBodyTest {

  private static RenderedBody html(String text) {
    return new RenderedBody() {
      @Override
      public String contentType() {
        return "text/html; charset=UTF-8";
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  @Test
  void sentWithItsContentTypeLengthAndEtagOrAsProblemWhenRenderingFails() throws Exception {
    Keel app =
        Keel.create("--keel.server.port=0")
            .get("/page", ctx -> html("<p>こんにちは</p>"))
            .get(
                "/typed",
                ctx -> {
                  ctx.header("Content-Type", "text/xml");
                  return html("<a/>");
                })
            .get(
                "/broken",
                ctx ->
                    new RenderedBody() {
                      @Override
                      public String contentType() {
                        return "text/html";
                      }

                      @Override
                      public void writeTo(OutputStream out) throws IOException {
                        out.write("half".getBytes(StandardCharsets.UTF_8));
                        throw new IllegalStateException("template failed");
                      }
                    })
            .start();
    try (var http = HttpClient.newHttpClient()) {
      var page = get(http, app.url() + "/page");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=UTF-8");
      assertThat(page.headers().firstValue("Content-Length")).contains("22");
      assertThat(page.headers().firstValue("ETag")).isPresent();
      assertThat(page.body()).isEqualTo("<p>こんにちは</p>");

      assertThat(get(http, app.url() + "/typed").headers().firstValue("Content-Type"))
          .contains("text/xml");

      var broken = get(http, app.url() + "/broken");
      assertThat(broken.statusCode()).isEqualTo(500);
      assertThat(broken.headers().firstValue("Content-Type")).contains("application/problem+json");
      assertThat(broken.body()).doesNotContain("half");
    } finally {
      app.stop();
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
