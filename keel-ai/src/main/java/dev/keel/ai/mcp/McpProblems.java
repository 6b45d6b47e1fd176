package dev.keel.ai.mcp;

import dev.keel.core.ProblemType;

/**
 * The HTTP-level problems of the MCP endpoint, listed with what to do in {@code docs/errors.md}. A
 * request without credentials is keel-core's {@code unauthenticated} (401); errors inside a valid
 * exchange are JSON-RPC errors, as the protocol wants.
 */
public final class McpProblems {
  private McpProblems() {}

  /** A request other than {@code initialize} came without an {@code Mcp-Session-Id} header. */
  public static final ProblemType SESSION_REQUIRED =
      new ProblemType("mcp-session-required", 400, "MCP session id missing");

  /** The {@code Mcp-Session-Id} is unknown, expired, ended or another principal's. */
  public static final ProblemType SESSION_UNKNOWN =
      new ProblemType("mcp-session-unknown", 404, "No such MCP session");

  /** The {@code MCP-Protocol-Version} header names a version this server does not speak. */
  public static final ProblemType PROTOCOL_VERSION =
      new ProblemType("mcp-protocol-version", 400, "Unsupported MCP protocol version");

  /** The {@code Accept} header allows neither {@code application/json} nor an event stream. */
  public static final ProblemType NOT_ACCEPTABLE =
      new ProblemType("mcp-not-acceptable", 406, "MCP response type not accepted");

  /** The request's {@code Origin} is not an allowed one (DNS rebinding protection). */
  public static final ProblemType ORIGIN_REFUSED =
      new ProblemType("mcp-origin-refused", 403, "MCP request from a foreign origin");

  /** The session already has its GET event stream open; only one is allowed. */
  public static final ProblemType STREAM_OPEN =
      new ProblemType("mcp-stream-open", 409, "MCP event stream already open");

  /** As many sessions as {@code keel.ai.mcp.max-sessions} are open. */
  public static final ProblemType SESSIONS_FULL =
      new ProblemType("mcp-sessions-full", 503, "Too many MCP sessions");
}
