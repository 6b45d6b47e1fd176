package dev.keel.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @Requires} and {@code Principal} parameters through generated routes, over a socket. */
class ControllerSecurityTest {
  private Security security;
  private TestClient client;
  private String writer;
  private String reader;
  private String admin;

  @BeforeEach
  void start() {
    Keel app = Keel.create(JwtTest.config("--keel.security.jwt.secret=" + JwtTest.SECRET));
    security = Security.create();
    app.install(security);
    var accounts = new AdminController();
    app.controllers(new ArticlesController(), accounts, new ProfileController(accounts));
    client = TestClient.overSocket(app);
    writer = bearer(Principal.of("alice").withPermissions("articles:write"));
    reader = bearer(Principal.of("bob"));
    admin = bearer(Principal.of("root").withPermissions("admin:*", "articles:*", "accounts:*"));
  }

  @AfterEach
  void stop() {
    client.close();
  }

  private String bearer(Principal p) {
    return "Bearer " + security.jwt().issue(p);
  }

  private TestResponse post(String token, Object body) {
    var r = client.post("/api/articles").json(body);
    if (token != null) r.header("Authorization", token);
    return r.send();
  }

  @Test
  void aPermittedPrincipalIsInjected() {
    TestResponse r = post(writer, Map.of("title", "Hello Keel"));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().get("authorId").asString()).isEqualTo("alice");
    assertThat(r.json().get("slug").asString()).isEqualTo("hello-keel");
    // anyone reads
    assertThat(client.get("/api/articles/hello-keel").send().status()).isEqualTo(200);
  }

  @Test
  void anonymousIs401WithAChallengeBeforeTheBodyIsRead() {
    TestResponse r = post(null, Map.of("title", "")); // an invalid body: still 401, not 422
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).contains("Bearer realm=\"keel\"");
    assertThat(r.header("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
  }

  @Test
  void aForgedTokenIs401InvalidToken() {
    String forged = writer.substring(0, writer.length() - 4) + "AAAA";
    TestResponse r = post(forged, Map.of("title", "x"));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).contains("error=\"invalid_token\""));
  }

  @Test
  void aPrincipalWithoutThePermissionIs403WithoutAChallenge() {
    TestResponse r = post(reader, Map.of("title", "x"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.header("WWW-Authenticate")).isEmpty();
    assertThat(r.json().get("detail").asString()).contains("needs permission articles:write");
  }

  @Test
  void validationRunsAfterTheGuard() {
    TestResponse r = post(writer, Map.of("title", " "));
    assertThat(r.status()).isEqualTo(422);
  }

  @Test
  void everyListedPermissionIsNeeded() {
    post(writer, Map.of("title", "Gone"));
    TestResponse partial =
        client.delete("/api/articles/gone").header("Authorization", writer).send();
    assertThat(partial.status()).isEqualTo(403);
    assertThat(partial.json().get("detail").asString()).contains("articles:delete");
    assertThat(client.delete("/api/articles/gone").header("Authorization", admin).send().status())
        .isEqualTo(204);
  }

  @Test
  void onlyTheAuthorEditsThroughTheContext() {
    post(writer, Map.of("title", "Draft"));
    String otherWriter = bearer(Principal.of("carol").withPermissions("articles:write"));
    TestResponse r =
        client
            .put("/api/articles/draft")
            .header("Authorization", otherWriter)
            .json(Map.of("title", "Stolen"))
            .send();
    assertThat(r.status()).isEqualTo(403);
  }

  @Test
  void aRequiredPrincipalAloneNeedsAuthenticationOnly() {
    TestResponse anonymous = client.get("/api/articles/mine").send();
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).contains("Bearer realm=\"keel\"");
    post(writer, Map.of("title", "One"));
    TestResponse bob = client.get("/api/articles/mine").header("Authorization", reader).send();
    assertThat(bob.status()).isEqualTo(200);
    assertThat(bob.json().size()).isZero();
    TestResponse alice = client.get("/api/articles/mine").header("Authorization", writer).send();
    assertThat(alice.json().get(0).get("slug").asString()).isEqualTo("one");
  }

  @Test
  void anOptionalPrincipalAcceptsAbsence() {
    assertThat(client.get("/api/articles/greeting").send().text()).isEqualTo("hello anonymous");
    assertThat(client.get("/api/articles/greeting").header("Authorization", reader).send().text())
        .isEqualTo("hello bob");
  }

  @Test
  void aClassLevelRequiresGuardsEveryMethodAndAMethodsAddsToIt() {
    assertThat(client.get("/admin/accounts").send().status()).isEqualTo(401);
    assertThat(client.get("/admin/whoami").header("Authorization", writer).send().status())
        .isEqualTo(403);
    String support = bearer(Principal.of("sam").withPermissions("admin:access"));
    assertThat(client.get("/admin/whoami").header("Authorization", support).send().text())
        .isEqualTo("sam");
    TestResponse delete =
        client.delete("/admin/accounts/bob").header("Authorization", support).send();
    assertThat(delete.status()).isEqualTo(403);
    assertThat(delete.json().get("detail").asString()).contains("accounts:delete");
    assertThat(client.delete("/admin/accounts/bob").header("Authorization", admin).send().status())
        .isEqualTo(204);
  }

  @Test
  void rolesOrPermissionsInABodyAreNotAssigned() {
    TestResponse r =
        client
            .put("/api/profile")
            .header("Authorization", reader)
            .json(
                Map.of(
                    "bio",
                    "hi",
                    "roles",
                    List.of("admin"),
                    "permissions",
                    List.of("*", "admin:access"),
                    "id",
                    "root"))
            .send();
    // the JSON reader ignores fields the record lacks; the principal comes from the token only
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("id").asString()).isEqualTo("bob");
    assertThat(r.json().get("bio").asString()).isEqualTo("hi");
    assertThat(r.json().get("roles").get(0).asString()).isEqualTo("user");
    assertThat(r.json().get("roles").size()).isEqualTo(1);
    // and the escalation attempt changed nothing: still 403 on the admin routes
    assertThat(client.get("/admin/accounts").header("Authorization", reader).send().status())
        .isEqualTo(403);
    // an authorId in an article body is ignored as well
    TestResponse article =
        post(writer, Map.of("title", "Claimed", "authorId", "root", "slug", "other"));
    assertThat(article.json().get("authorId").asString()).isEqualTo("alice");
    assertThat(article.json().get("slug").asString()).isEqualTo("claimed");
    assertThat(Set.of(r.status(), article.status())).containsExactlyInAnyOrder(200, 201);
  }

  @Test
  void apiKeysAndSessionsMeetTheSameGuard() {
    var apiKeys = new ApiKeys("keel", ApiKeyStore.inMemory());
    var sessions = Sessions.from(JwtTest.config(), new MemorySessionStore());
    Keel app = Keel.create(JwtTest.config("--keel.security.jwt.secret=" + JwtTest.SECRET));
    app.install(Security.builder().apiKeys(apiKeys).sessions(sessions).build());
    app.post(
        "/login",
        ctx -> {
          sessions.login(ctx, Principal.of("dana").withPermissions("articles:write"));
          return Security.csrfToken(ctx).orElseThrow();
        });
    app.controllers(new ArticlesController());
    try (var other = TestClient.overSocket(app)) {
      String writeKey = apiKeys.create(Principal.of("ci"), Set.of("articles:write")).key();
      String readKey = apiKeys.create(Principal.of("ci"), Set.of("articles:read")).key();
      TestResponse created =
          other
              .post("/api/articles")
              .header("X-API-Key", writeKey)
              .json(Map.of("title", "K"))
              .send();
      assertThat(created.status()).isEqualTo(201);
      assertThat(created.json().get("authorId").asString()).isEqualTo("ci");
      assertThat(
              other
                  .post("/api/articles")
                  .header("X-API-Key", readKey)
                  .json(Map.of("title", "L"))
                  .send()
                  .status())
          .isEqualTo(403);

      TestResponse login = other.post("/login").send();
      String cookie = SessionsTest.cookie(login);
      // a cookie-authenticated controller call is CSRF-checked like any other
      assertThat(
              other
                  .post("/api/articles")
                  .cookie("keel_session", cookie)
                  .json(Map.of("title", "M"))
                  .send()
                  .status())
          .isEqualTo(403);
      TestResponse withToken =
          other
              .post("/api/articles")
              .cookie("keel_session", cookie)
              .header("X-CSRF-Token", login.text())
              .json(Map.of("title", "M"))
              .send();
      assertThat(withToken.status()).isEqualTo(201);
      assertThat(withToken.json().get("authorId").asString()).isEqualTo("dana");
    }
  }

  @Test
  void theReadmesQuoteThisController() throws Exception {
    List<String> source =
        Files.readAllLines(Path.of("src/test/java/dev/keel/security/ArticlesController.java"))
            .stream()
            .map(String::strip)
            .toList();
    for (Path readme : List.of(Path.of("README.md"), Path.of("../keel-web/README.md"))) {
      String text = Files.readString(readme);
      int marker = text.indexOf("ArticlesController.java -->");
      assertThat(marker).as("excerpt marker in %s", readme).isPositive();
      int start = text.indexOf("```java\n", marker) + 8;
      String excerpt = text.substring(start, text.indexOf("```", start));
      int from = 0;
      for (String line : excerpt.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
        int at = source.subList(from, source.size()).indexOf(line);
        assertThat(at)
            .as("%s quotes a line ArticlesController lacks (in order): %s", readme, line)
            .isNotNegative();
        from += at + 1;
      }
    }
  }
}
