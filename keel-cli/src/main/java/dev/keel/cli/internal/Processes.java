package dev.keel.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs tools and apps as child processes sharing the terminal, with this JDK as JAVA_HOME. */
public final class Processes {
  private Processes() {}

  /** Runs {@code command} in {@code dir} with the terminal's input and output; its exit code. */
  public static int run(Path dir, List<String> command, Map<String, String> env) {
    var builder = new ProcessBuilder(command).directory(dir.toFile()).inheritIO();
    builder.environment().put("JAVA_HOME", Jdk.home().toString());
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      // Ctrl-C reaches the whole process group: the child stops, then this waits for it.
      Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> stop(process)));
      return waitFor(process);
    } catch (IOException e) {
      throw new CommandFailed("cannot run " + command.getFirst() + ": " + e.getMessage());
    }
  }

  /** As {@link #run}, with the child's standard output copied to this process's standard error. */
  public static int runToStderr(Path dir, List<String> command) {
    var builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.INHERIT)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("JAVA_HOME", Jdk.home().toString());
    try {
      Process process = builder.start();
      Thread.ofVirtual().start(() -> copy(process.getInputStream()));
      return waitFor(process);
    } catch (IOException e) {
      throw new CommandFailed("cannot run " + command.getFirst() + ": " + e.getMessage());
    }
  }

  private static void copy(java.io.InputStream out) {
    try (out) {
      out.transferTo(System.err);
    } catch (IOException e) {
      // the child ended
    }
  }

  public static int run(Path dir, List<String> command) {
    return run(dir, command, Map.of());
  }

  /** Runs {@code command} with its output appended to {@code log}; its exit code. */
  public static int runQuietly(Path dir, List<String> command, Path log) {
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return waitFor(p);
    } catch (IOException e) {
      throw new CommandFailed("cannot run " + command.getFirst() + ": " + e.getMessage());
    }
  }

  static int waitFor(Process process) {
    while (true) {
      try {
        return process.waitFor();
      } catch (InterruptedException e) {
        process.destroy();
      }
    }
  }

  private static void stop(Process process) {
    if (!process.isAlive()) return;
    process.destroy(); // SIGTERM: a Keel app drains and stops
    try {
      process.waitFor(35, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
