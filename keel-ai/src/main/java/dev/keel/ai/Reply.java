package dev.keel.ai;

/**
 * A model's final answer to a prompt, after any tool rounds.
 *
 * @param text the answer's text (what was streamed, for a streamed call)
 * @param usage tokens of every round of the call together
 * @param finishReason why the model stopped, as the endpoint says it ({@code stop}, {@code
 *     end_turn}, {@code length}, {@code max_tokens}, …), {@code cancelled} when the client of a
 *     stream went away first, or {@code error} when a stream ended with an error event
 * @param rounds how many requests the call made to the model (1 without tool calls)
 */
public record Reply(String text, Usage usage, String finishReason, int rounds) {
  public static final String CANCELLED = "cancelled";

  /** The finish reason of a stream that ended with an {@code error} event. */
  public static final String ERROR = "error";

  public boolean cancelled() {
    return CANCELLED.equals(finishReason);
  }
}
