package dev.keel.security;

import dev.keel.core.Keel;
import java.util.Map;
import java.util.TreeSet;

/** The README's OpenID Connect example, compiled and run by OidcLoginTest. */
final class OidcExample {
  static Keel app(String... args) {
    Keel app = Keel.create(args);
    Sessions sessions = Sessions.from(app.config(), new MemorySessionStore());
    app.install(Security.builder().sessions(sessions).build());
    app.install(Oidc.login(sessions)); // keel.security.oidc.*: GET /login/oidc, POST /logout/oidc

    app.get(
        "/",
        ctx ->
            Security.principal(ctx)
                .map(p -> "signed in as " + p.id() + " with roles " + new TreeSet<>(p.roles()))
                .orElse("anonymous"));
    app.get("/me", ctx -> Map.of("id", Security.authenticated(ctx).id())); // 401 if anonymous
    app.get(
        "/account",
        ctx -> {
          Principal p = Security.authenticated(ctx);
          ctx.header("Content-Type", "text/html; charset=utf-8");
          return "<p id=who>"
              + p.id()
              + "</p><form method=post action=/logout/oidc>"
              + "<input type=hidden name=_csrf value="
              + Security.csrfToken(ctx).orElseThrow()
              + ">"
              + "<button id=logout>Sign out</button></form>";
        });
    app.get("/bye", ctx -> "signed out"); // keel.security.oidc.post-logout-redirect-uri
    return app;
  }
}
