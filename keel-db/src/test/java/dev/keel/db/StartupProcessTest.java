package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's {@code main} with the database installed, in a real child JVM: a failed start-up closes
 * the pool and the event loops, prints one message and ends the process.
 */
class StartupProcessTest {
  @TempDir Path dir;

  @Test
  void aTakenPortEndsTheProcessAfterTheDatabaseConnected() throws Exception {
    try (var taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Path file = dir.resolve("app.db");
      Result r =
          run(
              "--keel.server.host=127.0.0.1",
              "--keel.server.port=" + port,
              "--keel.db.url=jdbc:sqlite:" + file);
      assertThat(file).as("the database connected and migrated before the port").exists();
      assertThat(r.exitCode).as("exit code; stderr:%n%s", r.err).isNotZero();
      assertThat(r.err)
          .contains("Keel could not listen on 127.0.0.1:" + port + " because another process");
      assertThat(r.err).doesNotContain("\tat ").doesNotContain("Caused by");
    }
  }

  @Test
  void aMissingDatabaseEndsTheProcessWithTheCommandThatCreatesIt() throws Exception {
    String name = "keel_missing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    Result r =
        run("--keel.server.port=0", "--keel.db.url=postgres://postgres@127.0.0.1:5432/" + name);
    assertThat(r.exitCode).isNotZero();
    assertThat(r.err)
        .contains("keel: could not start: Keel could not connect")
        .doesNotContain("Exception in thread")
        .contains("create it with createdb " + name + " (or CREATE DATABASE " + name + "; in psql)")
        .doesNotContain("\tat ")
        .doesNotContain("Caused by");
  }

  private record Result(int exitCode, String err) {}

  private Result run(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command =
        new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", classpath));
    command.add(DbStartupApp.class.getName());
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("KEEL_"));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    boolean exited = process.waitFor(20, TimeUnit.SECONDS);
    String errText = Files.readString(err, StandardCharsets.UTF_8);
    if (!exited) {
      process.destroyForcibly();
      throw new AssertionError(
          "the process did not exit within 20 s; stdout:\n"
              + Files.readString(out)
              + "\nstderr:\n"
              + errText);
    }
    return new Result(process.exitValue(), errText);
  }
}
