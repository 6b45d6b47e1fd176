package dev.keel.security;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code Authorization: <scheme> <token>} strictly: the scheme in any case, exactly one
 * space, then a token68 (RFC 9110 §11.6.2, RFC 6750 §2.1). The RFCs' grammar allows several spaces;
 * Keel, like Spring Security, takes one, so that a header built by string concatenation gone wrong
 * is refused with a reason instead of passing one day and failing behind another server the next.
 */
final class Authorization {
  private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

  private Authorization() {}

  /** The token of {@code header} if it reads {@code <scheme> <token68>}. */
  static String token(String header, String scheme) {
    return header.substring(scheme.length() + 1);
  }

  /**
   * Why {@code header} is not {@code <scheme> <token68>}, as a short phrase safe in a {@code
   * WWW-Authenticate} parameter, or empty when it is.
   */
  static Optional<String> malformed(String header, String scheme) {
    int end = 0;
    while (end < header.length() && header.charAt(end) != ' ' && header.charAt(end) != '\t') end++;
    if (!header.substring(0, end).equalsIgnoreCase(scheme)) {
      return Optional.of("expected the " + scheme + " scheme");
    }
    String rest = header.substring(end);
    if (rest.isBlank()) return Optional.of("no token after " + scheme);
    if (rest.charAt(0) != ' ' || rest.charAt(1) == ' ' || rest.charAt(1) == '\t') {
      return Optional.of("exactly one space between " + scheme + " and the token, no tab");
    }
    if (!TOKEN68.matcher(rest.substring(1)).matches()) {
      return Optional.of(
          "the token is not a token68 (letters, digits and -._~+/ then any =), so nothing may"
              + " follow it");
    }
    return Optional.empty();
  }
}
