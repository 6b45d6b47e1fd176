package dev.keel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's {@code main} in a real child JVM, on the classpath an application gets from keel-core
 * alone: start-up failures print one message and end the process; start-up and errors are logged.
 */
class StartupProcessTest {
  private static final Duration EXIT_WITHIN = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void aTakenPortEndsTheProcessWithOneSentenceNamingHostPortAndTheSetting() throws Exception {
    try (var taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Child child =
          start(Map.of(), "--keel.server.host=127.0.0.1", "--keel.server.port=" + port).await();
      assertThat(child.exitCode).as("exit code; stderr:%n%s", child.err).isNotZero();
      assertThat(child.err)
          .contains(
              "keel: could not start: Keel could not listen on 127.0.0.1:"
                  + port
                  + " because another process uses that port; stop it, or choose another port"
                  + " with KEEL_SERVER_PORT (keel.server.port).");
      assertNoStackTrace(child.err);
    }
  }

  @Test
  void aMistypedKeyEndsTheProcessWithTheConfigurationMessageOnly() throws Exception {
    Child child = start(Map.of("KEEL_SERVER_PROT", "9000"), "--keel.server.port=0").await();
    assertThat(child.exitCode).isNotZero();
    assertThat(child.err)
        .contains("KEEL-CONFIG-002: unknown configuration keys (1 problem)")
        .contains("unknown key keel.server.prot (from environment variable KEEL_SERVER_PROT)")
        .contains("did you mean keel.server.port?");
    assertNoStackTrace(child.err);
  }

  @Test
  void withoutKeelOpsStartUpIsLoggedAndA500IsLoggedWithItsStackTrace() throws Exception {
    Child child = start(Map.of(), "--keel.server.port=0");
    try {
      String started = child.awaitOut(Pattern.compile("Keel started on (http://localhost:(\\d+))"));
      Matcher m = Pattern.compile("Keel started on (http://localhost:(\\d+))").matcher(started);
      assertThat(m.find()).isTrue();
      var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      var response =
          http.send(
              HttpRequest.newBuilder(URI.create(m.group(1) + "/boom")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).doesNotContain("boom from StartupApp");
      String logged = child.awaitOut(Pattern.compile("\\tat dev\\.keel\\.core\\.StartupApp"));
      assertThat(logged)
          .contains("ERROR")
          .contains("Unhandled exception")
          .contains("java.lang.IllegalStateException: boom from StartupApp");
    } finally {
      child.process.destroyForcibly();
    }
  }

  static void assertNoStackTrace(String err) {
    assertThat(err).doesNotContain("\tat ").doesNotContain("Caused by").doesNotContain("Netty");
    assertThat(err).doesNotContain("Exception in thread"); // the message alone, as one line
  }

  private Child start(Map<String, String> env, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // target/classes, keel-core's runtime dependencies (written by the build), the test's main
    String runtime = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
    String classpath =
        String.join(
            File.pathSeparator,
            Path.of("target", "classes").toAbsolutePath().toString(),
            runtime,
            Path.of("target", "test-classes").toAbsolutePath().toString());
    List<String> command =
        new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", classpath));
    command.add(StartupApp.class.getName());
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("KEEL_"));
    builder.environment().putAll(env);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    return new Child(builder.start(), out, err);
  }

  private static final class Child {
    final Process process;
    final Path out;
    final Path errFile;
    int exitCode;
    String err;

    Child(Process process, Path out, Path err) {
      this.process = process;
      this.out = out;
      this.errFile = err;
    }

    Child await() throws Exception {
      boolean exited = process.waitFor(EXIT_WITHIN.toSeconds(), TimeUnit.SECONDS);
      err = Files.readString(errFile, StandardCharsets.UTF_8);
      if (!exited) {
        process.destroyForcibly();
        throw new AssertionError(
            "the process did not exit within "
                + EXIT_WITHIN
                + "; stdout:\n"
                + Files.readString(out)
                + "\nstderr:\n"
                + err);
      }
      exitCode = process.exitValue();
      return this;
    }

    /** Standard output once it contains {@code pattern}, waiting at most 20 s. */
    String awaitOut(Pattern pattern) throws Exception {
      long deadline = System.nanoTime() + EXIT_WITHIN.toNanos();
      String text = "";
      while (System.nanoTime() < deadline) {
        text = Files.readString(out, StandardCharsets.UTF_8);
        if (pattern.matcher(text).find()) return text;
        if (!process.isAlive()) break;
        Thread.sleep(50);
      }
      throw new AssertionError(
          "no match for "
              + pattern
              + " in stdout:\n"
              + text
              + "\nstderr:\n"
              + Files.readString(errFile, StandardCharsets.UTF_8));
    }
  }
}
