package dev.keel.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Cross-origin resource sharing: lets browser scripts on other origins call this application, as
 * far as a {@link CorsPolicy} allows.
 *
 * <pre>{@code
 * app.use(Cors.allow(CorsPolicy.origins("https://app.example.com").withCredentials(true)));
 * app.use(Cors.allow(CorsPolicy.from(app.config())));   // keel.cors.* settings
 * }</pre>
 *
 * <table>
 *   <caption>Behaviour</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>no {@code Origin}</td><td>passed on untouched (same-origin or not a browser)</td></tr>
 *   <tr><td>preflight ({@code OPTIONS} with {@code Origin} and {@code
 *       Access-Control-Request-Method}), everything allowed</td><td>204 with {@code
 *       Access-Control-Allow-Origin}, {@code -Methods}, {@code -Headers}, {@code -Max-Age} and,
 *       with credentials, {@code -Credentials}; answered here, the handler does not run</td></tr>
 *   <tr><td>preflight with an origin, method or header not allowed</td><td>403 problem+json
 *       without CORS headers, so the browser blocks the call</td></tr>
 *   <tr><td>other request from an allowed origin</td><td>passed on; the response (error responses
 *       too) carries {@code Access-Control-Allow-Origin}, {@code -Credentials} and {@code
 *       -Expose-Headers}</td></tr>
 *   <tr><td>other request from another origin</td><td>passed on without CORS headers; the browser
 *       hides the response from the calling script</td></tr>
 * </table>
 *
 * <p>Unless every origin is allowed, every response carries {@code Vary: Origin} (added to any
 * {@code Vary} the handler sets), so caches never serve one origin's answer to another.
 *
 * <p><b>Install it with {@code app.use}</b>, not in a group: application middleware also wraps
 * requests for unknown paths and the automatic {@code OPTIONS} answer, so preflights are answered
 * for every path, including those without a route (the real request then gets its 404 with CORS
 * headers, which the browser can read). Group middleware only sees requests its routes match.
 * Stateless and thread-safe.
 */
public final class Cors {
  private Cors() {}

  /** A middleware applying {@code policy}; see the class description. */
  public static Middleware allow(CorsPolicy policy) {
    String methods = String.join(", ", policy.methods());
    String exposed = String.join(", ", policy.exposedHeaders());
    boolean anyHeader = policy.headers().equals(List.of("*"));
    List<String> headers = policy.headers().stream().map(Cors::lower).toList();
    String maxAge = Long.toString(policy.maxAge().toSeconds());
    boolean dependsOnOrigin = !policy.allowsAnyOrigin();
    return next ->
        ctx -> {
          Optional<String> origin = ctx.header("Origin");
          if (dependsOnOrigin) vary(ctx, "Origin");
          if (origin.isEmpty()) return next.handle(ctx);
          boolean allowed = policy.allowsOrigin(origin.get());
          Optional<String> requested = ctx.header("Access-Control-Request-Method");
          if (ctx.method().equals("OPTIONS") && requested.isPresent()) {
            vary(ctx, "Access-Control-Request-Method", "Access-Control-Request-Headers");
            if (!allowed) {
              throw new Forbidden(
                  ProblemTypes.CORS_REFUSED,
                  "The origin "
                      + origin.get()
                      + " may not call this API from a browser; add it to keel.cors.origins"
                      + " (or CorsPolicy.origins) to allow it.");
            }
            String method = requested.get().strip();
            if (!policy.methods().contains(method)) {
              throw new Forbidden(
                  ProblemTypes.CORS_REFUSED,
                  "Cross-origin "
                      + method
                      + " requests are not allowed; allowed methods: "
                      + methods
                      + " (keel.cors.methods).");
            }
            List<String> asked = list(ctx.header("Access-Control-Request-Headers").orElse(""));
            if (!anyHeader) {
              List<String> refused =
                  asked.stream().filter(h -> !headers.contains(lower(h))).toList();
              if (!refused.isEmpty()) {
                throw new Forbidden(
                    ProblemTypes.CORS_REFUSED,
                    "Cross-origin requests may not send the headers "
                        + refused
                        + "; allowed: "
                        + policy.headers()
                        + " (keel.cors.headers).");
              }
            }
            allowOrigin(ctx, policy, origin.get());
            ctx.header("Access-Control-Allow-Methods", methods);
            String allowHeaders = anyHeader ? String.join(", ", asked) : String.join(", ", headers);
            if (!allowHeaders.isEmpty()) ctx.header("Access-Control-Allow-Headers", allowHeaders);
            ctx.header("Access-Control-Max-Age", maxAge);
            ctx.status(204);
            return null;
          }
          if (allowed) {
            allowOrigin(ctx, policy, origin.get());
            if (!exposed.isEmpty()) ctx.header("Access-Control-Expose-Headers", exposed);
          }
          try {
            return next.handle(ctx);
          } finally {
            if (dependsOnOrigin) vary(ctx, "Origin"); // the handler may have replaced Vary
          }
        };
  }

  private static void allowOrigin(Context ctx, CorsPolicy policy, String origin) {
    ctx.header("Access-Control-Allow-Origin", policy.allowsAnyOrigin() ? "*" : origin);
    if (policy.credentials()) ctx.header("Access-Control-Allow-Credentials", "true");
  }

  /** Adds names to the response's {@code Vary} header unless it already lists them or {@code *}. */
  private static void vary(Context ctx, String... names) {
    String current = ctx.responseHeader("Vary").orElse("");
    List<String> present = list(current).stream().map(Cors::lower).toList();
    if (present.contains("*")) return;
    var out = new StringBuilder(current.strip());
    for (String name : names) {
      if (present.contains(lower(name))) continue;
      if (!out.isEmpty()) out.append(", ");
      out.append(name);
    }
    ctx.header("Vary", out.toString());
  }

  private static List<String> list(String header) {
    var out = new ArrayList<String>();
    for (String part : header.split(",")) {
      if (!part.isBlank()) out.add(part.strip());
    }
    return out;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
