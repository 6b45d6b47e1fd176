package dev.keel.core.internal.router;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A parsed route pattern such as {@code /articles/{slug}/files/{*rest}}. */
record RoutePattern(String text, List<Segment> segments) {

  /** What every error message repeats, so a developer sees the grammar next to the mistake. */
  static final String GRAMMAR =
      "a pattern starts with '/' and has '/'-separated segments, each either literal text"
          + " (without '{', '}', '%', '?', '#', not '.' or '..', written decoded, e.g. 'café'),"
          + " a parameter '{name}', or - as the last segment only - a wildcard '{*name}';"
          + " names match [A-Za-z_][A-Za-z0-9_]*, are unique within a pattern,"
          + " and an empty segment is allowed only at the end (root '/' or a trailing slash)";

  enum Kind {
    STATIC,
    PARAM,
    WILDCARD
  }

  /** One segment: literal text for {@link Kind#STATIC}, the parameter name otherwise. */
  record Segment(Kind kind, String text) {}

  RoutePattern {
    segments = List.copyOf(segments);
  }

  static RoutePattern parse(String pattern) {
    if (pattern.isEmpty() || pattern.charAt(0) != '/') {
      throw invalid(pattern, "it does not start with '/'");
    }
    // Keep trailing empty strings: "/a/" has segments ["a", ""], "/" has [""].
    String[] parts = pattern.substring(1).split("/", -1);
    List<Segment> segments = new ArrayList<>(parts.length);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < parts.length; i++) {
      Segment segment = parseSegment(pattern, parts[i], i == parts.length - 1);
      if (segment.kind() != Kind.STATIC && !names.add(segment.text())) {
        throw invalid(pattern, "parameter name '" + segment.text() + "' is used twice");
      }
      segments.add(segment);
    }
    return new RoutePattern(pattern, segments);
  }

  private static Segment parseSegment(String pattern, String part, boolean last) {
    int open = count(part, '{');
    int close = count(part, '}');
    if (open != close) {
      throw invalid(pattern, "segment '" + part + "' has unbalanced braces");
    }
    if (open == 0) {
      return staticSegment(pattern, part, last);
    }
    if (open > 1) {
      throw invalid(pattern, "segment '" + part + "' holds more than one parameter");
    }
    if (part.charAt(0) != '{' || part.charAt(part.length() - 1) != '}') {
      throw invalid(
          pattern,
          "segment '"
              + part
              + "' mixes literal text and a parameter; a parameter is a whole segment");
    }
    String inner = part.substring(1, part.length() - 1);
    boolean wildcard = inner.startsWith("*");
    String name = wildcard ? inner.substring(1) : inner;
    if (name.isEmpty()) {
      throw invalid(pattern, "segment '" + part + "' has an empty parameter name");
    }
    if (!isIdentifier(name)) {
      throw invalid(pattern, "parameter name '" + name + "' is not an identifier");
    }
    if (wildcard && !last) {
      throw invalid(pattern, "wildcard '" + part + "' is not the last segment");
    }
    return new Segment(wildcard ? Kind.WILDCARD : Kind.PARAM, name);
  }

  private static Segment staticSegment(String pattern, String part, boolean last) {
    if (part.isEmpty() && !last) {
      throw invalid(pattern, "it has an empty segment ('//')");
    }
    if (part.equals(".") || part.equals("..")) {
      // Clients normalize dot segments away, so such a route could never be requested.
      throw invalid(pattern, "segment '" + part + "' is a dot segment");
    }
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '%' || c == '?' || c == '#') {
        throw invalid(pattern, "segment '" + part + "' contains '" + c + "'");
      }
    }
    return new Segment(Kind.STATIC, part);
  }

  private static boolean isIdentifier(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      if (!letter && (i == 0 || c < '0' || c > '9')) {
        return false;
      }
    }
    return !name.isEmpty();
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private static IllegalArgumentException invalid(String pattern, String problem) {
    return new IllegalArgumentException(
        "Invalid route pattern '" + pattern + "': " + problem + ". Allowed: " + GRAMMAR + ".");
  }

  /** The pattern with parameter names erased: two routes with equal shapes match the same paths. */
  String shape() {
    StringBuilder sb = new StringBuilder();
    for (Segment s : segments) {
      sb.append('/');
      switch (s.kind()) {
        case STATIC -> sb.append(s.text());
        case PARAM -> sb.append("{}");
        case WILDCARD -> sb.append("{*}");
      }
    }
    return sb.toString();
  }
}
