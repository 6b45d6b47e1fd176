package dev.keel.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Adds security headers to every response, error responses included, without overwriting a header
 * the handler (or an inner middleware) already set — so one route can relax a policy by setting its
 * own value.
 *
 * <pre>{@code
 * app.use(SecureHeaders.middleware());                       // the defaults below
 * app.use(SecureHeaders.middleware()
 *     .with("Content-Security-Policy", "default-src 'self'; img-src 'self' https://cdn.example.com")
 *     .without("X-Frame-Options"));
 * app.use(SecureHeaders.from(app.config()));                 // keel.secure-headers.* settings
 * }</pre>
 *
 * <table>
 *   <caption>Headers, defaults and config keys (read by {@link #from(Config)})</caption>
 *   <tr><th>header</th><th>default</th><th>key under {@code keel.secure-headers.}</th></tr>
 *   <tr><td>{@code X-Content-Type-Options}</td><td>{@code nosniff}</td>
 *       <td>{@code content-type-options}</td></tr>
 *   <tr><td>{@code X-Frame-Options}</td><td>{@code DENY}</td><td>{@code frame-options}</td></tr>
 *   <tr><td>{@code Referrer-Policy}</td><td>{@code no-referrer}</td>
 *       <td>{@code referrer-policy}</td></tr>
 *   <tr><td>{@code Content-Security-Policy}</td><td>{@code default-src 'self'}</td>
 *       <td>{@code content-security-policy}</td></tr>
 *   <tr><td>{@code Cross-Origin-Opener-Policy}</td><td>{@code same-origin}</td>
 *       <td>{@code cross-origin-opener-policy}</td></tr>
 *   <tr><td>{@code Strict-Transport-Security}</td><td>not sent; with {@link #from(Config)},
 *       {@code max-age=31536000} when {@code keel.server.tls.cert} is set</td>
 *       <td>{@code strict-transport-security}</td></tr>
 * </table>
 *
 * <p>A key set to {@code off} removes its header. {@code Strict-Transport-Security} is sent on
 * every response when configured: browsers ignore it over plain HTTP, and behind a proxy that ends
 * TLS the server cannot tell. Only enable it for hosts that serve HTTPS for good. Immutable and
 * thread-safe.
 */
public final class SecureHeaders implements Middleware {
  /** The value of a {@code keel.secure-headers.*} key that removes its header. */
  public static final String OFF = "off";

  private static final Map<String, String> KEYS =
      orderedMap(
          "content-type-options", "X-Content-Type-Options",
          "frame-options", "X-Frame-Options",
          "referrer-policy", "Referrer-Policy",
          "content-security-policy", "Content-Security-Policy",
          "cross-origin-opener-policy", "Cross-Origin-Opener-Policy",
          "strict-transport-security", "Strict-Transport-Security");
  private static final SecureHeaders DEFAULTS =
      new SecureHeaders(
          orderedMap(
              "X-Content-Type-Options", "nosniff",
              "X-Frame-Options", "DENY",
              "Referrer-Policy", "no-referrer",
              "Content-Security-Policy", "default-src 'self'",
              "Cross-Origin-Opener-Policy", "same-origin"));
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private final Map<String, String> headers;

  private SecureHeaders(Map<String, String> headers) {
    this.headers = Collections.unmodifiableMap(headers);
  }

  /** The defaults listed in the class description. */
  public static SecureHeaders middleware() {
    return DEFAULTS;
  }

  /** The defaults changed by the {@code keel.secure-headers.*} settings. */
  public static SecureHeaders from(Config config) {
    Config c = config.section("keel.secure-headers");
    SecureHeaders result = DEFAULTS;
    if (config.string("keel.server.tls.cert").isPresent()) {
      result = result.with("Strict-Transport-Security", "max-age=31536000");
    }
    for (Map.Entry<String, String> key : KEYS.entrySet()) {
      var value = c.string(key.getKey());
      if (value.isEmpty()) continue;
      if (value.get().strip().equalsIgnoreCase(OFF)) {
        result = result.without(key.getValue());
      } else {
        try {
          result = result.with(key.getValue(), value.get().strip());
        } catch (IllegalArgumentException e) {
          c.reject(key.getKey(), e.getMessage());
        }
      }
    }
    return result;
  }

  /**
   * These headers with {@code name} set to {@code value}, replacing any value it had.
   *
   * @throws IllegalArgumentException when the name is not a header name or the value is empty or
   *     has control characters
   */
  public SecureHeaders with(String name, String value) {
    Objects.requireNonNull(value, "value");
    String canonical = canonical(name);
    if (value.isBlank() || value.chars().anyMatch(ch -> ch < 0x20 && ch != '\t' || ch == 0x7f)) {
      throw new IllegalArgumentException(
          "secure header "
              + canonical
              + " has the value '"
              + value
              + "', which is empty or has control characters; to drop the header use without(\""
              + canonical
              + "\") or the value "
              + OFF);
    }
    var copy = new LinkedHashMap<>(headers);
    copy.put(canonical, value);
    return new SecureHeaders(copy);
  }

  /** These headers without {@code name} (case-insensitive); unchanged when it is not among them. */
  public SecureHeaders without(String name) {
    var copy = new LinkedHashMap<>(headers);
    copy.remove(canonical(name));
    return new SecureHeaders(copy);
  }

  /** The headers added, by name, in the order they are set. */
  public Map<String, String> headers() {
    return headers;
  }

  @Override
  public Handler apply(Handler next) {
    return ctx -> {
      try {
        return next.handle(ctx);
      } finally {
        for (Map.Entry<String, String> h : headers.entrySet()) {
          if (ctx.responseHeader(h.getKey()).isEmpty()) ctx.header(h.getKey(), h.getValue());
        }
      }
    };
  }

  @Override
  public String toString() {
    return "SecureHeaders" + headers;
  }

  /** The name as in this class's table when it is one of those, else as given. */
  private String canonical(String name) {
    Objects.requireNonNull(name, "name");
    if (!TOKEN.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a valid header name; use one such as Content-Security-Policy");
    }
    for (String known : KEYS.values()) {
      if (known.equalsIgnoreCase(name)) return known;
    }
    for (String present : headers.keySet()) {
      if (present.equalsIgnoreCase(name)) return present;
    }
    return name;
  }

  private static Map<String, String> orderedMap(String... pairs) {
    var map = new LinkedHashMap<String, String>();
    for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
    return map;
  }
}
