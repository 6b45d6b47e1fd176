package dev.keel.jobs;

import dev.keel.core.ProblemType;

/** The kinds of problem keel-jobs answers (its dashboard); listed in {@code docs/errors.md}. */
public final class JobsProblems {
  private JobsProblems() {}

  /** The dashboard's retry or discard named a job that is not failed (or waiting) any more. */
  public static final ProblemType JOB_NOT_FOUND =
      new ProblemType("job-not-found", 404, "No such failed job");
}
