package dev.keel.cli.internal.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.security.Principal;
import dev.keel.security.Security;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code keel mcp} as the CLI runs it: {@code AppMain mcp MAIN-CLASS} in a JVM of its own, the app
 * found through its {@code app(String...)}, MCP on the process's standard input and output.
 */
class McpCommandTest {
  @Test
  void servesTheAppsToolsOnStandardInputAndOutput() throws Exception {
    String token =
        McpTestApp.app().plugin(Security.class).orElseThrow().jwt().issue(Principal.of("ann"));
    Process process = start(token);
    try (OutputStream in = process.getOutputStream();
        var out =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      send(
          in,
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
              + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
      assertThat(out.readLine()).contains("\"serverInfo\":{\"name\":\"greeter\"");
      send(
          in,
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"greet\","
              + "\"arguments\":{\"name\":\"Bo\"}}}");
      assertThat(out.readLine()).contains("\"text\":\"Hello Bo from ann\"");
      in.close();
      assertThat(out.readLine()).isNull();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void withoutATokenItSaysWhatToSet() throws Exception {
    Process process = start(null);
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(err)
        .contains("keel: keel mcp serves as one of the app's principals: set KEEL_MCP_TOKEN");
    assertThat(process.getInputStream().readAllBytes()).isEmpty();
  }

  @Test
  void aRejectedTokenIsNamed() throws Exception {
    Process process = start("not-a-jwt");
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(err).contains("keel: the token in KEEL_MCP_TOKEN was rejected: ");
  }

  private static Process start(String token) throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    var builder =
        new ProcessBuilder(
            java,
            "-Dkeel.log.level=WARN",
            "-cp",
            System.getProperty("java.class.path"),
            AppMain.class.getName(),
            "mcp",
            McpTestApp.class.getName());
    builder.environment().remove("KEEL_MCP_TOKEN");
    if (token != null) builder.environment().put("KEEL_MCP_TOKEN", token);
    return builder.start();
  }

  private static void send(OutputStream in, String line) throws Exception {
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }
}
