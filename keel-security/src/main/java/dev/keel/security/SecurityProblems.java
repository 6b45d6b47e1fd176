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
}
