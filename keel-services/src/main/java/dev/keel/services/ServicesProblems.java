package dev.keel.services;

import dev.keel.core.ProblemType;

/** The kinds of problem keel-services answers; listed in {@code docs/errors.md}. */
public final class ServicesProblems {
  private ServicesProblems() {}

  /** The process hosting a component could not be reached or went away during the call. */
  public static final ProblemType COMPONENT_UNAVAILABLE =
      new ProblemType("component-unavailable", 503, "Component unavailable");

  /** A remote component call did not finish within its deadline. */
  public static final ProblemType COMPONENT_DEADLINE_EXCEEDED =
      new ProblemType("component-deadline-exceeded", 504, "Component call deadline exceeded");

  /** The other process was built from a different version of the component's interface. */
  public static final ProblemType COMPONENT_INCOMPATIBLE =
      new ProblemType("component-incompatible", 502, "Incompatible component version");

  /** The other process answered something the caller cannot map (e.g. an unknown exception). */
  public static final ProblemType COMPONENT_REMOTE_ERROR =
      new ProblemType("component-remote-error", 502, "Component failed in another process");

  /** (Between processes) the caller's interface version differs from the host's. */
  public static final ProblemType COMPONENT_VERSION_MISMATCH =
      new ProblemType("component-version-mismatch", 409, "Component version mismatch");

  /** (Between processes) no component or method of that name is hosted by this process. */
  public static final ProblemType COMPONENT_NOT_HOSTED =
      new ProblemType("component-not-hosted", 404, "Component not hosted here");

  /** (Between processes) the call's arguments are not valid JSON for the method's parameters. */
  public static final ProblemType COMPONENT_ARGUMENTS_INVALID =
      new ProblemType("component-arguments-invalid", 400, "Invalid component call arguments");

  /** (Between processes) the implementation threw an exception that is not an HTTP problem. */
  public static final ProblemType COMPONENT_FAILED =
      new ProblemType("component-failed", 500, "Component threw an exception");
}
