package dev.keel.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import org.junit.jupiter.api.Test;

/** The example of keel-views' README, kept compiling and working (src/test/jte/hello.jte). */
class ReadmeExampleTest {

  @Test
  void readmeExampleWorks() {
    Keel app = Keel.create("--keel.server.port=0");
    Views views = Views.create(); // reloads src/main/jte in dev, else precompiled
    app.install(views) // removes compiled classes at stop
        .get("/hello/{name}", ctx -> views.render("hello.jte", ctx.pathParam("name")));

    try (var client = TestClient.overSocket(app)) {
      TestResponse r = client.get("/hello/%3Cscript%3E").send();
      assertThat(r.header("Content-Type")).contains("text/html; charset=UTF-8");
      assertThat(r.text()).isEqualTo("<p>Hello, &lt;script&gt;!</p>\n");
    }
  }
}
