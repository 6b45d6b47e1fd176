package dev.keel.ai.tool;

import dev.keel.ai.internal.Json;
import dev.keel.core.HttpException;
import dev.keel.security.Principal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools an application offers to models (and, through keel-ai's MCP server, to agents). {@link
 * #call} is the one way a tool runs: it checks the principal's permission, reads and validates the
 * arguments, runs the tool, and answers every failure as a {@link ToolResult#error} sentence the
 * model can act on, never an exception. Immutable and thread-safe.
 *
 * <pre>{@code
 * Tools tools = Tools.of(
 *     Tool.of("order_status", "The status of one order", OrderQuery.class, orders::status)
 *         .requires("orders:read"));
 * ToolResult r = tools.call("order_status", "{\"orderId\":\"A-1\"}", Security.principal(ctx));
 * }</pre>
 */
public final class Tools {
  private static final Logger log = LoggerFactory.getLogger(Tools.class);
  private static final Tools NONE = new Tools(Map.of());

  private final Map<String, Tool<?>> tools;
  private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();

  private Tools(Map<String, Tool<?>> tools) {
    this.tools = tools;
    tools.forEach((name, tool) -> schemas.put(name, tool.schema())); // once, at start-up
  }

  public static Tools none() {
    return NONE;
  }

  /** The tools; two with one name are refused. */
  public static Tools of(Tool<?>... tools) {
    var byName = new LinkedHashMap<String, Tool<?>>();
    for (Tool<?> t : tools) {
      if (byName.putIfAbsent(t.name(), t) != null) {
        throw new IllegalArgumentException("two tools are named '" + t.name() + "'");
      }
    }
    return new Tools(byName);
  }

  public Collection<Tool<?>> list() {
    return tools.values();
  }

  public Optional<Tool<?>> find(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  /** The JSON Schema of {@code name}'s arguments. */
  public ObjectNode schema(String name) {
    ObjectNode s = schemas.get(name);
    if (s == null) throw new IllegalArgumentException("no tool named '" + name + "'");
    return s.deepCopy();
  }

  public boolean isEmpty() {
    return tools.isEmpty();
  }

  /**
   * Runs the tool {@code name} with the JSON {@code arguments} on behalf of {@code principal}
   * (empty: anonymous). A tool that requires a permission the principal lacks is refused without
   * running.
   */
  public ToolResult call(String name, String arguments, Optional<Principal> principal) {
    Tool<?> tool = tools.get(name);
    if (tool == null) {
      return ToolResult.error(
          "There is no tool named '"
              + name
              + "'. The tools are: "
              + String.join(", ", tools.keySet())
              + ".");
    }
    if (tool.permission().isPresent()) {
      String needed = tool.permission().get();
      if (principal.isEmpty() || !principal.get().can(needed)) {
        String who = principal.map(p -> "user '" + p.id() + "'").orElse("anonymous user");
        log.info("tool {} refused to {}: needs permission {}", name, who, needed);
        return ToolResult.error(
            "Refused: the tool '"
                + name
                + "' needs the permission '"
                + needed
                + "', which the current "
                + who
                + " does not have. Do not retry; tell the user this is not allowed for them.");
      }
    }
    return run(tool, arguments);
  }

  private static <A> ToolResult run(Tool<A> tool, String arguments) {
    Json.Checked<A> args = Json.read(arguments.isBlank() ? "{}" : arguments, tool.arguments());
    if (!args.ok()) {
      return ToolResult.error(
          "Invalid arguments for the tool '"
              + tool.name()
              + "': "
              + args.problem()
              + ". Call it again with arguments that fit its schema.");
    }
    try {
      Object result = tool.function().call(args.value());
      if (result instanceof String s) return ToolResult.ok(s);
      return ToolResult.ok(Json.MAPPER.writeValueAsString(result));
    } catch (HttpException e) {
      return ToolResult.error("The tool '" + tool.name() + "' failed: " + e.problem().detail());
    } catch (Exception e) {
      log.warn("tool {} failed", tool.name(), e);
      return ToolResult.error(
          "The tool '" + tool.name() + "' failed (" + e.getClass().getSimpleName() + ").");
    }
  }
}
