package dev.keel.examples.techempower;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The responses follow TechEmpower's rules, on the event loop and on virtual threads alike. */
class TechEmpowerAppTest {

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void plaintextAndJsonFollowTheRules(boolean virtualThreads) throws Exception {
    Keel app =
        TechEmpowerApp.app(
                "--keel.server.port=0", "--keel.techempower.virtual-threads=" + virtualThreads)
            .start();
    try {
      String plain = exchange(app.port(), "/plaintext", 1);
      assertThat(plain).startsWith("HTTP/1.1 200 OK\r\n");
      assertThat(plain).containsIgnoringCase("content-type: text/plain");
      assertThat(plain).containsIgnoringCase("content-length: 13\r\n");
      assertThat(plain).containsIgnoringCase("server: Keel\r\n");
      assertThat(plain)
          .containsPattern("(?i)date: \\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
      assertThat(plain).endsWith("\r\n\r\nHello, World!");

      String json = exchange(app.port(), "/json", 1);
      assertThat(json).containsIgnoringCase("content-type: application/json\r\n");
      assertThat(json).endsWith("\r\n\r\n{\"message\":\"Hello, World!\"}");
    } finally {
      app.stop();
    }
  }

  @Test
  void plaintextSurvivesSixteenDeepPipelining() throws Exception {
    Keel app = TechEmpowerApp.app("--keel.server.port=0").start();
    try {
      String all = exchange(app.port(), "/plaintext", 16);
      assertThat(all.split("Hello, World!", -1)).hasSize(17);
    } finally {
      app.stop();
    }
  }

  /** Sends {@code count} pipelined GETs, the last with Connection: close, and reads everything. */
  private static String exchange(int port, String path, int count) throws Exception {
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      var request = new StringBuilder();
      for (int i = 0; i < count; i++) {
        request.append("GET ").append(path).append(" HTTP/1.1\r\nHost: tfb\r\n");
        if (i == count - 1) request.append("Connection: close\r\n");
        request.append("\r\n");
      }
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      var out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
