package dev.keel.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.ConfigException;
import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Views through HTTP: escaping, UTF-8, precompiled templates in prod, reloading in dev. */
class ViewsTest {
  @TempDir Path dir;

  @Test
  void escapesScriptInTheModelAndAnswersHtmlInUtf8() {
    Keel app = Keel.create("--keel.profile=test", "--keel.server.port=0");
    Views views = Views.create();
    app.install(views)
        .get("/hello/{name}", ctx -> views.render("hello", ctx.pathParam("name")))
        .get(
            "/fortunes",
            ctx ->
                views.render(
                    "fortunes.jte",
                    List.of(
                        new Fortune(
                            11, "<script>alert(\"This should not be displayed.\");</script>"),
                        new Fortune(12, "フレームワークのベンチマーク"))))
        .start();
    try (var client = TestClient.overSocket(app)) {
      TestResponse fortunes = client.get("/fortunes").send();
      assertThat(fortunes.status()).isEqualTo(200);
      assertThat(fortunes.header("Content-Type")).contains("text/html; charset=UTF-8");
      assertThat(fortunes.text())
          .contains(
              // Quotes need no escaping in element content (they are in attributes).
              "<td>11</td><td>&lt;script&gt;alert(\"This should not be displayed.\");"
                  + "&lt;/script&gt;</td>")
          .contains("<td>12</td><td>フレームワークのベンチマーク</td>")
          .doesNotContain("<script>");
      assertThat(fortunes.header("Content-Length"))
          .contains(String.valueOf(fortunes.text().getBytes(StandardCharsets.UTF_8).length));

      assertThat(client.get("/hello/%3Cb%3E%27x%27%26").send().text())
          .isEqualTo("<p>Hello, &lt;b&gt;'x'&amp;!</p>\n");
    } finally {
      app.stop();
    }
  }

  @Test
  void quotesAreEscapedInsideAttributes() {
    assertThat(Views.precompiled().render("link", "\"><script>x</script>").renderToString())
        .isEqualTo(
            // Context-aware: inside a quoted attribute the quote and < are what must be escaped.
            "<a title=\"&#34;>&lt;script>x&lt;/script>\">"
                + "\"&gt;&lt;script&gt;x&lt;/script&gt;</a>\n");
  }

  @Test
  void precompiledTemplatesAreFoundInTheirPackage() {
    assertThat(Views.precompiled(Views.DEFAULT_PACKAGE).render("hello", "x").renderToString())
        .contains("Hello, x!");
    assertThatThrownBy(
            () -> Views.precompiled("dev.keel.none").render("hello", "x").renderToString())
        .isInstanceOf(ViewException.class)
        .hasMessageContaining("template 'hello.jte' is not among the precompiled templates");
    assertThatThrownBy(() -> Views.precompiled("not a package"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("packageName: 'not a package' (expected: a Java package name)");
  }

  @Test
  void severalNamedParamsAndLayoutsWork() {
    Views views = Views.precompiled();
    View view = views.render("page.jte", Map.of("title", "Ünïcode & co", "items", List.of("a<")));
    assertThat(view.template()).isEqualTo("page.jte");
    assertThat(view.renderToString())
        .isEqualTo(
            "<html><head><title>Ünïcode &amp; co</title></head>"
                + "<body><ul><li>a&lt;</li></ul></body></html>\n\n");
  }

  @Test
  void prodProfileUsesThePrecompiledTemplatesEvenWhenTheFolderExists() throws Exception {
    Files.writeString(dir.resolve("hello.jte"), "@param String name\nfrom the folder ${name}");
    Keel app = Keel.create("--keel.profile=prod", "--keel.views.directory=" + dir);
    try (Views views = Views.create()) {
      app.install(views);
      assertThat(views.reloads()).isFalse();
      assertThat(views.render("hello", "ann").renderToString()).isEqualTo("<p>Hello, ann!</p>\n");
    }
    app.config().validate(); // keel.views.* were read, so they are known keys
  }

  @Test
  void devProfileRecompilesATemplateWhenItsFileChanges() throws Exception {
    Path template = dir.resolve("greeting.jte");
    Files.writeString(
        template, "@param dev.keel.views.Fortune f\n<b>${f.message()}</b>", StandardCharsets.UTF_8);
    Keel app = Keel.create("--keel.profile=dev", "--keel.views.directory=" + dir);
    Views views = Views.create();
    app.install(views).get("/", ctx -> views.render("greeting", new Fortune(1, "<i>一</i>")));
    assertThat(views.reloads()).isTrue();
    try (var client = TestClient.inProcess(app)) {
      assertThat(client.get("/").send().text()).isEqualTo("<b>&lt;i&gt;一&lt;/i&gt;</b>");

      Files.writeString(
          template, "@param dev.keel.views.Fortune f\n<em>${f.id()}</em>", StandardCharsets.UTF_8);
      // A later modification time, as an editor's save gives; file times can be coarser than a
      // test.
      Files.setLastModifiedTime(
          template, FileTime.fromMillis(Files.getLastModifiedTime(template).toMillis() + 2_000));

      assertThat(client.get("/").send().text()).isEqualTo("<em>1</em>");
    }
  }

  @Test
  void stoppingTheAppRemovesTheCompiledTemplates() throws Exception {
    Files.writeString(dir.resolve("a.jte"), "x");
    Keel app = Keel.create("--keel.server.port=0", "--keel.views.directory=" + dir);
    Views views = Views.create();
    app.install(views).get("/", ctx -> views.render("a", Map.of())).start();
    try (var client = TestClient.overSocket(app)) {
      assertThat(client.get("/").send().text()).isEqualTo("x");
    }
    app.stop();
    assertThat(
            Files.list(Path.of(System.getProperty("java.io.tmpdir")))
                .filter(p -> p.getFileName().toString().startsWith("keel-views-"))
                .filter(
                    p -> Files.exists(p.resolve("gg/jte/generated/ondemand/JteaGenerated.class"))))
        .isEmpty();
  }

  @Test
  void aMissingTemplateIsA500ProblemAndAnErrorThatNamesTheFix() throws Exception {
    Keel app = Keel.create("--keel.profile=prod");
    Views views = Views.create();
    app.install(views).get("/", ctx -> views.render("nope.jte", "x"));
    try (var client = TestClient.inProcess(app)) {
      TestResponse r = client.get("/").send();
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.header("Content-Type")).contains("application/problem+json");
      assertThat(r.text()).doesNotContain("nope.jte");
    }
    assertThatThrownBy(() -> views.render("nope.jte", "x").renderToString())
        .isInstanceOf(ViewException.class)
        .hasMessageContaining(ViewException.NOT_FOUND)
        .hasMessageContaining("template 'nope.jte' is not among the precompiled templates")
        .hasMessageContaining("jte-maven-plugin's generate goal");

    Files.writeString(dir.resolve("bad.jte"), "@param String s\n${s.nope()}");
    try (Views reloading = Views.reloading(dir)) {
      assertThatThrownBy(() -> reloading.render("bad", "x").renderToString())
          .isInstanceOf(ViewException.class)
          .hasMessageContaining(ViewException.FAILED)
          .hasMessageContaining("bad.jte:2");
    }
  }

  @Test
  void reloadWithoutTheFolderStopsStartUpAndDevWithoutItFallsBackToPrecompiled() {
    Path missing = dir.resolve("missing");
    Keel reload = Keel.create("--keel.views.reload=true", "--keel.views.directory=" + missing);
    reload.install(Views.create());
    assertThatThrownBy(reload::start)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("keel.views.reload")
        .hasMessageContaining("is true but the template directory " + missing)
        .hasMessageContaining("keel.views.reload=false");
    try (Views views = Views.create()) {
      Keel.create("--keel.views.directory=" + missing).install(views); // dev profile
      assertThat(views.reloads()).isFalse();
    }
  }
}
