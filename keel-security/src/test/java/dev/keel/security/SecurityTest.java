package dev.keel.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Guards on routes and groups, resource-level checks and mass assignment, through HTTP. */
class SecurityTest {
  record Article(String slug, String authorId, String title) {}

  record ArticleUpdate(String title) {}

  record Profile(String bio) {}

  final Map<String, Article> articles = new ConcurrentHashMap<>();
  final Map<String, String> roles = new ConcurrentHashMap<>();

  Security security;

  Keel app() {
    Keel app = Keel.create(JwtTest.config("--keel.security.jwt.secret=" + JwtTest.SECRET));
    security = Security.create();
    app.install(security);
    articles.put("hello", new Article("hello", "alice", "Hello"));
    app.group(
        "/api/articles",
        api -> {
          api.use(Security.requires("articles:write"));
          api.post("", ctx -> "created by " + Security.principal(ctx).orElseThrow().id());
        });
    app.put(
        "/api/articles/{slug}",
        ctx -> {
          Article article = articles.get(ctx.pathParam("slug"));
          Security.requireOwner(ctx, article.authorId());
          var update = ctx.body(ArticleUpdate.class);
          articles.put(
              article.slug(), new Article(article.slug(), article.authorId(), update.title()));
          return articles.get(article.slug());
        });
    app.group(
        "/admin",
        admin -> {
          admin.use(Security.requiresRole("admin"));
          admin.get("/stats", ctx -> "ok");
        });
    app.put(
        "/api/profile",
        ctx -> {
          Principal me = Security.authenticated(ctx);
          Profile profile = ctx.body(Profile.class); // the record has no "role" field to assign
          return Map.of("bio", profile.bio(), "roles", roles.getOrDefault(me.id(), "user"));
        });
    return app;
  }

  @Test
  void unauthenticatedIs401AndUnauthorizedIs403() {
    try (var client = TestClient.inProcess(app())) {
      TestResponse anonymous = client.post("/api/articles").send();
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.header("WWW-Authenticate")).contains("Bearer realm=\"keel\"");

      String reader = security.jwt().issue(Principal.of("bob").withPermissions("articles:read"));
      TestResponse forbidden =
          client.post("/api/articles").header("Authorization", "Bearer " + reader).send();
      assertThat(forbidden.status()).isEqualTo(403);
      assertThat(forbidden.header("WWW-Authenticate")).isEmpty();
      assertThat(forbidden.json().get("type").asString())
          .isEqualTo("https://keel.dev/problems/forbidden");
      assertThat(forbidden.json().get("detail").asString())
          .contains("needs permission articles:write");

      String writer = security.jwt().issue(Principal.of("alice").withPermissions("articles:*"));
      TestResponse created =
          client.post("/api/articles").header("Authorization", "Bearer " + writer).send();
      assertThat(created.status()).isEqualTo(200);
      assertThat(created.text()).isEqualTo("created by alice");
    }
  }

  @Test
  void rolesGuardGroups() {
    try (var client = TestClient.inProcess(app())) {
      String user = security.jwt().issue(Principal.of("bob").withRoles("user"));
      String admin = security.jwt().issue(Principal.of("root").withRoles("admin"));
      assertThat(client.get("/admin/stats").send().status()).isEqualTo(401);
      assertThat(
              client.get("/admin/stats").header("Authorization", "Bearer " + user).send().status())
          .isEqualTo(403);
      assertThat(
              client.get("/admin/stats").header("Authorization", "Bearer " + admin).send().status())
          .isEqualTo(200);
    }
  }

  @Test
  void onlyTheAuthorMayEdit() {
    try (var client = TestClient.inProcess(app())) {
      String bob = security.jwt().issue(Principal.of("bob").withPermissions("articles:write"));
      TestResponse crossUser =
          client
              .put("/api/articles/hello")
              .header("Authorization", "Bearer " + bob)
              .json(Map.of("title", "pwned"))
              .send();
      assertThat(crossUser.status()).isEqualTo(403);
      assertThat(articles.get("hello").title()).isEqualTo("Hello");

      String alice = security.jwt().issue(Principal.of("alice"));
      TestResponse own =
          client
              .put("/api/articles/hello")
              .header("Authorization", "Bearer " + alice)
              .json(Map.of("title", "Hello again"))
              .send();
      assertThat(own.status()).isEqualTo(200);
      assertThat(articles.get("hello").title()).isEqualTo("Hello again");
    }
  }

  @Test
  void anExtraRoleFieldInTheBodyIsNotAssigned() {
    try (var client = TestClient.inProcess(app())) {
      String bob = security.jwt().issue(Principal.of("bob"));
      TestResponse r =
          client
              .put("/api/profile")
              .header("Authorization", "Bearer " + bob)
              .json(Map.of("bio", "hi", "role", "admin", "roles", Set.of("admin")))
              .send();
      // keel-core's JSON ignores unknown fields; the record has nowhere to put them
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().get("roles").asString()).isEqualTo("user");
      assertThat(roles).doesNotContainKey("bob");
    }
  }

  @Test
  void secureHeadersAreOnAndForeignHostsRefusedWhenConfigured() {
    Keel app =
        Keel.create(
            JwtTest.config(
                "--keel.server.allowed-hosts=localhost,app.example.com",
                "--keel.security.jwt.secret=" + JwtTest.SECRET));
    app.install(Security.create());
    app.get("/", ctx -> "home");
    try (var client = TestClient.inProcess(app)) {
      TestResponse home = client.get("/").send(); // the in-process client sends Host: localhost
      assertThat(home.status()).isEqualTo(200);
      assertThat(home.header("X-Content-Type-Options")).contains("nosniff");
      assertThat(home.header("Content-Security-Policy")).contains("default-src 'self'");
    }
    Keel other = Keel.create(JwtTest.config("--keel.server.allowed-hosts=app.example.com"));
    other.install(Security.create());
    other.get("/", ctx -> "home");
    try (var client = TestClient.inProcess(other)) {
      TestResponse evil = client.get("/").send();
      assertThat(evil.status()).isEqualTo(421); // keel-core's keel.server.allowed-hosts
      assertThat(evil.json().get("detail").asString())
          .contains("does not serve the host 'localhost'");
    }
  }

  @Test
  void principalCanUsesWildcards() {
    var p = Principal.of("1").withPermissions("articles:*", "comments:read");
    assertThat(p.can("articles:write")).isTrue();
    assertThat(p.can("articles:drafts:delete")).isTrue();
    assertThat(p.can("comments:read")).isTrue();
    assertThat(p.can("comments:write")).isFalse();
    assertThat(Principal.of("root").withPermissions("*").can("anything")).isTrue();
  }
}
