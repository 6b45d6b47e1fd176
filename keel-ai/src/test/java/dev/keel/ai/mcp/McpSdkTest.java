package dev.keel.ai.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.security.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official MCP TypeScript SDK's client (from npm, installed into target/mcp-sdk; needs {@code
 * node} and {@code npm}) against the app's streamable HTTP endpoint.
 */
class McpSdkTest {
  static final String SDK = "@modelcontextprotocol/sdk@1.32.2";
  private Keel app;

  @BeforeEach
  void start() {
    app = NotesMcp.app().start();
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void theSdkClientListsCallsReadsAndIsRefusedWithoutCredentials() throws Exception {
    String token = NotesMcp.token(app, Principal.of("ann").withPermissions("notes:write"));
    String out = node("http", "http://127.0.0.1:" + app.port() + "/mcp", token);
    assertThat(out)
        .contains("version: notes 2025-11-25")
        .contains("tools: add_note,count_words,delete_note,note_count")
        .contains("schema: {\"type\":\"string\",\"minLength\":1}")
        .contains("call: {\"id\":1,\"title\":\"Milk\",\"body\":\"2 l\",\"author\":\"ann\"}")
        .contains("count: 3 progress: splitting")
        .contains("invalid: true Invalid arguments: argument 'title' must not be blank")
        .contains("resource: \"# Notes\\nWrite them down.\"")
        .contains("prompt: Summarize my notes about milk")
        .contains("unknown prompt: -32602")
        .containsPattern("refused: 401 .*unauthenticated")
        .contains("OK");
  }

  /** Runs the SDK script with {@code args}; its output, or a failure with it. */
  static String node(String... args) throws IOException, InterruptedException {
    Path dir = Path.of("target", "mcp-sdk").toAbsolutePath();
    if (!Files.isDirectory(dir.resolve("node_modules/@modelcontextprotocol/sdk"))) {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("package.json"), "{\"private\":true,\"type\":\"module\"}");
      run(dir, 300, List.of("npm", "install", "--no-audit", "--no-fund", "--silent", SDK));
    }
    try (InputStream script = McpSdkTest.class.getResourceAsStream("/mcp-sdk-client.mjs")) {
      Files.copy(script, dir.resolve("mcp-sdk-client.mjs"), StandardCopyOption.REPLACE_EXISTING);
    }
    var command = new java.util.ArrayList<>(List.of("node", "mcp-sdk-client.mjs"));
    command.addAll(List.of(args));
    return run(dir, 120, command);
  }

  private static String run(Path dir, int seconds, List<String> command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "run", ".log");
    var process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          String.join(" ", command)
              + " did not finish in "
              + seconds
              + " s:\n"
              + Files.readString(log));
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    assertThat(process.exitValue()).as("%s exited; output:%n%s", command.getFirst(), out).isZero();
    return out;
  }
}
