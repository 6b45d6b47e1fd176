package dev.keel.cli;

import dev.keel.core.ProblemType;

/**
 * The problems {@code keel dev} answers on the app's port while the app cannot run: its code does
 * not compile, or it failed to start. Listed in {@code docs/errors.md}.
 */
public final class DevProblems {
  private DevProblems() {}

  /** The last edit does not compile; {@code errors} names each file, line and message. */
  public static final ProblemType DEV_COMPILE_FAILED =
      new ProblemType("dev-compile-failed", 500, "The app's code does not compile");

  /** The code compiled, but the app threw while it was built or started. */
  public static final ProblemType DEV_START_FAILED =
      new ProblemType("dev-start-failed", 500, "The app failed to start");
}
