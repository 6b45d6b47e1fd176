package dev.keel.admin.internal;

import dev.keel.core.Context;
import dev.keel.core.Middleware;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Who may use the admin: a principal with role {@code admin}, or with a permission {@code
 * admin:<model>:view|edit|delete} (keel-security's wildcards apply: {@code admin:*}, {@code
 * admin:article:*}). Edit and delete imply view.
 */
public final class Access {
  public static final String ROLE = "admin";

  private Access() {}

  /** A page the admin refuses with a status and a sentence, rendered as an HTML page. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String heading;

    Refused(int status, String heading, String message) {
      super(message, null, false, false);
      this.status = status;
      this.heading = heading;
    }

    public int status() {
      return status;
    }

    public String heading() {
      return heading;
    }
  }

  /** The request's query string, re-encoded, so that login returns to the same search or page. */
  private static String query(Context ctx) {
    var out = new StringBuilder();
    ctx.queryParams()
        .forEach(
            (name, values) -> {
              for (String v : values) {
                out.append(out.isEmpty() ? '?' : '&')
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
              }
            });
    return out.toString();
  }

  /**
   * The guard of every admin route: anonymous requests are redirected to {@code login} with the
   * page to come back to; principals with no admin role and no admin permission get 403; a refused
   * page becomes an HTML page with its status.
   */
  public static Middleware guard(String login, Site pages, String base) {
    return next ->
        ctx -> {
          if (Security.principal(ctx).isEmpty()) {
            String back = ctx.path() + (ctx.method().equals("GET") ? query(ctx) : "");
            ctx.status(303)
                .header(
                    "Location",
                    login
                        + (login.contains("?") ? "&" : "?")
                        + "next="
                        + URLEncoder.encode(back, StandardCharsets.UTF_8));
            return "";
          }
          try {
            Principal p = principal(ctx);
            if (!p.hasRole(ROLE) && p.permissions().stream().noneMatch(Access::adminPermission)) {
              throw new Refused(
                  403,
                  "Not allowed",
                  "You are signed in as "
                      + p.id()
                      + " but have neither the role 'admin' nor a permission admin:<model>:view;"
                      + " ask an administrator for one.");
            }
            return next.handle(ctx);
          } catch (Refused r) {
            ctx.status(r.status());
            return pages.message(ctx, r.heading(), r.getMessage(), base);
          }
        };
  }

  private static boolean adminPermission(String permission) {
    return permission.equals("*") || permission.startsWith("admin:");
  }

  static Principal principal(Context ctx) {
    return Security.principal(ctx).orElseThrow();
  }

  static boolean can(Principal p, Model<?> m, String action) {
    if (p.hasRole(ROLE)) return true;
    String prefix = "admin:" + m.slug().toLowerCase(Locale.ROOT) + ":";
    if (action.equals("view")) {
      return p.can(prefix + "view") || p.can(prefix + "edit") || p.can(prefix + "delete");
    }
    return p.can(prefix + action);
  }

  static void require(Context ctx, Model<?> m, String action) {
    Principal p = principal(ctx);
    if (!can(p, m, action)) {
      throw new Refused(
          403,
          "Not allowed",
          "You may not "
              + action
              + " "
              + m.label().toLowerCase(Locale.ROOT)
              + " rows: that needs the role 'admin' or the permission admin:"
              + m.slug()
              + ":"
              + action
              + ".");
    }
  }
}
