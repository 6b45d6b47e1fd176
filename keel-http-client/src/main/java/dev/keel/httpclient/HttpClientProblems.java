package dev.keel.httpclient;

import dev.keel.core.ProblemType;

/**
 * The problems a Keel app answers when a call to another service through {@link ServiceClient}
 * fails and the handler lets the exception through. Listed with what to do in {@code
 * docs/errors.md}.
 */
public final class HttpClientProblems {
  private HttpClientProblems() {}

  /** The remote service answered outside 2xx (its status and problem are in the extensions). */
  public static final ProblemType REMOTE_ERROR =
      new ProblemType("remote-error", 502, "Remote service error");

  /** The remote service cannot be called: circuit open, bulkhead full, connection failed. */
  public static final ProblemType REMOTE_UNAVAILABLE =
      new ProblemType("remote-unavailable", 503, "Remote service unavailable");

  /** The remote service did not answer within the connect or request timeout. */
  public static final ProblemType REMOTE_TIMEOUT =
      new ProblemType("remote-timeout", 504, "Remote service timed out");
}
