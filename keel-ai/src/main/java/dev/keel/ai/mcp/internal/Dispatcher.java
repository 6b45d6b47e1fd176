package dev.keel.ai.mcp.internal;

import dev.keel.ai.mcp.McpCaller;
import dev.keel.ai.mcp.McpPrompt;
import dev.keel.ai.mcp.McpResource;
import dev.keel.ai.mcp.McpTool;
import dev.keel.core.HttpException;
import dev.keel.openapi.spi.JsonSchemas;
import dev.keel.security.Principal;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP methods, the same for every transport: one request in, one response out, with the
 * caller's notifications (progress) handed to {@code notify} on the way.
 */
public final class Dispatcher {
  /** The versions spoken, newest first (what the official TypeScript SDK speaks). */
  public static final List<String> VERSIONS =
      List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode serverInfo;
  private final String instructions;
  private final Map<String, McpTool<?>> tools = new LinkedHashMap<>();
  private final Map<String, ObjectNode> toolSchemas = new LinkedHashMap<>();
  private final Map<String, McpResource> resources = new LinkedHashMap<>();
  private final Map<String, McpPrompt<?>> prompts = new LinkedHashMap<>();
  private final JsonMapper mapper;
  private final Arguments arguments;
  private volatile Duration toolTimeout = Duration.ofSeconds(60);

  public Dispatcher(
      String name,
      String version,
      String instructions,
      List<McpTool<?>> tools,
      List<McpResource> resources,
      List<McpPrompt<?>> prompts,
      JsonMapper mapper) {
    this.serverInfo = NODES.objectNode().put("name", name).put("version", version);
    this.instructions = instructions;
    this.mapper = mapper;
    this.arguments = new Arguments(mapper);
    for (McpTool<?> t : tools) {
      if (this.tools.putIfAbsent(t.name(), t) != null) {
        throw new IllegalArgumentException("two MCP tools are named '" + t.name() + "'");
      }
      toolSchemas.put(t.name(), JsonSchemas.of(t.arguments()));
    }
    for (McpResource r : resources) {
      if (this.resources.putIfAbsent(r.uri(), r) != null) {
        throw new IllegalArgumentException("two MCP resources have the URI '" + r.uri() + "'");
      }
    }
    for (McpPrompt<?> p : prompts) {
      for (RecordComponent c : p.arguments().getRecordComponents()) {
        if (c.getType() != String.class && !isOptionalString(c)) {
          throw new IllegalArgumentException(
              "MCP prompt '"
                  + p.name()
                  + "': argument '"
                  + c.getName()
                  + "' must be a String or Optional<String>, as MCP prompt arguments are strings");
        }
      }
      if (this.prompts.putIfAbsent(p.name(), p) != null) {
        throw new IllegalArgumentException("two MCP prompts are named '" + p.name() + "'");
      }
    }
    Arguments.boot();
  }

  /** How long a tool may run before it is interrupted and answered as an error. */
  public void toolTimeout(Duration timeout) {
    this.toolTimeout = timeout;
  }

  /**
   * The version to speak: the client's when it is one of ours, else our newest (spec §lifecycle).
   */
  public static String negotiate(JsonNode initializeParams) {
    JsonNode requested = initializeParams.get("protocolVersion");
    if (requested != null && requested.isString() && VERSIONS.contains(requested.asString())) {
      return requested.asString();
    }
    return VERSIONS.getFirst();
  }

  /** Answers one request of a session that speaks {@code version}. */
  public ObjectNode handle(
      JsonNode request, String version, Principal principal, Consumer<ObjectNode> notify) {
    JsonNode id = request.get("id");
    String method = request.get("method").asString();
    JsonNode params = request.has("params") ? request.get("params") : NODES.objectNode();
    JsonNode token = params.path("_meta").get("progressToken");
    McpCaller caller = new Caller(principal, token, notify);
    try {
      JsonNode result =
          switch (method) {
            case "initialize" -> initialized(version);
            case "ping" -> NODES.objectNode();
            case "tools/list" -> listTools(principal);
            case "tools/call" -> callTool(params, caller);
            case "resources/list" -> listResources(principal);
            case "resources/templates/list" -> {
              ObjectNode r = NODES.objectNode();
              r.putArray("resourceTemplates");
              yield r;
            }
            case "resources/read" -> readResource(params, caller);
            case "prompts/list" -> listPrompts(principal);
            case "prompts/get" -> getPrompt(params, caller);
            default ->
                throw new JsonRpc.Failure(JsonRpc.METHOD_NOT_FOUND, "Method not found: " + method);
          };
      return JsonRpc.result(id, result);
    } catch (JsonRpc.Failure f) {
      return JsonRpc.error(id, f.code(), f.getMessage());
    } catch (RuntimeException e) {
      log.error("MCP method {} failed", method, e);
      return JsonRpc.error(
          id, JsonRpc.INTERNAL_ERROR, "Internal error; the server log has details");
    }
  }

  private ObjectNode initialized(String version) {
    ObjectNode result = NODES.objectNode().put("protocolVersion", version);
    ObjectNode capabilities = result.putObject("capabilities");
    capabilities.putObject("tools").put("listChanged", false);
    capabilities.putObject("resources").put("subscribe", false).put("listChanged", false);
    capabilities.putObject("prompts").put("listChanged", false);
    result.set("serverInfo", serverInfo);
    if (!instructions.isEmpty()) result.put("instructions", instructions);
    return result;
  }

  private ObjectNode listTools(Principal principal) {
    ObjectNode result = NODES.objectNode();
    ArrayNode list = result.putArray("tools");
    for (McpTool<?> t : tools.values()) {
      if (!allowed(principal, t.permissions())) continue;
      ObjectNode tool = list.addObject().put("name", t.name()).put("description", t.description());
      tool.set("inputSchema", toolSchemas.get(t.name()));
    }
    return result;
  }

  private ObjectNode callTool(JsonNode params, McpCaller caller) {
    String name = string(params, "name");
    McpTool<?> tool = tools.get(name);
    if (tool == null) {
      throw new JsonRpc.Failure(
          JsonRpc.INVALID_PARAMS, "Unknown tool: " + name + "; tools/list lists them");
    }
    if (!allowed(caller.principal(), tool.permissions())) {
      return toolError(
          "Not allowed: the tool '"
              + name
              + "' needs the permissions "
              + sorted(tool.permissions())
              + ", which principal '"
              + caller.principal().id()
              + "' lacks");
    }
    JsonNode args = params.get("arguments");
    if (args != null && !args.isObject()) {
      throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "\"arguments\" must be an object");
    }
    JsonNode given = args == null ? NODES.objectNode() : args;
    // on a thread of its own, so that a tool that hangs ends in an answer, not a hung request
    var task = new FutureTask<>(() -> run(tool, given, caller));
    Thread.ofVirtual().name("mcp-tool-" + name).start(task);
    try {
      return toolResult(task.get(toolTimeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      task.cancel(true);
      log.warn("MCP tool {} took longer than {} and was interrupted", name, toolTimeout);
      return toolError(
          "The tool '"
              + name
              + "' took longer than "
              + toolTimeout.toMillis()
              + " ms (keel.ai.mcp.tool-timeout) and was stopped");
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      return toolError("The call was cancelled");
    } catch (ExecutionException e) {
      return switch (e.getCause()) {
        case Arguments.Invalid invalid -> toolError("Invalid arguments: " + invalid.getMessage());
        case HttpException http -> toolError(http.problem().detail());
        case Throwable t -> {
          log.error("MCP tool {} failed", name, t);
          yield toolError("The tool failed; the server log has details");
        }
      };
    }
  }

  private <A> Object run(McpTool<A> tool, JsonNode args, McpCaller caller) throws Exception {
    return tool.call().call(caller, arguments.read(args, tool.arguments()));
  }

  private ObjectNode toolResult(Object value) {
    ObjectNode result = NODES.objectNode();
    ArrayNode content = result.putArray("content");
    if (value instanceof String text) {
      content.addObject().put("type", "text").put("text", text);
    } else if (value != null) {
      JsonNode json = mapper.valueToTree(value);
      content.addObject().put("type", "text").put("text", json.toString());
      if (json.isObject()) result.set("structuredContent", json);
    }
    return result.put("isError", false);
  }

  private static ObjectNode toolError(String text) {
    ObjectNode result = NODES.objectNode();
    result.putArray("content").addObject().put("type", "text").put("text", text);
    return result.put("isError", true);
  }

  private ObjectNode listResources(Principal principal) {
    ObjectNode result = NODES.objectNode();
    ArrayNode list = result.putArray("resources");
    for (McpResource r : resources.values()) {
      if (!allowed(principal, r.permissions())) continue;
      list.addObject().put("uri", r.uri()).put("name", r.name()).put("mimeType", r.mimeType());
    }
    return result;
  }

  private ObjectNode readResource(JsonNode params, McpCaller caller) {
    String uri = string(params, "uri");
    McpResource r = resources.get(uri);
    if (r == null || !allowed(caller.principal(), r.permissions())) {
      throw new JsonRpc.Failure(JsonRpc.RESOURCE_NOT_FOUND, "Resource not found: " + uri);
    }
    Object content;
    try {
      content = r.read().read(caller);
    } catch (HttpException e) {
      throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, e.problem().detail());
    } catch (Exception e) {
      log.error("Reading MCP resource {} failed", uri, e);
      throw new JsonRpc.Failure(
          JsonRpc.INTERNAL_ERROR, "Reading " + uri + " failed; the server log has details");
    }
    ObjectNode result = NODES.objectNode();
    ObjectNode item =
        result.putArray("contents").addObject().put("uri", uri).put("mimeType", r.mimeType());
    switch (content) {
      case String text -> item.put("text", text);
      case byte[] bytes -> item.put("blob", Base64.getEncoder().encodeToString(bytes));
      case null, default ->
          throw new IllegalStateException(
              "MCP resource " + uri + " must read as a String or byte[], not " + content);
    }
    return result;
  }

  private ObjectNode listPrompts(Principal principal) {
    ObjectNode result = NODES.objectNode();
    ArrayNode list = result.putArray("prompts");
    for (McpPrompt<?> p : prompts.values()) {
      if (!allowed(principal, p.permissions())) continue;
      ObjectNode prompt =
          list.addObject().put("name", p.name()).put("description", p.description());
      ArrayNode args = prompt.putArray("arguments");
      for (RecordComponent c : p.arguments().getRecordComponents()) {
        args.addObject().put("name", c.getName()).put("required", !isOptionalString(c));
      }
    }
    return result;
  }

  private ObjectNode getPrompt(JsonNode params, McpCaller caller) {
    String name = string(params, "name");
    McpPrompt<?> p = prompts.get(name);
    if (p == null || !allowed(caller.principal(), p.permissions())) {
      throw new JsonRpc.Failure(
          JsonRpc.INVALID_PARAMS, "Unknown prompt: " + name + "; prompts/list lists them");
    }
    JsonNode args = params.has("arguments") ? params.get("arguments") : NODES.objectNode();
    if (!args.isObject())
      throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "\"arguments\" must be an object");
    for (RecordComponent c : p.arguments().getRecordComponents()) {
      if (!isOptionalString(c) && !args.path(c.getName()).isString()) {
        throw new JsonRpc.Failure(
            JsonRpc.INVALID_PARAMS,
            "Prompt '" + name + "' needs the string argument '" + c.getName() + "'");
      }
    }
    String text;
    try {
      text = render(p, args, caller);
    } catch (Arguments.Invalid e) {
      throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "Invalid arguments: " + e.getMessage());
    } catch (HttpException e) {
      throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, e.problem().detail());
    } catch (Exception e) {
      log.error("MCP prompt {} failed", name, e);
      throw new JsonRpc.Failure(
          JsonRpc.INTERNAL_ERROR, "The prompt failed; the server log has details");
    }
    ObjectNode result = NODES.objectNode().put("description", p.description());
    ObjectNode message = result.putArray("messages").addObject().put("role", "user");
    message.putObject("content").put("type", "text").put("text", text);
    return result;
  }

  private <A> String render(McpPrompt<A> p, JsonNode args, McpCaller caller) throws Exception {
    return p.render().render(caller, arguments.read(args, p.arguments()));
  }

  private static boolean isOptionalString(RecordComponent c) {
    return c.getType() == Optional.class
        && c.getGenericType() instanceof java.lang.reflect.ParameterizedType t
        && t.getActualTypeArguments()[0] == String.class;
  }

  private static String string(JsonNode params, String member) {
    JsonNode value = params.get(member);
    if (value == null || !value.isString()) {
      throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "params." + member + " must be a string");
    }
    return value.asString();
  }

  private static boolean allowed(Principal principal, Set<String> permissions) {
    return permissions.stream().allMatch(principal::can);
  }

  private static List<String> sorted(Set<String> permissions) {
    return permissions.stream().sorted().toList();
  }

  /** The caller of one request; progress goes out only when the client sent a token. */
  private record Caller(Principal principal, JsonNode token, Consumer<ObjectNode> notifier)
      implements McpCaller {
    @Override
    public void progress(double progress, double total, String message) {
      if (token == null) return;
      ObjectNode params = NODES.objectNode();
      params.set("progressToken", token);
      params.put("progress", progress);
      if (total > 0) params.put("total", total);
      if (!message.isEmpty()) params.put("message", message);
      notifier.accept(JsonRpc.notification("notifications/progress", params));
    }
  }
}
