package dev.keel.examples.conduit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conduit's admin: the login page, who gets in (only users with the admin column), the seeded
 * admin, the hidden password hash, and the tag rows the V3 migration gave a key. On SQLite and on a
 * fresh PostgreSQL database, with strict loading on.
 */
class ConduitAdminTest {
  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
  @TempDir Path dir;
  private TestClient client;
  private String pgName;

  private Keel app(String db, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of(more));
    args.add("--keel.db.strict-loading=true");
    if (db.equals("sqlite")) {
      args.add("--keel.db.url=jdbc:sqlite:" + dir.resolve("conduit.db"));
    } else {
      pgName = "keel_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + pgName);
      }
      args.add("--keel.db.url=" + PG + pgName);
      args.add("--keel.db.user=postgres");
    }
    return ConduitApp.app(args.toArray(String[]::new));
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) client.close();
    if (pgName != null) {
      try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + pgName + " WITH (FORCE)");
      }
    }
  }

  /** A browser: the session cookie it holds and the last CSRF token it saw. */
  private final class Browser {
    String session = "";
    String csrf = "";

    TestResponse get(String path) {
      var request = client.get(path);
      if (!session.isEmpty()) request.cookie("keel_session", session);
      return remember(request.send());
    }

    TestResponse post(String path, Map<String, String> form) {
      var fields = new java.util.HashMap<>(form);
      fields.put("_csrf", csrf);
      var request = client.post(path).form(fields);
      if (!session.isEmpty()) request.cookie("keel_session", session);
      return remember(request.send());
    }

    TestResponse signIn(String email, String password, String next) {
      get("/login?next=" + next);
      return post("/login", Map.of("email", email, "password", password, "next", next));
    }

    private TestResponse remember(TestResponse r) {
      for (String c : r.headers().getOrDefault("set-cookie", List.of())) {
        if (c.startsWith("keel_session=")) session = c.substring(13, c.indexOf(';'));
      }
      Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(r.text());
      if (m.find()) csrf = m.group(1);
      return r;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void onlyTheSeededAdminGetsInAndNeverSeesAPasswordHash(String db) throws Exception {
    Keel app = app(db, "--seed");
    client = TestClient.inProcess(app);
    var anonymous = new Browser();
    TestResponse away = anonymous.get("/admin/article");
    assertThat(away.status()).isEqualTo(303);
    assertThat(away.header("Location")).hasValue("/login?next=%2Fadmin%2Farticle");
    assertThat(anonymous.get("/login?next=/admin/article").text())
        .contains("name=\"next\" value=\"/admin/article\"");

    var ann = new Browser(); // a Conduit user, not an admin
    TestResponse refused = ann.signIn("ann@example.com", Seed.PASSWORD, "/admin");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text()).contains("may not use the admin");
    assertThat(ann.get("/admin").status()).isEqualTo(303);

    var wrong = new Browser();
    TestResponse bad = wrong.signIn(Seed.ADMIN_EMAIL, "not-the-password", "/admin");
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.text()).contains("Wrong email or password.");

    var admin = new Browser();
    TestResponse in = admin.signIn(Seed.ADMIN_EMAIL, Seed.PASSWORD, "/admin/article");
    assertThat(in.status()).as(in.text()).isEqualTo(303);
    assertThat(in.header("Location")).hasValue("/admin/article");
    TestResponse articles = admin.get("/admin/article");
    assertThat(articles.status()).isEqualTo(200);
    assertThat(articles.text()).contains("Welcome to Conduit", "Typed endpoints");
    assertThat(admin.get("/admin/article?q=sqlite").text())
        .contains("SQLite by default")
        .doesNotContain("Typed endpoints");
    TestResponse users = admin.get("/admin/users");
    assertThat(users.text()).contains("ann@example.com", Seed.ADMIN_EMAIL);
    String annId = id(users.text(), "ann");
    TestResponse annForm = admin.get("/admin/users/" + annId);
    assertThat(annForm.status()).isEqualTo(200);
    assertThat(annForm.text()).contains("ann@example.com").doesNotContain("argon2");
    // an edit with a forged hash changes the bio and keeps ann's password
    TestResponse edited =
        admin.post(
            "/admin/users/" + annId,
            Map.of(
                "username", "ann",
                "email", "ann@example.com",
                "bio", "edited in the admin",
                "image", "",
                "passwordHash", "$forged"));
    assertThat(edited.status()).as(edited.text()).isEqualTo(303);
    TestResponse annLogin =
        client
            .post("/api/users/login")
            .json(Map.of("user", Map.of("email", "ann@example.com", "password", Seed.PASSWORD)))
            .send();
    assertThat(annLogin.status()).as(annLogin.text()).isEqualTo(200);
    assertThat(annLogin.json().at("/user/bio").asString()).isEqualTo("edited in the admin");
    assertThat(admin.get("/admin/article-tag?q=welcome").text()).contains("welcome");
    assertThat(admin.get("/admin/comment").text()).contains("Nice to meet you!");

    // the API's tokens are not admin sessions: a token gets no admin page
    TestResponse token =
        client
            .post("/api/users/login")
            .json(Map.of("user", Map.of("email", Seed.ADMIN_EMAIL, "password", Seed.PASSWORD)))
            .send();
    String jwt = token.json().at("/user/token").asString();
    TestResponse withToken = client.get("/admin").header("Authorization", "Token " + jwt).send();
    assertThat(withToken.status()).isEqualTo(403);

    // unticking the Admin box ends the admin's access at its next request
    Database database = app.plugin(Database.class).orElseThrow();
    database
        .sql("update users set admin = :no where email = :email")
        .bind("no", false)
        .bind("email", Seed.ADMIN_EMAIL)
        .update();
    assertThat(admin.get("/admin").status()).isEqualTo(303);

    // a second start on the same database seeds nothing twice
    client.close();
    if (db.equals("sqlite")) {
      client = TestClient.inProcess(app(db, "--seed"));
      assertThat(admin.get("/api/articles").json().at("/articlesCount").asInt()).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite"})
  void loginGoesOnlyToLocalPagesAndTheSeedIsRefusedInProd(String db) throws Exception {
    client = TestClient.inProcess(app(db, "--seed"));
    var admin = new Browser();
    TestResponse in = admin.signIn(Seed.ADMIN_EMAIL, Seed.PASSWORD, "//evil.example/x");
    assertThat(in.header("Location")).hasValue("/admin");
    assertThat(admin.get("/admin").status()).isEqualTo(200);
    // a form page carries the new session's CSRF token (the admin's pages have no sign-out button)
    assertThat(admin.get("/admin/article/new").status()).isEqualTo(200);
    TestResponse out = admin.post("/logout", Map.of());
    assertThat(out.status()).isEqualTo(303);
    assertThat(admin.get("/admin").status()).isEqualTo(303);
    Assertions.assertThatThrownBy(
            () ->
                app(
                    db,
                    "--seed",
                    "--keel.profile=prod",
                    "--keel.security.jwt.secret=" + "x".repeat(40)))
        .hasMessageContaining("not in the prod profile");
  }

  /** The id in the admin's link of the row whose first cell is {@code name}. */
  private static String id(String html, String name) {
    Matcher m = Pattern.compile("href=\"/admin/users/(\\d+)\">" + name + "<").matcher(html);
    assertThat(m.find()).as(html).isTrue();
    return m.group(1);
  }
}
