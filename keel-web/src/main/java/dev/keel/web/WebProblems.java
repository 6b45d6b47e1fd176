package dev.keel.web;

import dev.keel.core.ProblemType;

/**
 * The kinds of problem keel-web answers for controllers, beside keel-core's {@link
 * dev.keel.core.ProblemTypes} ({@code validation} for {@code @Valid}, {@code unauthenticated} for
 * an absent {@code @Provided(status = 401)} value). Listed with what to do in {@code
 * docs/errors.md}.
 */
public final class WebProblems {
  private WebProblems() {}

  /** A required {@code @Query}, {@code @Header} or {@code @Cookie} parameter was not sent. */
  public static final ProblemType PARAMETER_MISSING =
      new ProblemType("parameter-missing", 400, "Missing request parameter");

  /**
   * A {@code @Provided} value with the default status 500 is absent: the middleware that sets it is
   * not installed, or did not run for this route.
   */
  public static final ProblemType PROVIDED_MISSING =
      new ProblemType("provided-missing", 500, "Provided value missing");
}
