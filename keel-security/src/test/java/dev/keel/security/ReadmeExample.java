package dev.keel.security;

import dev.keel.core.Keel;
import dev.keel.core.Unauthorized;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The README's example, compiled and run by ReadmeExampleTest. */
final class ReadmeExample {
  record Credentials(String email, String password) {}

  record Article(String slug, String authorId, String title) {}

  record ArticleUpdate(String title) {} // only what a client may change: no authorId here

  static Keel app(String... args) {
    Keel app = Keel.create(args);
    Security security = Security.create(); // keel.security.* settings
    app.install(security);

    PasswordHasher passwords = PasswordHasher.argon2id();
    Map<String, String> users = new ConcurrentHashMap<>(); // email -> Argon2id hash
    users.put("alice@example.com", passwords.hash("correct horse battery staple"));
    Map<String, Article> articles = new ConcurrentHashMap<>();
    articles.put("hello", new Article("hello", "alice@example.com", "Hello"));
    LoginThrottle throttle = LoginThrottle.defaults();

    app.post(
        "/api/login",
        ctx -> {
          Credentials c = ctx.body(Credentials.class);
          throttle.check(ctx, c.email()); // 429 after 5 tries per account, 20 per IP
          Optional<String> hash = Optional.ofNullable(users.get(c.email()));
          if (!passwords.verify(c.password(), hash)) { // same cost for unknown emails
            SecurityEvents.loginFailed(ctx, c.email(), "bad_credentials");
            throw new Unauthorized("wrong email or password");
          }
          SecurityEvents.loginSucceeded(ctx, c.email());
          Principal user = Principal.of(c.email()).withPermissions("articles:write");
          return Map.of("token", security.jwt().issue(user));
        });

    app.group(
        "/api/articles",
        api -> {
          api.use(Security.requires("articles:write")); // 401 without a token, 403 without it
          api.put(
              "/{slug}",
              ctx -> {
                Article a = articles.get(ctx.pathParam("slug"));
                Security.requireOwner(ctx, a.authorId()); // 403 for everyone but the author
                Article changed =
                    new Article(a.slug(), a.authorId(), ctx.body(ArticleUpdate.class).title());
                articles.put(a.slug(), changed);
                return changed;
              });
        });
    return app;
  }

  public static void main(String[] args) {
    app(args).start();
  }
}
