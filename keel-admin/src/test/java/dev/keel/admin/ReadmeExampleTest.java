package dev.keel.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.db.Dialect;
import dev.keel.db.Id;
import dev.keel.db.Version;
import dev.keel.security.MemorySessionStore;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import dev.keel.security.Sessions;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The example of keel-admin's README.md, run on both databases; the README shows this code. */
class ReadmeExampleTest {
  // --- README example start
  public record Article(
      @Id long id,
      @NotBlank @Size(max = 120) String title,
      @Size(max = 10_000) String body,
      boolean published,
      Instant createdAt,
      @Version int version) {}

  /** {@code article_id} has a foreign key to {@code article}: a link, a select and a filter. */
  public record Comment(@Id long id, long articleId, @NotBlank String text) {}

  static Keel app(Keel app) {
    Sessions sessions = Sessions.builder(new MemorySessionStore()).build();
    Database db = Database.create();
    Admin admin =
        Admin.create() // pages under /admin; anonymous visitors go to /login?next=...
            .register(
                Article.class,
                m ->
                    m.list("title", "published", "createdAt") // the list's columns
                        .search("title", "body") // the search box looks here
                        .filters("published", "createdAt") // yes/no; from/to dates
                        .readOnly("createdAt") // shown, never changed by a form
                        .display("published", v -> (Boolean) v ? "✔ live" : "draft")
                        .action( // a bulk action on the ticked rows, audited, in a transaction
                            "publish",
                            "Publish",
                            (rows, ctx) -> {
                              for (Article a : rows) {
                                db.repository(Article.class)
                                    .update(
                                        new Article(
                                            a.id(),
                                            a.title(),
                                            a.body(),
                                            true,
                                            a.createdAt(),
                                            a.version()));
                              }
                            }))
            .register(Comment.class, m -> m.filters("articleId"));
    app.install(db).install(Security.builder().sessions(sessions).build()).install(admin);
    app.post( // your login: any principal with role "admin" (or admin:article:view...) gets in
        "/login",
        ctx -> {
          // check the password here (keel-security's PasswordHasher), then:
          sessions.login(ctx, Principal.of("ann").withRoles("admin"));
          String next = ctx.query("next").orElse("/admin"); // a local path only: no open redirect
          ctx.status(303).header("Location", next.matches("/[^/\\\\].*") ? next : "/admin");
          return "";
        });
    return app;
  }

  // --- README example end

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void theReadmeExampleRuns(Dialect dialect) throws Exception {
    try (var db = TestDatabase.create(dialect)) {
      Keel app =
          app(
              Keel.create(
                  Config.builder()
                      .defaults(
                          Map.of(
                              "keel.db.url",
                              db.url,
                              "keel.db.migrations",
                              "classpath:readme/db/migration"))
                      .build()));
      try (var client = TestClient.inProcess(app)) {
        TestResponse anonymous = client.get("/admin/article").send();
        assertThat(anonymous.status()).isEqualTo(303);
        assertThat(anonymous.header("Location")).contains("/login?next=%2Fadmin%2Farticle");
        TestResponse login = client.post("/login?next=%2Fadmin%2Farticle").send();
        assertThat(login.header("Location")).contains("/admin/article");
        assertThat(client.post("/login?next=%2F%2Fevil.example").send().header("Location"))
            .contains("/admin");
        String cookie = login.headers().get("set-cookie").getFirst();
        String session = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        TestResponse form = client.get("/admin/article/new").cookie("keel_session", session).send();
        String html = form.text();
        int at = html.indexOf("name=\"_csrf\" value=\"") + 20;
        String csrf = html.substring(at, html.indexOf('"', at));
        TestResponse created =
            client
                .post("/admin/article/new")
                .cookie("keel_session", session)
                .form(Map.of("_csrf", csrf, "title", "Hello", "body", "First post"))
                .send();
        assertThat(created.status()).isEqualTo(303);
        TestResponse list =
            client.get("/admin/article?q=first").cookie("keel_session", session).send();
        assertThat(list.text())
            .contains(">Hello</a>")
            .contains("<p class=\"pager\">1 row\n")
            .contains("<td>draft</td>");
        TestResponse published =
            client
                .post("/admin/article/_bulk")
                .cookie("keel_session", session)
                .form(Map.of("_csrf", csrf, "action", "publish", "id", "1"))
                .send();
        assertThat(published.status()).isEqualTo(303);
        assertThat(
                client
                    .get("/admin/article?published=yes")
                    .cookie("keel_session", session)
                    .send()
                    .text())
            .contains(">Hello</a>")
            .contains("<td>✔ live</td>");
        assertThat(client.get("/admin/article/1").cookie("keel_session", session).send().text())
            .contains("<td>publish</td>") // the history, newest first
            .contains("<b>published</b>: false → true")
            .contains("<td>create</td>");
        TestResponse comment =
            client
                .post("/admin/comment/new")
                .cookie("keel_session", session)
                .form(Map.of("_csrf", csrf, "articleId", "1", "text", "Nice"))
                .send();
        assertThat(comment.status()).isEqualTo(303);
        assertThat(
                client
                    .get("/admin/comment?articleId=1")
                    .cookie("keel_session", session)
                    .send()
                    .text())
            .contains("<a href=\"/admin/article/1\">1</a>");
        assertThat(
                client.get("/admin/article/1/delete").cookie("keel_session", session).send().text())
            .contains("1 Comment row will be deleted with it.");
      } finally {
        app.stop();
      }
    }
  }

  @Test
  void theReadmeShowsThisExample() throws Exception {
    String test = Files.readString(Path.of("src/test/java/dev/keel/admin/ReadmeExampleTest.java"));
    String example =
        test.substring(
            test.indexOf("// --- README example start") + 28,
            test.indexOf("  // --- README example end"));
    String readme = Files.readString(Path.of("README.md"));
    assertThat(squash(readme)).contains(squash(example));
  }

  private static String squash(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
