package dev.keel.httpclient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One request to a service: method, path (relative to the client's base URI), query, headers and an
 * optional body that the client writes as JSON. Immutable; the {@code with} methods return copies.
 *
 * <p>GET, HEAD, OPTIONS, PUT and DELETE are idempotent (RFC 9110 §9.2.2) and retried; POST and
 * PATCH are not, unless marked with {@link #idempotent(boolean)} — e.g. when they carry an {@code
 * Idempotency-Key} the server deduplicates.
 *
 * @param idempotent whether a failed attempt may be sent again
 */
public record ServiceRequest(
    String method,
    String path,
    List<Map.Entry<String, String>> query,
    Map<String, String> headers,
    Optional<Object> body,
    boolean idempotent) {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

  public ServiceRequest {
    method = method.toUpperCase(Locale.ROOT);
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException(
          "path: '" + path + "' (expected: a path starting with '/', relative to the base URI)");
    }
    query = List.copyOf(query);
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  /** A request of {@code method} to {@code path}; idempotent when the method is. */
  public static ServiceRequest of(String method, String path) {
    String m = method.toUpperCase(Locale.ROOT);
    return new ServiceRequest(
        m, path, List.of(), Map.of(), Optional.empty(), IDEMPOTENT.contains(m));
  }

  /** Adds a query parameter (encoded by the client); repeat it for a list. */
  public ServiceRequest query(String name, Object value) {
    var copy = new ArrayList<>(query);
    copy.add(Map.entry(name, String.valueOf(value)));
    return new ServiceRequest(method, path, copy, headers, body, idempotent);
  }

  public ServiceRequest header(String name, String value) {
    var copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ServiceRequest(method, path, query, copy, body, idempotent);
  }

  /** The body, written as JSON with the client's mapper (Keel's settings by default). */
  public ServiceRequest body(Object value) {
    return new ServiceRequest(
        method,
        path,
        query,
        headers,
        Optional.of(Objects.requireNonNull(value, "value")),
        idempotent);
  }

  public ServiceRequest idempotent(boolean value) {
    return new ServiceRequest(method, path, query, headers, body, value);
  }

  /** {@code value} as one encoded path segment: {@code "/users/" + segment(name)}. */
  public static String segment(Object value) {
    return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8).replace("+", "%20");
  }

  String target() {
    if (query.isEmpty()) return path;
    var b = new StringBuilder(path).append(path.contains("?") ? '&' : '?');
    for (int i = 0; i < query.size(); i++) {
      if (i > 0) b.append('&');
      b.append(segment(query.get(i).getKey())).append('=').append(segment(query.get(i).getValue()));
    }
    return b.toString();
  }
}
