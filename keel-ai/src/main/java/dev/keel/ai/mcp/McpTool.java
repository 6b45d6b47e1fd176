package dev.keel.ai.mcp;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tool the app offers to MCP clients: its arguments are a record whose JSON Schema (the one
 * keel-openapi writes, Bean Validation constraints included) is the tool's {@code inputSchema}. A
 * call's arguments are read into the record and validated before {@code call} runs; invalid ones, a
 * missing permission or a failing handler come back as a tool error ({@code isError: true}) the
 * model can read and correct, never as a broken session.
 *
 * <p>The handler's result becomes the tool's content: a {@link String} is one text block; any other
 * value is written as JSON, both as text and as {@code structuredContent}; {@code null} is no
 * content.
 *
 * <pre>{@code
 * record AddNote(@NotBlank String title, @Size(max = 2000) String body) {}
 * McpTool.of("add_note", "Adds a note to the user's notebook", AddNote.class,
 *         (caller, args) -> notes.add(caller.principal().id(), args.title(), args.body()))
 *     .requires("notes:write");
 * }</pre>
 *
 * @param name unique, 1 to 128 of {@code A-Z a-z 0-9 _ - .}
 * @param description what the tool does, for the model
 * @param arguments the record the arguments are read into
 * @param permissions what the principal must hold to see and call the tool; none by default
 */
public record McpTool<A>(
    String name,
    String description,
    Class<A> arguments,
    McpTool.Call<A> call,
    Set<String> permissions) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  /** Runs one call of the tool. */
  @FunctionalInterface
  public interface Call<A> {
    Object call(McpCaller caller, A arguments) throws Exception;
  }

  public McpTool {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "MCP tool name '" + name + "' must be 1 to 128 of A-Z a-z 0-9 _ - . (no spaces)");
    }
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(arguments, "arguments");
    if (!arguments.isRecord()) {
      throw new IllegalArgumentException(
          "the arguments of MCP tool '" + name + "' must be a record, not " + arguments.getName());
    }
    Objects.requireNonNull(call, "call");
    permissions = Set.copyOf(permissions);
  }

  public static <A> McpTool<A> of(
      String name, String description, Class<A> arguments, Call<A> call) {
    return new McpTool<>(name, description, arguments, call, Set.of());
  }

  /** This tool, callable only by principals holding every one of {@code permissions}. */
  public McpTool<A> requires(String... permissions) {
    return new McpTool<>(name, description, arguments, call, Set.of(permissions));
  }

  /**
   * The same function as a chat {@link dev.keel.ai.tool.Tool}, offered over MCP: one definition
   * serves the app's own model calls and outside agents, with the same argument record, schema and
   * permission.
   */
  public static <A> McpTool<A> from(dev.keel.ai.tool.Tool<A> tool) {
    return new McpTool<>(
        tool.name(),
        tool.description(),
        tool.arguments(),
        (caller, arguments) -> tool.function().call(arguments),
        tool.permission().map(Set::of).orElse(Set.of()));
  }
}
