package dev.keel.security;

import dev.keel.core.ProblemType;

/**
 * The kinds of problem keel-security answers, beside keel-core's {@link
 * dev.keel.core.ProblemTypes#UNAUTHENTICATED} for a request without credentials. Listed with what
 * to do in {@code docs/errors.md}.
 */
public final class SecurityProblems {
  private SecurityProblems() {}

  /** The {@code Authorization} header is not {@code <scheme> <token>}. */
  public static final ProblemType AUTHORIZATION_MALFORMED =
      new ProblemType("authorization-malformed", 401, "Malformed Authorization header");

  /**
   * The token or API key was rejected: not a signed JWT, bad signature, expired or not yet valid,
   * unknown key id, unknown or revoked API key, or its account no longer exists.
   */
  public static final ProblemType TOKEN_INVALID =
      new ProblemType("token-invalid", 401, "Invalid credentials");

  /** The principal lacks the permission, role or ownership the action needs. */
  public static final ProblemType FORBIDDEN = new ProblemType("forbidden", 403, "Not allowed");

  /** A cookie-authenticated unsafe request failed the CSRF checks. */
  public static final ProblemType CSRF = new ProblemType("csrf", 403, "Cross-site request refused");

  /** A {@link RateLimit} (or {@link LoginThrottle}) bucket is empty; with Retry-After. */
  public static final ProblemType RATE_LIMITED =
      new ProblemType("rate-limited", 429, "Too many requests");

  /**
   * An OpenID Connect callback whose {@code state} is missing, expired or not the one this browser
   * session started with (a forged or cross-session callback); no session is created.
   */
  public static final ProblemType OIDC_STATE_INVALID =
      new ProblemType("oidc-state-invalid", 400, "Login state does not match");

  /**
   * The provider refused to exchange the authorization code: used before (replayed), expired,
   * issued to another client or for another PKCE verifier; no session is created.
   */
  public static final ProblemType OIDC_CODE_REJECTED =
      new ProblemType("oidc-code-rejected", 401, "Authorization code rejected");

  /**
   * The ID token failed validation: signature or key, algorithm, issuer, audience, expiry or nonce;
   * no session is created.
   */
  public static final ProblemType OIDC_ID_TOKEN_INVALID =
      new ProblemType("oidc-id-token-invalid", 401, "ID token rejected");

  /** The provider answered the login with an error such as {@code access_denied}. */
  public static final ProblemType OIDC_LOGIN_REFUSED =
      new ProblemType("oidc-login-refused", 401, "Login refused by the provider");

  /**
   * The OpenID provider could not be reached, or answered with something unreadable, or refused
   * this app's own client credentials.
   */
  public static final ProblemType OIDC_PROVIDER_UNAVAILABLE =
      new ProblemType("oidc-provider-unavailable", 503, "OpenID provider unavailable");
}
