package dev.keel.security.internal.oidc;

/**
 * The OpenID provider could not be reached or answered something unreadable: the app's problem, not
 * the caller's, answered 503.
 */
public final class ProviderUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProviderUnavailable(String message) {
    super(message);
  }

  public ProviderUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
