package dev.keel.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.services.demo.Greeter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The README's example, kept compiling and working: the same main code in the single layout and, by
 * configuration only, as the "app" process of the split layout of src/test/resources'
 * keel-deploy.properties.
 */
class ReadmeExampleTest {

  static Keel main(String... args) {
    // ---- README begins
    Keel app = Keel.create(args);
    Components components = Components.builder().config(app.config()).build();
    Greeter greeter = components.get(Greeter.class); // a plain call, or HTTP: the same code
    app.install(components)
        .get("/hello/{name}", ctx -> greeter.greet(ctx.pathParam("name")).text())
        .start();
    // ---- README ends
    return app;
  }

  static String get(Keel app, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(app.url() + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void singleLayout() throws Exception {
    Keel app = main("--keel.server.port=0");
    try {
      assertThat(get(app, "/hello/Ada")).isEqualTo("Hello, Ada!");
    } finally {
      app.stop();
    }
  }

  @Test
  void splitLayoutByConfigurationOnly() throws Exception {
    Keel users =
        main(
            "--keel.server.port=25200",
            "--keel.services.layout=split",
            "--keel.services.process=users");
    Keel app =
        main(
            "--keel.server.port=25201",
            "--keel.services.layout=split",
            "--keel.services.process=app");
    try {
      assertThat(get(app, "/hello/Ada")).isEqualTo("Hello, Ada!");
      users.stop();
      assertThat(get(app, "/hello/Ada")).contains("component-unavailable");
    } finally {
      app.stop();
      users.stop();
    }
  }
}
