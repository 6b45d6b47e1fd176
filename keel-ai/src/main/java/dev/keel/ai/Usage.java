package dev.keel.ai;

/**
 * Tokens a model call consumed, as the endpoint reported them (zero when it reported none).
 *
 * @param inputTokens tokens of the prompt, tools and history sent
 * @param outputTokens tokens the model generated
 */
public record Usage(long inputTokens, long outputTokens) {
  public static final Usage NONE = new Usage(0, 0);

  public Usage {
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException(
          "Usage : " + inputTokens + "/" + outputTokens + " (expected: >= 0)");
    }
  }

  public Usage plus(Usage other) {
    return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
  }
}
