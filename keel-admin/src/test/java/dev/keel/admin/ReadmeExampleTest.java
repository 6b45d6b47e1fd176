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

  static Keel app(Keel app) {
    Sessions sessions = Sessions.builder(new MemorySessionStore()).build();
    Admin admin =
        Admin.create() // pages under /admin; anonymous visitors go to /login?next=...
            .register(
                Article.class,
                m ->
                    m.list("title", "published", "createdAt") // the list's columns
                        .search("title", "body") // the search box looks here
                        .readOnly("createdAt")); // shown, never changed by a form
    app.install(Database.create())
        .install(Security.builder().sessions(sessions).build())
        .install(admin);
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
        assertThat(list.text()).contains(">Hello</a>").contains("1 rows");
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
