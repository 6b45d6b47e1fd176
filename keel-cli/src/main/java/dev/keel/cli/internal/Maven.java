package dev.keel.cli.internal;

import java.util.ArrayList;
import java.util.List;

/** The workspace's Maven Wrapper, run with this JDK. */
public final class Maven {
  private Maven() {}

  /** Runs {@code ./mvnw -B --no-transfer-progress ARGS} in the workspace; its exit code. */
  public static int run(Workspace ws, List<String> args) {
    return Processes.run(ws.root(), command(ws, args));
  }

  /**
   * As {@link #runOrFail}, with Maven's output on standard error: for commands whose standard
   * output is a protocol ({@code keel mcp}).
   */
  public static void runOrFailToStderr(Workspace ws, List<String> args, String failure) {
    int status = Processes.runToStderr(ws.root(), command(ws, args));
    if (status != 0) throw new CommandFailed(failure, status);
  }

  private static List<String> command(Workspace ws, List<String> args) {
    var command = new ArrayList<String>();
    command.add(ws.root().resolve("mvnw").toString());
    command.add("-B");
    command.add("--no-transfer-progress");
    command.add("-f");
    command.add(ws.root().resolve("pom.xml").toString());
    command.addAll(args);
    return command;
  }

  /** As {@link #run}, but a failure ends the command with exit 1 and {@code failure}. */
  public static void runOrFail(Workspace ws, List<String> args, String failure) {
    int status = run(ws, args);
    if (status != 0) throw new CommandFailed(failure, status);
  }
}
