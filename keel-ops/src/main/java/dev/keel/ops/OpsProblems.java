package dev.keel.ops;

import dev.keel.core.ProblemType;

/** The kinds of problem keel-ops answers. Listed with what to do in {@code docs/errors.md}. */
public final class OpsProblems {
  private OpsProblems() {}

  /** The metrics endpoint was called without {@code keel.ops.management.token}. */
  public static final ProblemType MANAGEMENT_TOKEN =
      new ProblemType("management-token", 401, "Management token required");
}
