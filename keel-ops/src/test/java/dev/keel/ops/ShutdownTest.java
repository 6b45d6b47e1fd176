package dev.keel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A real SIGTERM to a real process with a request in flight. */
class ShutdownTest {

  @Test
  void sigtermDrainsInFlightRequestsFailsReadinessAndExits() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    var command =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                classpath,
                ShutdownApp.class.getName(),
                "--keel.server.port=0",
                "--keel.server.shutdown-grace=20s",
                "--keel.ops.management.port=0",
                "--keel.ops.management.host=127.0.0.1",
                "--keel.ops.metrics.virtual-threads=false"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      var out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String ports = awaitLine(out, "PORTS ");
      String[] p = ports.split(" ");
      URI slow = URI.create("http://127.0.0.1:" + p[1] + "/slow");
      URI ready = URI.create("http://127.0.0.1:" + p[2] + "/health/ready");
      var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      assertThat(status(http, ready)).isEqualTo(200);

      var response =
          http.sendAsync(
              HttpRequest.newBuilder(slow).build(), HttpResponse.BodyHandlers.ofString());
      awaitLine(out, "SLOW");
      process.toHandle().destroy(); // SIGTERM on Linux

      int readiness = 200;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (readiness == 200 && System.nanoTime() < deadline) {
        readiness = status(http, ready);
      }
      assertThat(readiness).as("readiness while draining").isEqualTo(503);
      assertThat(response).isNotDone();

      OutputStream stdin = process.getOutputStream();
      stdin.write("release\n".getBytes(StandardCharsets.UTF_8));
      stdin.flush();
      var done = response.get(15, TimeUnit.SECONDS);
      assertThat(done.statusCode()).isEqualTo(200);
      assertThat(done.body()).isEqualTo("finished");

      assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("exited").isTrue();
      assertThat(process.exitValue()).isIn(0, 143);
    } finally {
      process.destroyForcibly();
    }
  }

  private static String awaitLine(BufferedReader out, String prefix) throws Exception {
    String line;
    var seen = new StringBuilder();
    while ((line = out.readLine()) != null) {
      if (line.startsWith(prefix)) return line;
      seen.append(line).append('\n');
    }
    throw new AssertionError("the child process ended before printing " + prefix + ":\n" + seen);
  }

  private static int status(HttpClient http, URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
