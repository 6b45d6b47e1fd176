package dev.keel.ai;

import dev.keel.core.ProblemType;

/**
 * The kinds of problem a call to a model ends with when it cannot give an answer. Each is listed
 * with what to do in {@code docs/errors.md}. A problem's {@code detail} names the endpoint and the
 * model, never the API key.
 */
public final class AiProblems {
  private AiProblems() {}

  /**
   * The endpoint answered an error that retrying does not fix (400, 401, 404, …), kept failing with
   * 5xx after every retry, or could not be reached.
   */
  public static final ProblemType AI_UPSTREAM_FAILED =
      new ProblemType("ai-upstream-failed", 502, "The model endpoint failed");

  /** The endpoint still answered 429 after every retry, or asked to wait longer than allowed. */
  public static final ProblemType AI_RATE_LIMITED =
      new ProblemType("ai-rate-limited", 503, "The model endpoint is rate-limiting");

  /** No answer within {@code keel.ai.read-timeout}, or a stream silent for {@code idle-timeout}. */
  public static final ProblemType AI_TIMEOUT =
      new ProblemType("ai-timeout", 504, "The model endpoint timed out");

  /** The endpoint's answer is not the wire format its provider speaks. */
  public static final ProblemType AI_MALFORMED_REPLY =
      new ProblemType("ai-malformed-reply", 502, "Malformed reply from the model endpoint");

  /** A typed answer did not fit its record twice: once, and again after being told why. */
  public static final ProblemType AI_INVALID_OUTPUT =
      new ProblemType("ai-invalid-output", 502, "The model's answer does not fit its type");

  /** The model kept calling tools past {@code keel.ai.max-tool-rounds}. */
  public static final ProblemType AI_TOOL_ROUNDS =
      new ProblemType("ai-tool-rounds", 502, "The model called tools too many times");
}
