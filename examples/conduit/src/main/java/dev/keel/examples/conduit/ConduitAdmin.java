package dev.keel.examples.conduit;

import dev.keel.admin.Admin;
import dev.keel.core.Context;
import dev.keel.db.Database;
import dev.keel.db.Id;
import dev.keel.db.Table;
import dev.keel.security.LoginThrottle;
import dev.keel.security.PasswordHasher;
import dev.keel.security.Principal;
import dev.keel.security.SecurityEvents;
import dev.keel.security.Sessions;
import dev.keel.views.View;
import dev.keel.views.Views;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The admin at {@code /admin} (keel-admin) over users, articles, comments and tags, and its login
 * page at {@code /login}: a browser session (keel-security) for users whose {@code admin} column is
 * true. The API keeps its tokens; the two never mix (a session is only a cookie).
 */
final class ConduitAdmin {
  /** A user as the admin shows it; the password hash is never shown nor edited. */
  @Table("users")
  record User(
      @Id long id,
      @NotBlank @Size(max = 40) @Pattern(regexp = "[\\w.-]+") String username,
      @NotBlank @Email String email,
      String passwordHash,
      @Size(max = 2000) String bio,
      @Size(max = 2000) String image,
      boolean admin) {}

  @Table("article")
  record Article(
      @Id long id,
      @NotBlank
          @Size(max = 260)
          @Pattern(
              regexp = "[a-z0-9]+(-[a-z0-9]+)*",
              message = "use lower-case letters, digits and single dashes, e.g. my-first-post")
          String slug,
      @NotBlank @Size(max = 200) String title,
      @NotBlank @Size(max = 1000) String description,
      @NotBlank String body,
      long authorId,
      Instant createdAt,
      Instant updatedAt) {}

  @Table("comment")
  record Comment(
      @Id long id,
      long articleId,
      long authorId,
      @NotBlank @Size(max = 10_000) String body,
      Instant createdAt,
      Instant updatedAt) {}

  /** One tag of one article (the table {@code article_tag}). */
  @Table("article_tag")
  record Tag(@Id long id, long articleId, @NotBlank @Size(max = 40) String tag) {}

  private final Database db;
  private final Sessions sessions;
  private final Views views = Views.precompiled("dev.keel.examples.conduit.templates");
  private final PasswordHasher passwords = PasswordHasher.argon2id();
  private final LoginThrottle throttle = LoginThrottle.defaults();

  ConduitAdmin(Database db, Sessions sessions) {
    this.db = db;
    this.sessions = sessions;
  }

  /** The admin's pages; install after Database and Security. */
  static Admin admin() {
    return Admin.create()
        .register(
            User.class,
            m ->
                m.list("username", "email", "admin")
                    .search("username", "email")
                    .hide("passwordHash"))
        .register(
            Article.class,
            m ->
                m.list("title", "slug", "authorId", "createdAt")
                    .search("title", "slug", "description")
                    .readOnly("createdAt", "updatedAt"))
        .register(
            Comment.class,
            m ->
                m.list("body", "articleId", "authorId", "createdAt")
                    .search("body")
                    .readOnly("createdAt", "updatedAt"))
        .register(Tag.class, m -> m.list("tag", "articleId").search("tag"));
  }

  /** {@code GET /login}: the form; it starts a session for its CSRF token. */
  View form(Context ctx) {
    return page(ctx, "", "", ctx.query("next").orElse(""));
  }

  /**
   * {@code POST /login}: signs an admin in with email and password and goes on to {@code next};
   * anyone else gets the form again with the reason.
   */
  View login(Context ctx) {
    String email = ctx.form().field("email").orElse("").strip();
    String password = ctx.form().field("password").orElse("");
    String next = ctx.form().field("next").orElse("");
    throttle.check(ctx, email); // 429 after 5 tries per account a minute, 20 per address
    Optional<Row> row =
        db
            .sql("select id, password_hash, admin from users where email = :email")
            .bind("email", email)
            .list(Row.class)
            .stream()
            .findFirst();
    // an account made in the admin has no password (the hash is hidden there): it cannot sign in
    Optional<String> hash = row.map(Row::passwordHash).filter(h -> h.startsWith("$argon2"));
    if (!passwords.verify(password, hash)) {
      SecurityEvents.loginFailed(ctx, email, "bad_credentials");
      ctx.status(401);
      return page(ctx, "Wrong email or password.", email, next);
    }
    if (!row.get().admin()) {
      SecurityEvents.loginFailed(ctx, email, "not_admin");
      ctx.status(403);
      return page(
          ctx, "This account may not use the admin; an admin can tick its Admin box.", email, next);
    }
    SecurityEvents.loginSucceeded(ctx, email);
    sessions.login(ctx, Principal.of(Long.toString(row.get().id())).withRoles("admin"));
    ctx.status(303).header("Location", local(next));
    return null;
  }

  /** {@code POST /logout}: ends the session. */
  View logout(Context ctx) {
    sessions.logout(ctx);
    ctx.status(303).header("Location", "/login");
    return null;
  }

  /**
   * Whether a session's admin role still holds: a user whose Admin box was unticked loses the admin
   * at the next request, not when the session expires.
   */
  boolean stillAdmin(Principal p) {
    if (!p.hasRole("admin")) return true;
    return db.sql("select count(*) from users where id = :id and admin = :yes")
            .bind("id", ConduitApp.userId(p))
            .bind("yes", true)
            .one(Long.class)
        > 0;
  }

  record Row(long id, String passwordHash, boolean admin) {}

  private View page(Context ctx, String error, String email, String next) {
    String csrf = sessions.start(ctx).csrfToken();
    return views.render(
        "login.jte", Map.of("error", error, "email", email, "next", local(next), "csrf", csrf));
  }

  /** A path on this site only (no {@code //host} or {@code /\host}): no open redirect. */
  private static String local(String next) {
    return next.matches("/[^/\\\\][^\\\\]*") ? next : "/admin";
  }
}
