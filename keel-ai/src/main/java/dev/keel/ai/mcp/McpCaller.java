package dev.keel.ai.mcp;

import dev.keel.security.Principal;

/**
 * Who calls a tool, reads a resource or gets a prompt, and a way to report progress back while the
 * call runs. Given to every handler; valid only during that call.
 */
public interface McpCaller {
  /** The authenticated principal: the HTTP request's, or the one {@code keel mcp} runs as. */
  Principal principal();

  /**
   * Sends a {@code notifications/progress} to the client, if it asked for progress (its request
   * carried {@code _meta.progressToken}); otherwise does nothing. Over HTTP it goes out on the
   * request's event stream before the result.
   *
   * @param progress how much is done so far; increases with each call
   * @param total the total, or 0 when unknown
   * @param message a short sentence for the user, or empty
   */
  void progress(double progress, double total, String message);
}
