package dev.keel.ai.mcp;

import java.util.Objects;
import java.util.Set;

/**
 * A prompt template the app offers to MCP clients. Its arguments are a record of {@link String}
 * components (MCP prompt arguments are strings); an {@code Optional<String>} component is an
 * optional argument, any other a required one, and Bean Validation constraints are checked before
 * {@code render} runs. The rendered text is sent as one user message.
 *
 * <pre>{@code
 * record Summarize(@NotBlank String topic, Optional<String> tone) {}
 * McpPrompt.of("summarize", "Summarizes the notes on a topic", Summarize.class,
 *     (caller, args) -> "Summarize my notes about " + args.topic());
 * }</pre>
 *
 * @param name unique among the prompts
 * @param description what the prompt is for
 * @param arguments the record of string arguments
 * @param permissions what the principal must hold; none by default
 */
public record McpPrompt<A>(
    String name,
    String description,
    Class<A> arguments,
    McpPrompt.Render<A> render,
    Set<String> permissions) {

  /** Renders the prompt's text for one caller. */
  @FunctionalInterface
  public interface Render<A> {
    String render(McpCaller caller, A arguments) throws Exception;
  }

  public McpPrompt {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) throw new IllegalArgumentException("MCP prompt name is blank");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(arguments, "arguments");
    if (!arguments.isRecord()) {
      throw new IllegalArgumentException(
          "the arguments of MCP prompt '"
              + name
              + "' must be a record, not "
              + arguments.getName());
    }
    Objects.requireNonNull(render, "render");
    permissions = Set.copyOf(permissions);
  }

  public static <A> McpPrompt<A> of(
      String name, String description, Class<A> arguments, Render<A> render) {
    return new McpPrompt<>(name, description, arguments, render, Set.of());
  }

  /** This prompt, for principals holding every one of {@code permissions} only. */
  public McpPrompt<A> requires(String... permissions) {
    return new McpPrompt<>(name, description, arguments, render, Set.of(permissions));
  }
}
