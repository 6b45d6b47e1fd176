package dev.keel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The example of keel-core's README, kept compiling and working. */
class ReadmeExampleTest {
  record Greeting(String message, int times) {}

  @Test
  void readmeExampleWorks() throws Exception {
    Keel app =
        Keel.create("--keel.server.port=0")
            .use(
                next ->
                    ctx -> { // middleware: a function from handler to handler
                      ctx.header("X-Powered-By", "Keel");
                      return next.handle(ctx);
                    })
            .get("/hello/{name}", ctx -> "Hello, " + ctx.pathParam("name")) // text/plain
            .get(
                "/greet/{name}",
                ctx ->
                    new Greeting( // application/json
                        "Hello, " + ctx.pathParam("name"),
                        ctx.query("times", Integer.class).orElse(1)))
            .post("/greetings", ctx -> ctx.status(201).body(Greeting.class)) // JSON in, JSON out
            .get("/plain", Handler.nonBlocking(ctx -> "fast")) // runs on the event loop
            .start();
    try (var http = HttpClient.newHttpClient()) {
      var hello = get(http, app.url() + "/hello/ann");
      assertThat(hello.body()).isEqualTo("Hello, ann");
      assertThat(hello.headers().firstValue("X-Powered-By")).contains("Keel");
      assertThat(get(http, app.url() + "/greet/ann?times=2").body())
          .isEqualTo("{\"message\":\"Hello, ann\",\"times\":2}");
      assertThat(get(http, app.url() + "/greet/ann?times=x").body())
          .isEqualTo(
              "{\"type\":\"https://keel.dev/problems/parameter-invalid\","
                  + "\"title\":\"Invalid request parameter\",\"status\":400,"
                  + "\"detail\":\"query parameter 'times' is 'x', which is not a whole number"
                  + " from -2147483648 to 2147483647.\",\"instance\":\"/greet/ann\"}");
      var created =
          http.send(
              HttpRequest.newBuilder(URI.create(app.url() + "/greetings"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\",\"times\":3}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(created.body()).isEqualTo("{\"message\":\"hi\",\"times\":3}");
      assertThat(get(http, app.url() + "/plain").body()).isEqualTo("fast");
    } finally {
      app.stop();
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
