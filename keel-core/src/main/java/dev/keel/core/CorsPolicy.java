package dev.keel.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@link Cors} allows: which origins may call, with which methods and headers, whether
 * credentials (cookies, {@code Authorization}) may be sent, and how long browsers may cache a
 * preflight answer. Validated on construction; immutable and thread-safe.
 *
 * <pre>{@code
 * CorsPolicy.origins("https://app.example.com")
 *     .withCredentials(true)
 *     .withExposedHeaders("X-Request-Id")
 * }</pre>
 *
 * <table>
 *   <caption>Settings, defaults and config keys (read by {@link #from(Config)})</caption>
 *   <tr><th>component</th><th>default</th><th>key</th></tr>
 *   <tr><td>{@code origins}: {@code scheme://host[:port]} each, or just {@code *}</td>
 *       <td>none (no cross-origin call is allowed)</td><td>{@code keel.cors.origins}</td></tr>
 *   <tr><td>{@code methods}</td><td>{@code GET, HEAD, POST, PUT, PATCH, DELETE}</td>
 *       <td>{@code keel.cors.methods}</td></tr>
 *   <tr><td>{@code headers}: request headers allowed; {@code *} allows any the browser asks
 *       for</td><td>{@code *}</td><td>{@code keel.cors.headers}</td></tr>
 *   <tr><td>{@code exposedHeaders}: response headers scripts may read beyond the safelisted
 *       ones</td><td>none</td><td>{@code keel.cors.exposed-headers}</td></tr>
 *   <tr><td>{@code credentials}</td><td>{@code false}</td><td>{@code keel.cors.credentials}</td></tr>
 *   <tr><td>{@code maxAge}: preflight cache time, whole seconds</td><td>10 minutes</td>
 *       <td>{@code keel.cors.max-age}</td></tr>
 * </table>
 *
 * @see <a href="https://fetch.spec.whatwg.org/#http-cors-protocol">Fetch: the CORS protocol</a>
 */
public record CorsPolicy(
    List<String> origins,
    List<String> methods,
    List<String> headers,
    List<String> exposedHeaders,
    boolean credentials,
    Duration maxAge) {

  public static final List<String> DEFAULT_METHODS =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
  public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

  private static final Pattern ORIGIN =
      Pattern.compile( // scheme://host[:port], the host a name, an IPv4 or a bracketed IPv6 address
          "[a-z][a-z0-9+.-]*://" + "([a-z0-9.-]+|\\[[0-9a-f:.]+\\])" + "(:[0-9]{1,5})?");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /**
   * @throws IllegalArgumentException when an origin is not {@code scheme://host[:port]}, {@code *}
   *     is mixed with origins or combined with credentials, or a method or header name is not a
   *     valid token
   */
  public CorsPolicy {
    origins = origins.stream().map(o -> o.strip().toLowerCase(Locale.ROOT)).toList();
    methods = methods.stream().map(m -> m.strip().toUpperCase(Locale.ROOT)).distinct().toList();
    headers = List.copyOf(headers).stream().map(String::strip).toList();
    exposedHeaders = List.copyOf(exposedHeaders).stream().map(String::strip).toList();
    Objects.requireNonNull(maxAge, "maxAge");
    if (origins.contains("*")) {
      if (origins.size() > 1) {
        throw new IllegalArgumentException(
            "CORS origins " + origins + " mix * with named origins; use either * alone or a list");
      }
      if (credentials) {
        throw new IllegalArgumentException(
            "CORS cannot allow any origin (*) together with credentials: browsers refuse it, and"
                + " it would let every site act with your users' cookies; list the origins instead,"
                + " e.g. CorsPolicy.origins(\"https://app.example.com\").withCredentials(true)");
      }
    } else {
      for (String origin : origins) {
        if (!ORIGIN.matcher(origin).matches()) {
          throw new IllegalArgumentException(
              "CORS origin '"
                  + origin
                  + "' must be scheme://host[:port] without path, trailing slash or wildcard,"
                  + " e.g. https://app.example.com or http://localhost:5173");
        }
      }
    }
    requireTokens("method", methods);
    if (!headers.equals(List.of("*"))) requireTokens("header", headers);
    requireTokens("exposed header", exposedHeaders);
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("CORS maxAge " + maxAge + " is negative; use 0 or more");
    }
  }

  /** Allows calls from these origins, e.g. {@code https://app.example.com}, with the defaults. */
  public static CorsPolicy origins(String... origins) {
    return new CorsPolicy(
        List.of(origins), DEFAULT_METHODS, List.of("*"), List.of(), false, DEFAULT_MAX_AGE);
  }

  /** Allows calls from any origin ({@code *}), without credentials. For public, read-only APIs. */
  public static CorsPolicy anyOrigin() {
    return origins("*");
  }

  /**
   * The policy under {@code keel.cors.*} (see the class description). An invalid combination is
   * recorded against {@code keel.cors.origins} and stops start-up; until then nothing is allowed.
   */
  public static CorsPolicy from(Config config) {
    Config c = config.section("keel.cors");
    List<String> origins = c.list("origins", List.of());
    List<String> methods = c.list("methods", DEFAULT_METHODS);
    List<String> headers = c.list("headers", List.of("*"));
    List<String> exposed = c.list("exposed-headers", List.of());
    boolean credentials = c.bool("credentials", false);
    Duration maxAge = c.duration("max-age", DEFAULT_MAX_AGE);
    try {
      return new CorsPolicy(origins, methods, headers, exposed, credentials, maxAge);
    } catch (IllegalArgumentException e) {
      c.reject("origins", e.getMessage());
      return new CorsPolicy(List.of(), DEFAULT_METHODS, List.of(), List.of(), false, maxAge);
    }
  }

  public CorsPolicy withMethods(String... methods) {
    return new CorsPolicy(origins, List.of(methods), headers, exposedHeaders, credentials, maxAge);
  }

  /** The request headers allowed; {@code *} allows whatever the browser asks for. */
  public CorsPolicy withHeaders(String... headers) {
    return new CorsPolicy(origins, methods, List.of(headers), exposedHeaders, credentials, maxAge);
  }

  public CorsPolicy withExposedHeaders(String... exposed) {
    return new CorsPolicy(origins, methods, headers, List.of(exposed), credentials, maxAge);
  }

  /** Whether browsers may send cookies and {@code Authorization}; not with {@code *} origins. */
  public CorsPolicy withCredentials(boolean credentials) {
    return new CorsPolicy(origins, methods, headers, exposedHeaders, credentials, maxAge);
  }

  public CorsPolicy withMaxAge(Duration maxAge) {
    return new CorsPolicy(origins, methods, headers, exposedHeaders, credentials, maxAge);
  }

  /** Whether every origin is allowed ({@code *}). */
  public boolean allowsAnyOrigin() {
    return origins.equals(List.of("*"));
  }

  /** Whether {@code origin}, as a browser sends it, may call. */
  public boolean allowsOrigin(String origin) {
    return allowsAnyOrigin() || origins.contains(origin.toLowerCase(Locale.ROOT));
  }

  private static void requireTokens(String what, List<String> names) {
    var bad = new ArrayList<String>();
    for (String n : names) {
      if (!TOKEN.matcher(n).matches() || n.equals("*")) bad.add("'" + n + "'");
    }
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException(
          "CORS "
              + what
              + " names "
              + bad
              + " are not valid HTTP tokens; use names such as GET or Content-Type");
    }
  }
}
