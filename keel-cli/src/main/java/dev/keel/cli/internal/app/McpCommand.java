package dev.keel.cli.internal.app;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code keel mcp}: the app's MCP server (keel-ai) on standard input and output, as the principal
 * of the token in {@code KEEL_MCP_TOKEN}, for AI agents that start servers as processes.
 */
final class McpCommand {
  static final String TOKEN = "KEEL_MCP_TOKEN";

  private McpCommand() {}

  static int run(String mainClass, String[] args, String token) {
    if (token == null || token.isBlank()) {
      throw new AppMain.AppCommandException(
          "keel mcp serves as one of the app's principals: set "
              + TOKEN
              + " to a token the app accepts (a JWT its keel-security issued), e.g. in the"
              + " agent's MCP server settings",
          2);
    }
    try {
      dev.keel.ai.mcp.Mcp.serveStdio(() -> AppMain.application(mainClass, args), token);
    } catch (NoClassDefFoundError e) {
      throw new AppMain.AppCommandException(
          "keel-ai is not on the app's class path: add the dependency dev.keel:keel-ai to its"
              + " pom.xml and .install(Mcp.builder(name, version)...build()) to its app(args)",
          1);
    } catch (dev.keel.security.TokenRejected e) {
      throw new AppMain.AppCommandException(
          "the token in " + TOKEN + " was rejected: " + e.reason(), 1);
    } catch (IllegalStateException e) {
      throw new AppMain.AppCommandException(e.getMessage(), 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return 0;
  }
}
