package dev.keel.ai.internal;

import dev.keel.ai.Usage;
import java.util.List;

/** What the model answered in one round: text, tool calls, tokens and why it stopped. */
public record Turn(String text, List<Exchange.ToolCall> calls, Usage usage, String finishReason) {
  public Turn {
    calls = List.copyOf(calls);
  }
}
