package dev.keel.ai.internal;

import dev.keel.ai.tool.ToolResult;
import dev.keel.ai.tool.Tools;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * One request to a model, provider-neutral: the wires turn it into OpenAI's or Anthropic's JSON.
 *
 * @param output the JSON Schema the answer must fit, for typed output
 */
public record Exchange(
    String model,
    int maxTokens,
    Optional<String> system,
    List<Message> messages,
    Tools tools,
    Optional<Output> output) {

  /** The name of the tool a typed answer is given through where the API has no response format. */
  public static final String ANSWER_TOOL = "final_answer";

  public Exchange with(List<Message> messages) {
    return new Exchange(model, maxTokens, system, List.copyOf(messages), tools, output);
  }

  public record Output(String name, ObjectNode schema) {}

  /** A message of the conversation. */
  public sealed interface Message {}

  public record User(String text) implements Message {}

  public record Assistant(String text, List<ToolCall> calls) implements Message {}

  /** The results of an assistant message's tool calls, in the order of the calls. */
  public record ToolResults(List<Outcome> outcomes) implements Message {}

  /** A tool call the model made; {@code arguments} is JSON text. */
  public record ToolCall(String id, String name, String arguments) {}

  public record Outcome(ToolCall call, ToolResult result) {}
}
