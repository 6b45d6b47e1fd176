package dev.keel.core.internal.http;

import dev.keel.core.BadRequest;
import dev.keel.core.ProblemType;
import dev.keel.core.ProblemTypes;
import dev.keel.core.internal.router.PercentDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code application/x-www-form-urlencoded} text — a query string or a form body — as the
 * WHATWG URL standard does, but strictly: {@code &} separates pairs (a {@code ;} is data), {@code
 * +} is a space, and a malformed percent-escape, bytes that are not UTF-8 or an encoded NUL are a
 * 400 naming the parameter, never replaced by U+FFFD or passed on.
 */
public final class QueryString {
  private static final int MAX_ECHO = 80;

  private QueryString() {}

  /**
   * The parameters of the query string {@code text}, in order of first appearance, each with its
   * values in order.
   *
   * @throws BadRequest ({@code query-malformed}) when a name or value is malformed
   */
  public static Map<String, List<String>> query(String text) {
    return parse(text, "query string", ProblemTypes.QUERY_MALFORMED);
  }

  /**
   * The fields of the {@code x-www-form-urlencoded} body {@code text}, as {@link #query}.
   *
   * @throws BadRequest ({@code form-malformed}) when a name or value is malformed
   */
  public static Map<String, List<String>> form(String text) {
    return parse(text, "form body", ProblemTypes.FORM_MALFORMED);
  }

  private static Map<String, List<String>> parse(String text, String what, ProblemType type) {
    if (text.isEmpty()) return Map.of();
    var params = new LinkedHashMap<String, List<String>>();
    int start = 0;
    while (start <= text.length()) {
      int amp = text.indexOf('&', start);
      int end = amp < 0 ? text.length() : amp;
      if (end > start) {
        int eq = text.indexOf('=', start);
        int nameEnd = eq < 0 || eq > end ? end : eq;
        String name = decode(text, start, nameEnd, what, type, null);
        String value = nameEnd == end ? "" : decode(text, nameEnd + 1, end, what, type, name);
        params.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
      }
      start = end + 1;
    }
    params.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return Collections.unmodifiableMap(params);
  }

  /** The query of a request target: what follows the first '?', or "" when there is none. */
  public static String of(String uri) {
    int q = uri.indexOf('?');
    if (q < 0) return "";
    int hash = uri.indexOf('#', q); // clients must not send a fragment; ignore one if they do
    return uri.substring(q + 1, hash < 0 ? uri.length() : hash);
  }

  private static String decode(
      String text, int from, int to, String what, ProblemType type, String name) {
    try {
      return PercentDecoder.decodeComponent(text, from, to, true);
    } catch (IllegalArgumentException e) {
      String part = text.substring(from, to);
      if (part.length() > MAX_ECHO) part = part.substring(0, MAX_ECHO) + "...";
      String problem =
          name == null
              ? "The " + what + " has a malformed parameter name '" + part + "'"
              : "The " + what + " parameter '" + name + "' has a malformed value '" + part + "'";
      throw new BadRequest(type, problem + ": " + e.getMessage() + ".");
    }
  }
}
