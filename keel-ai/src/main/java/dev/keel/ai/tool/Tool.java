package dev.keel.ai.tool;

import dev.keel.openapi.spi.JsonSchemas;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * A function of the application that a model may call: a name, a sentence saying when to use it, a
 * record for its arguments (whose JSON Schema, constraints included, comes from the generator
 * OpenAPI uses) and, optionally, the permission a principal needs to call it.
 *
 * <pre>{@code
 * record OrderQuery(@NotBlank String orderId) {}
 * Tool status = Tool.of("order_status", "The status of one order", OrderQuery.class, orders::status)
 *     .requires("orders:read");
 * }</pre>
 *
 * @param name what the model calls it: letters, digits, {@code _} and {@code -}, at most 64
 * @param description when to use it, for the model
 * @param arguments the record the call's JSON arguments are read into and validated as
 * @param permission what a principal needs to call it ({@link dev.keel.security.Principal#can});
 *     empty when anyone, anonymous too, may call it
 * @param function the code that runs
 * @param <A> the arguments' type
 */
public record Tool<A>(
    String name,
    String description,
    Class<A> arguments,
    Optional<String> permission,
    ToolFunction<A> function) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public Tool {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(permission, "permission");
    Objects.requireNonNull(function, "function");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Tool name : '" + name + "' (expected: 1-64 letters, digits, '_' or '-')");
    }
    if (!arguments.isRecord()) {
      throw new IllegalArgumentException(
          "Tool '"
              + name
              + "' arguments : "
              + arguments.getName()
              + " (expected: a record, whose components are the tool's parameters)");
    }
  }

  /** A tool anyone may call. */
  public static <A> Tool<A> of(
      String name, String description, Class<A> arguments, ToolFunction<A> function) {
    return new Tool<>(name, description, arguments, Optional.empty(), function);
  }

  /**
   * This tool, callable only by a principal that {@linkplain dev.keel.security.Principal#can can}
   * {@code permission}.
   */
  public Tool<A> requires(String permission) {
    return new Tool<>(name, description, arguments, Optional.of(permission), function);
  }

  /** The JSON Schema of the arguments, as offered to the model. */
  public ObjectNode schema() {
    return JsonSchemas.of(arguments);
  }
}
