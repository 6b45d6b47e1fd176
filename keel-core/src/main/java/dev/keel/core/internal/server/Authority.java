package dev.keel.core.internal.server;

import io.netty.util.NetUtil;
import java.util.Locale;

/**
 * The authority grammar of RFC 3986 §3.2 ({@code host [ ":" port ]}) as the {@code Host} header and
 * absolute-form targets use it, with the DNS rule that a name has no empty labels ({@code a..b},
 * {@code .a}). No user info: RFC 9110 §4.2.4 forbids it in http(s) URIs.
 */
final class Authority {
  private static final int MAX_ECHO = 80;
  private static final String SUB_DELIMS = "!$&'()*+,;=";

  private Authority() {}

  /** Whether {@code authority} is a valid {@code host[:port]}; the empty value is valid. */
  static boolean isValid(String authority) {
    if (authority.isEmpty()) return true;
    int portStart;
    if (authority.charAt(0) == '[') {
      int close = authority.indexOf(']');
      if (close < 0 || !NetUtil.isValidIpV6Address(authority.substring(1, close))) return false;
      portStart = close + 1;
    } else {
      int colon = authority.indexOf(':');
      portStart = colon < 0 ? authority.length() : colon;
      if (!isRegName(authority, 0, portStart)) return false;
    }
    if (portStart == authority.length()) return true;
    if (authority.charAt(portStart) != ':') return false;
    if (authority.length() - portStart - 1 > 5) return false;
    int port = 0; // parsed in place: this runs for every request
    for (int i = portStart + 1; i < authority.length(); i++) {
      char c = authority.charAt(i);
      if (c < '0' || c > '9') return false;
      port = port * 10 + (c - '0');
    }
    return port <= 65535;
  }

  private static boolean isRegName(String s, int from, int to) {
    if (from == to) return false;
    char previous = '.'; // so a leading dot is an empty label
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (previous == '.') return false;
      } else if (c == '%') {
        if (i + 2 >= to || hex(s.charAt(i + 1)) || hex(s.charAt(i + 2))) return false;
        i += 2;
      } else if (!(c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '_'
          || c == '~'
          || SUB_DELIMS.indexOf(c) >= 0)) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  private static boolean hex(char c) { // true when NOT a hex digit
    return Character.digit(c, 16) < 0;
  }

  /** The host of a valid authority in lower case, without port, brackets or a trailing dot. */
  static String host(String authority) {
    String host;
    if (authority.startsWith("[")) {
      host = authority.substring(1, authority.indexOf(']'));
    } else {
      int colon = authority.indexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
    }
    return host.toLowerCase(Locale.ROOT);
  }

  /** The port of a valid authority, or {@code defaultPort} when it names none. */
  static int port(String authority, int defaultPort) {
    int close = authority.startsWith("[") ? authority.indexOf(']') : -1;
    int colon = authority.indexOf(':', close + 1);
    return colon < 0 || colon == authority.length() - 1
        ? defaultPort
        : Integer.parseInt(authority.substring(colon + 1));
  }

  /** Whether two valid authorities name the same host and port, for a target of {@code scheme}. */
  static boolean sameHost(String a, String b, String scheme) {
    int defaultPort = scheme.equals("https") ? 443 : 80;
    return host(a).equals(host(b)) && port(a, defaultPort) == port(b, defaultPort);
  }

  /** A value cut short for messages, since it ends up in logs. */
  static String echo(String value) {
    return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "...";
  }

  /**
   * An absolute-form request target ({@code http://example.com:8080/a?b}) split into its scheme,
   * authority and origin-form rest; {@code problem} says what is wrong when it is malformed.
   */
  record AbsoluteTarget(String scheme, String authority, String pathAndQuery, String problem) {

    /** Null when {@code uri} is not an absolute http(s) URI at all. */
    static AbsoluteTarget parse(String uri) {
      int colon = uri.indexOf("://");
      if (colon < 0) return null;
      String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) return null;
      int start = colon + 3;
      int end = start;
      while (end < uri.length() && uri.charAt(end) != '/' && uri.charAt(end) != '?') end++;
      String authority = uri.substring(start, end);
      String rest = uri.substring(end);
      String pathAndQuery = rest.isEmpty() || rest.charAt(0) == '?' ? "/" + rest : rest;
      String problem = null;
      if (authority.indexOf('@') >= 0) {
        problem =
            "The request target '"
                + echo(uri)
                + "' has user info before '@'; send credentials in the Authorization header.";
      } else if (authority.isEmpty() || !isValid(authority)) {
        problem =
            "The request target '"
                + echo(uri)
                + "' has no valid host[:port] after "
                + scheme
                + "://.";
      }
      return new AbsoluteTarget(scheme, authority, pathAndQuery, problem);
    }
  }
}
