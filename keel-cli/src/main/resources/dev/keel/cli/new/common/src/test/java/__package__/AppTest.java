package {{package}};

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
{{#sqlite}}
import java.nio.file.Path;
{{/sqlite}}
{{#web}}
import java.util.List;
{{/web}}
import java.util.Map;
{{#web}}
import java.util.regex.Matcher;
import java.util.regex.Pattern;
{{/web}}
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
{{#sqlite}}
import org.junit.jupiter.api.io.TempDir;
{{/sqlite}}

/** The app in-process (no port), through keel-test's client, on a database of its own. */
class AppTest {
{{#sqlite}}
  @TempDir Path dir;
{{/sqlite}}
  private TestClient client;

  @BeforeEach
  void start() {
{{#sqlite}}
    client =
        TestClient.inProcess(
            App.app("--keel.profile=test", "--keel.db.url=jdbc:sqlite:" + dir.resolve("test.db")));
{{/sqlite}}
{{#postgres}}
    client = TestClient.inProcess(App.app("--keel.profile=test"));
{{/postgres}}
  }

  @AfterEach
  void stop() {
    client.close();
  }

  @Test
  void createsReadsListsAndDeletesANote() {
    TestResponse created =
        client.post("/api/notes").json(Map.of("title", "Milk", "body", "two litres")).send();
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.json().get("id").asLong();

    TestResponse read = client.get("/api/notes/" + id).send();
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("title").asString()).isEqualTo("Milk");
    assertThat(client.get("/api/notes").send().text()).contains("two litres");

    assertThat(client.delete("/api/notes/" + id).send().status()).isEqualTo(204);
    assertThat(client.get("/api/notes/" + id).send().status()).isEqualTo(404);
  }

  @Test
  void aBlankTitleIs422NamingTheField() {
    TestResponse r = client.post("/api/notes").json(Map.of("title", " ")).send();
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.text()).contains("title");
  }

  @Test
  void servesTheHomePageDocsAndHealth() {
{{#api}}
    assertThat(client.get("/").send().json().get("docs").asString()).isEqualTo("/docs");
{{/api}}
{{#web}}
    TestResponse home = client.get("/").send();
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("html"));
    // keel.properties lets the page's own <style> through keel-security's Content-Security-Policy
    assertThat(home.header("Content-Security-Policy"))
        .hasValue("default-src 'self'; style-src 'self' 'unsafe-inline'");
    // keel-core's default; keel-security's CSRF check accepts the "Origin: null" it makes Chromium send
    assertThat(home.header("Referrer-Policy")).hasValue("no-referrer");
    String session = sessionCookie(home);
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(home.text());
    assertThat(csrf.find()).as(home.text()).isTrue();
    TestResponse posted =
        client
            .post("/notes")
            .cookie("keel_session", session)
            .form(Map.of("_csrf", csrf.group(1), "title", "<b>Bread</b>"))
            .send();
    assertThat(posted.status()).as(posted.text()).isEqualTo(303);
    assertThat(client.get("/").send().text()).contains("&lt;b&gt;Bread&lt;/b&gt;");
    TestResponse forged =
        client
            .post("/notes")
            .cookie("keel_session", session)
            .form(Map.of("_csrf", "forged", "title", "Cake"))
            .send();
    assertThat(forged.status()).isEqualTo(403);
{{/web}}
    assertThat(client.get("/docs").send().status()).isEqualTo(200);
    assertThat(client.get("/openapi.json").send().text()).contains("/api/notes");
    assertThat(client.get("/health/ready").send().status()).isEqualTo(200);
  }
{{#web}}

  @Test
  void theAdminNeedsTheAdminPassword() {
    TestResponse away = client.get("/admin/note").send();
    assertThat(away.status()).isEqualTo(303);
    assertThat(away.header("Location")).hasValue("/login?next=%2Fadmin%2Fnote");
    TestResponse form = client.get("/login?next=/admin/note").send();
    String session = sessionCookie(form);
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.text());
    assertThat(csrf.find()).as(form.text()).isTrue();
    TestResponse wrong =
        client
            .post("/login")
            .cookie("keel_session", session)
            .form(Map.of("_csrf", csrf.group(1), "password", "guess", "next", "/admin/note"))
            .send();
    assertThat(wrong.status()).isEqualTo(401);
    // keel-test.properties sets keel.app.admin-password for the tests
    TestResponse in =
        client
            .post("/login")
            .cookie("keel_session", session)
            .form(
                Map.of("_csrf", csrf.group(1), "password", "test-only-admin", "next", "/admin/note"))
            .send();
    assertThat(in.status()).as(in.text()).isEqualTo(303);
    assertThat(in.header("Location")).hasValue("/admin/note");
    String signedIn = in.headers().containsKey("set-cookie") ? sessionCookie(in) : session;
    TestResponse list = client.get("/admin/note").cookie("keel_session", signedIn).send();
    assertThat(list.status()).as(list.text()).isEqualTo(200);

    // the header's "Sign out" button posts the session's CSRF token to /logout
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(list.text());
    assertThat(token.find()).as(list.text()).isTrue();
    TestResponse out =
        client
            .post("/logout")
            .cookie("keel_session", signedIn)
            .form(Map.of("_csrf", token.group(1)))
            .send();
    assertThat(out.status()).as(out.text()).isEqualTo(303);
    TestResponse after = client.get("/admin/note").cookie("keel_session", signedIn).send();
    assertThat(after.status()).isEqualTo(303);
  }

  private static String sessionCookie(TestResponse response) {
    return response.headers().getOrDefault("set-cookie", List.of()).stream()
        .filter(c -> c.startsWith("keel_session="))
        .map(c -> c.substring("keel_session=".length(), c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no keel_session cookie in " + response));
  }
{{/web}}
}
