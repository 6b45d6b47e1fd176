package dev.keel.security;

/**
 * A bearer token or API key that was refused. {@link #reason()} is a short, stable phrase safe to
 * log and to return in {@code WWW-Authenticate}'s {@code error_description}; it never contains the
 * token.
 */
public final class TokenRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TokenRejected(String reason) {
    super(reason, null, false, false);
  }

  public String reason() {
    return getMessage();
  }
}
