package dev.keel.ai.tool;

import java.util.Objects;

/**
 * What a tool call gives back to the model: the tool's result as JSON text, or an error the model
 * can act on (unknown tool, refused, invalid arguments, or the tool failed).
 *
 * @param content JSON text of the result, or the error's sentence
 * @param error whether {@code content} is an error
 */
public record ToolResult(String content, boolean error) {
  public ToolResult {
    Objects.requireNonNull(content, "content");
  }

  public static ToolResult ok(String json) {
    return new ToolResult(json, false);
  }

  public static ToolResult error(String message) {
    return new ToolResult(message, true);
  }
}
