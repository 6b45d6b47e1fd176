package dev.keel.admin;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.db.Dialect;
import dev.keel.db.Repository;
import dev.keel.security.MemorySessionStore;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import dev.keel.security.Sessions;
import dev.keel.test.TestClient;
import dev.keel.test.TestRequest;
import dev.keel.test.TestResponse;
import java.util.Map;

/**
 * An application with the admin over {@link Article}, on a fresh database, with strict loading on,
 * and a test-only login route: {@code POST /login/{id}?role=..&permission=..}.
 */
final class TestApp implements AutoCloseable {
  final TestDatabase db;
  final Keel app;
  final Database database;
  final TestClient client;
  final Statements statements = new Statements();

  TestApp(Dialect dialect) {
    db = TestDatabase.create(dialect);
    Sessions sessions = Sessions.builder(new MemorySessionStore()).build();
    database = Database.builder().wrapDataSource(statements::wrap).build();
    app =
        Keel.create(
                Config.builder()
                    .defaults(
                        Map.of(
                            "keel.db.url", db.url,
                            "keel.profile", "test",
                            "keel.db.migrations", "classpath:admin-test/migration",
                            "keel.db.strict-loading", "true"))
                    .build())
            .install(database)
            .install(Security.builder().sessions(sessions).build())
            .install(
                Admin.create()
                    .register(
                        Article.class,
                        m ->
                            m.list("title", "likes", "published", "createdAt")
                                .search("title", "body")
                                .filters("published", "publishOn")
                                .readOnly("createdAt")
                                .action("publish", "Publish", this::publish)
                                .action(
                                    "fail",
                                    "Fail half-way",
                                    (rows, ctx) -> {
                                      publish(rows, ctx);
                                      throw new IllegalArgumentException("Nothing can be done.");
                                    })
                                .pageSize(10))
                    .register(Product.class, m -> m.filters("status", "availableAt"))
                    .register(
                        Comment.class,
                        m ->
                            m.list("body", "articleId", "approved")
                                .filters("approved", "articleId")
                                .display("approved", v -> (Boolean) v ? "<yes>" : "no"))
                    .register(Account.class, m -> m.hide("passwordHash").readOnly("createdAt")))
            .post(
                "/login/{id}",
                ctx -> {
                  Principal p = Principal.of(ctx.pathParam("id"));
                  if (ctx.query("role").isPresent()) p = p.withRoles(ctx.query("role").get());
                  if (ctx.query("permission").isPresent()) {
                    p = p.withPermissions(ctx.query("permission").get());
                  }
                  return Map.of("csrf", sessions.login(ctx, p).csrfToken());
                })
            .post(
                "/logout",
                ctx -> {
                  sessions.logout(ctx);
                  return Map.of("signedOut", true);
                });
    client = TestClient.inProcess(app);
  }

  private void publish(java.util.List<Article> rows, dev.keel.core.Context ctx) {
    for (Article a : rows) {
      articles()
          .update(
              new Article(
                  a.id(),
                  a.title(),
                  a.body(),
                  a.likes(),
                  true,
                  a.publishOn(),
                  a.createdAt(),
                  a.version()));
    }
  }

  Repository<Article> articles() {
    return database.repository(Article.class);
  }

  /** A signed-in user: its session cookie and CSRF token. */
  record User(TestClient client, String session, String csrf) {
    TestResponse get(String path) {
      return client.get(path).cookie("keel_session", session).send();
    }

    TestResponse post(String path, Map<String, String> form) {
      var fields = new java.util.HashMap<>(form);
      fields.putIfAbsent("_csrf", csrf);
      return client.post(path).cookie("keel_session", session).form(fields).send();
    }

    TestRequest request(String method, String path) {
      return client.request(method, path).cookie("keel_session", session);
    }
  }

  User login(String id, String query) {
    TestResponse r = client.post("/login/" + id + query).send();
    String header = r.headers().get("set-cookie").getFirst();
    String session = header.substring(header.indexOf('=') + 1, header.indexOf(';'));
    return new User(client, session, r.json().at("/csrf").asString());
  }

  User admin() {
    return login("ann", "?role=admin");
  }

  @Override
  public void close() {
    try {
      client.close();
      app.stop();
    } finally {
      db.close();
    }
  }
}
