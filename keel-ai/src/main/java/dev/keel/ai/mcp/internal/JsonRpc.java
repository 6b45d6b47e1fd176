package dev.keel.ai.mcp.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON-RPC 2.0 messages and error codes (jsonrpc.org/specification §5.1, MCP's -32002). */
public final class JsonRpc {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;
  public static final int RESOURCE_NOT_FOUND = -32002;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonRpc() {}

  /** The kinds of message a peer may send. */
  public enum Kind {
    REQUEST,
    NOTIFICATION,
    RESPONSE
  }

  /** A failure answered as a JSON-RPC error. */
  public static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    public Failure(int code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  /**
   * What {@code message} is, or a {@link Failure} with {@link #INVALID_REQUEST} saying what is
   * wrong with it.
   */
  public static Kind kind(JsonNode message) {
    if (message.isArray()) {
      throw new Failure(
          INVALID_REQUEST,
          "JSON-RPC batches are not part of MCP since 2025-06-18; send one message per request");
    }
    if (!message.isObject()) {
      throw new Failure(INVALID_REQUEST, "a JSON-RPC message is a JSON object");
    }
    JsonNode version = message.get("jsonrpc");
    if (version == null || !version.isString() || !version.asString().equals("2.0")) {
      throw new Failure(INVALID_REQUEST, "the member \"jsonrpc\" must be \"2.0\"");
    }
    JsonNode id = message.get("id");
    if (id != null && !id.isString() && !id.isIntegralNumber()) {
      throw new Failure(INVALID_REQUEST, "the member \"id\" must be a string or an integer");
    }
    JsonNode method = message.get("method");
    if (method != null) {
      if (!method.isString() || method.asString().isEmpty()) {
        throw new Failure(INVALID_REQUEST, "the member \"method\" must be a non-empty string");
      }
      JsonNode params = message.get("params");
      if (params != null && !params.isObject()) {
        throw new Failure(INVALID_REQUEST, "the member \"params\" must be an object in MCP");
      }
      return id == null ? Kind.NOTIFICATION : Kind.REQUEST;
    }
    if (id != null && (message.has("result") || message.has("error"))) return Kind.RESPONSE;
    throw new Failure(
        INVALID_REQUEST, "a JSON-RPC message needs a \"method\", or an \"id\" with a result");
  }

  /** The id of {@code message} when it has a usable one, else JSON {@code null}. */
  public static JsonNode idOf(JsonNode message) {
    JsonNode id = message != null && message.isObject() ? message.get("id") : null;
    return id != null && (id.isString() || id.isIntegralNumber()) ? id : NullNode.getInstance();
  }

  public static ObjectNode result(JsonNode id, JsonNode result) {
    ObjectNode response = NODES.objectNode().put("jsonrpc", "2.0");
    response.set("id", id);
    response.set("result", result);
    return response;
  }

  public static ObjectNode error(JsonNode id, int code, String message) {
    ObjectNode response = NODES.objectNode().put("jsonrpc", "2.0");
    response.set("id", id);
    response.putObject("error").put("code", code).put("message", message);
    return response;
  }

  public static ObjectNode notification(String method, ObjectNode params) {
    ObjectNode n = NODES.objectNode().put("jsonrpc", "2.0").put("method", method);
    n.set("params", params);
    return n;
  }
}
