package dev.keel.security;

import dev.keel.core.Config;
import dev.keel.core.Context;
import dev.keel.core.Forbidden;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CSRF checks for cookie-authenticated unsafe requests (anything but GET, HEAD, OPTIONS, TRACE):
 * the browser's {@code Sec-Fetch-Site} must be {@code same-origin} or {@code none}, an {@code
 * Origin} must match {@code Host} or a trusted origin (an opaque {@code Origin: null} counts only
 * beside a same-origin {@code Sec-Fetch-Site}), and the session's token must come back in {@code
 * X-CSRF-Token} or a {@code _csrf} form field.
 */
final class Csrf {
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final boolean enabled;
  private final Set<String> trustedOrigins;

  private Csrf(boolean enabled, Set<String> trustedOrigins) {
    this.enabled = enabled;
    this.trustedOrigins = trustedOrigins;
  }

  static Csrf from(Config config) {
    Config c = config.section("keel.security.csrf");
    return new Csrf(
        c.bool("enabled", true),
        Set.copyOf(c.list("trusted-origins", List.of()).stream().map(Security::lower).toList()));
  }

  boolean enabled() {
    return enabled;
  }

  void check(Context ctx, Optional<Session> session) {
    if (!enabled || SAFE.contains(ctx.method())) return;
    Optional<String> fetchSite = ctx.header("Sec-Fetch-Site").map(Security::lower);
    String site = fetchSite.orElse("same-origin");
    if (!site.equals("same-origin") && !site.equals("none")) {
      throw refused(ctx, "the request came from another site (Sec-Fetch-Site: " + site + ")");
    }
    Optional<String> origin = ctx.header("Origin").map(Security::lower);
    // Browsers send "Origin: null" for a same-origin form POST when the page's Referrer-Policy is
    // no-referrer (Keel's default); the browser's own Sec-Fetch-Site then carries the answer.
    boolean opaqueButSameSite = origin.equals(Optional.of("null")) && fetchSite.isPresent();
    if (origin.isPresent() && !opaqueButSameSite && !sameOrigin(origin.get(), ctx.header("Host"))) {
      if (!trustedOrigins.contains(origin.get())) {
        throw refused(
            ctx,
            "the Origin "
                + origin.get()
                + " is not this host; add it to keel.security.csrf.trusted-origins if it is yours");
      }
    }
    if (session.isEmpty()) return; // an unknown or expired cookie carries no authority
    Optional<String> sent = ctx.header("X-CSRF-Token");
    if (sent.isEmpty() && isForm(ctx)) sent = ctx.form().field("_csrf");
    if (sent.isEmpty()
        || !MessageDigest.isEqual(
            sent.get().getBytes(StandardCharsets.UTF_8),
            session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
      throw refused(
          ctx,
          "the CSRF token is missing or wrong; put Security.csrfToken(ctx) in a hidden _csrf form"
              + " field or an X-CSRF-Token header");
    }
  }

  private static boolean isForm(Context ctx) {
    String type = ctx.header("Content-Type").map(Security::lower).orElse("");
    return type.startsWith("application/x-www-form-urlencoded")
        || type.startsWith("multipart/form-data");
  }

  private static boolean sameOrigin(String origin, Optional<String> host) {
    if (host.isEmpty() || origin.equals("null")) return false;
    try {
      URI uri = URI.create(origin);
      String authority = uri.getRawAuthority();
      return authority != null && authority.equalsIgnoreCase(host.get());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Forbidden refused(Context ctx, String why) {
    SecurityEvents.warn("csrf_rejected", ctx, "", why);
    return new Forbidden(SecurityProblems.CSRF, "cross-site request refused: " + why);
  }
}
