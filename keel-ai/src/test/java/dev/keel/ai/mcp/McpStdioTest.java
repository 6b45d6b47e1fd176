package dev.keel.ai.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.security.Principal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stdio transport for real: a separate JVM runs {@link NotesMcp#main}, which serves as {@code
 * keel mcp} does ({@link Mcp#serveStdio(java.util.function.Supplier, String)}), driven once by raw
 * lines and once by the official TypeScript SDK's stdio client.
 */
class McpStdioTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static String token() {
    return NotesMcp.token(NotesMcp.app(), Principal.of("ann").withPermissions("notes:write"));
  }

  private static List<String> command() {
    String java = ProcessHandle.current().info().command().orElseThrow();
    return List.of(java, "-cp", System.getProperty("java.class.path"), NotesMcp.class.getName());
  }

  @Test
  void linesInLinesOutAndOnlyJsonOnStandardOutput() throws Exception {
    var builder = new ProcessBuilder(command());
    builder.environment().put("KEEL_MCP_TOKEN", token());
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream();
        var out =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      send(
          in,
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
              + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
      JsonNode init = JSON.readTree(out.readLine());
      assertThat(init.at("/result/protocolVersion").asString()).isEqualTo("2025-06-18");
      send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      send(in, "{not json");
      JsonNode parse = JSON.readTree(out.readLine());
      assertThat(parse.at("/error/code").asInt()).isEqualTo(-32700);
      assertThat(parse.get("id").isNull()).isTrue();
      send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}");
      assertThat(JSON.readTree(out.readLine()).at("/error/code").asInt()).isEqualTo(-32601);
      send(
          in,
          "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"add_note\","
              + "\"arguments\":{\"title\":\"Tea\"}}}");
      JsonNode call = JSON.readTree(out.readLine());
      assertThat(call.get("id").asInt()).isEqualTo(3);
      assertThat(call.at("/result/structuredContent/author").asString()).isEqualTo("ann");
      in.close(); // end of input: the server stops
      assertThat(out.readLine()).isNull();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void aBadTokenStopsTheServerWithAReason() throws Exception {
    var builder = new ProcessBuilder(command()).redirectErrorStream(true);
    builder.environment().put("KEEL_MCP_TOKEN", "not-a-token");
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isNotZero();
    assertThat(out).contains("TokenRejected");
  }

  @Test
  void theSdkStdioClientListsCallsReadsAndGets() throws Exception {
    List<String> command = command();
    String spec =
        JSON.writeValueAsString(
            Map.of(
                "command", command.getFirst(),
                "args", command.subList(1, command.size()),
                "env", Map.of("KEEL_MCP_TOKEN", token())));
    String out = McpSdkTest.node("stdio", spec);
    assertThat(out)
        .contains("version: notes")
        .contains("tools: add_note,count_words,delete_note,note_count")
        .contains("call: {\"id\":1,\"title\":\"Milk\",\"body\":\"2 l\",\"author\":\"ann\"}")
        .contains("count: 3 progress: splitting")
        .contains("resource: \"# Notes\\nWrite them down.\"")
        .contains("prompt: Summarize my notes about milk")
        .contains("OK");
  }

  private static void send(OutputStream in, String line) throws Exception {
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }
}
