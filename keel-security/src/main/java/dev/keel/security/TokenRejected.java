package dev.keel.security;

/**
 * A bearer token or API key that was refused. {@link #reason()} is a short, stable phrase safe to
 * log and to return in {@code WWW-Authenticate}'s {@code error_description}; it never contains the
 * token.
 */
public final class TokenRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TokenRejected(String reason) {
    super(clean(reason), null, false, false);
  }

  // Reasons may quote claim values from the token: keep them short, printable and quote-free so
  // they are safe in a header and a log line.
  private static String clean(String reason) {
    var b = new StringBuilder();
    for (int i = 0; i < reason.length() && b.length() < 120; i++) {
      char c = reason.charAt(i);
      b.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
    }
    return b.toString();
  }

  public String reason() {
    return getMessage();
  }
}
