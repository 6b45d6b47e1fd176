package {{package}}.admin;

import dev.keel.core.Config;
import dev.keel.core.Context;
import dev.keel.security.Principal;
import dev.keel.security.Sessions;
import dev.keel.views.View;
import dev.keel.views.Views;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The sign-in page of the admin at /admin: one password, keel.app.admin-password
 * (KEEL_APP_ADMIN_PASSWORD). keel-dev.properties sets a dev-only one; without it (prod, unless you
 * set the variable) nobody can sign in. Replace it with your users' accounts when you have them.
 */
public final class AdminLogin {
  private final String password;
  private final Views views;
  private final Sessions sessions;

  public AdminLogin(Config config, Views views, Sessions sessions) {
    this.password = config.string("keel.app.admin-password", "");
    this.views = views;
    this.sessions = sessions;
  }

  /** GET /login: the form; it starts a session for its CSRF token. */
  public View form(Context ctx) {
    return page(ctx, "", ctx.query("next").orElse(""));
  }

  /** POST /login: a session with the role admin, then back to the page asked for. */
  public View login(Context ctx) {
    String given = ctx.form().field("password").orElse("");
    String next = ctx.form().field("next").orElse("");
    if (password.isEmpty()) {
      ctx.status(403);
      return page(ctx, "The admin is off: set KEEL_APP_ADMIN_PASSWORD to turn it on.", next);
    }
    if (!MessageDigest.isEqual(bytes(given), bytes(password))) {
      ctx.status(401);
      return page(ctx, "Wrong password.", next);
    }
    sessions.login(ctx, Principal.of("admin").withRoles("admin"));
    ctx.status(303).header("Location", local(next));
    return null;
  }

  /** POST /logout (the admin's "Sign out" button, with the CSRF token): ends the session. */
  public View logout(Context ctx) {
    sessions.logout(ctx);
    ctx.status(303).header("Location", "/");
    return null;
  }

  private View page(Context ctx, String error, String next) {
    String csrf = sessions.start(ctx).csrfToken();
    return views.render("login.jte", Map.of("error", error, "next", local(next), "csrf", csrf));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A path on this site only (no //host or /\host): no open redirect. */
  private static String local(String next) {
    return next.matches("/[^/\\\\][^\\\\]*") ? next : "/admin";
  }
}
