package dev.keel.cli.internal;

import dev.keel.cli.Main;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts Java processes for an app: the app itself ({@code java -jar}), or one of the commands that
 * read its code ({@code routes}, {@code openapi}, {@code db}, {@code check}), which run {@code
 * dev.keel.cli.internal.app.AppMain} on the app's class path with this jar beside it.
 */
public final class AppJvm {
  private AppJvm() {}

  /** {@code JAVA_OPTS}, split on spaces, as the launcher scripts always honoured it. */
  public static List<String> javaOpts() {
    String opts = System.getenv("JAVA_OPTS");
    return opts == null || opts.isBlank() ? List.of() : List.of(opts.strip().split("\\s+"));
  }

  /** Runs the app's jar with {@code jvmOptions} and {@code args}; its exit code. */
  public static int run(App app, List<String> jvmOptions, List<String> args) {
    var command = command(app, jvmOptions);
    command.addAll(args);
    return Processes.run(workingDirectory(), command);
  }

  /** {@code java [jvmOptions] [JAVA_OPTS] -jar <the app's jar>}, without the app's arguments. */
  static List<String> command(App app, List<String> jvmOptions) {
    var command = new ArrayList<String>();
    command.add(Jdk.tool("java"));
    command.addAll(jvmOptions);
    command.addAll(javaOpts());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-jar");
    command.add(app.jar().toString());
    return command;
  }

  /** Runs {@code AppMain COMMAND MAIN-CLASS ARGS} on the app's class path; its exit code. */
  public static int runCommand(App app, String command, List<String> args) {
    var line = new ArrayList<String>();
    line.add(Jdk.tool("java"));
    line.addAll(javaOpts());
    line.add("--enable-native-access=ALL-UNNAMED");
    line.add("-Dkeel.log.level=" + System.getProperty("keel.log.level", "WARN")); // the answer only
    line.add("-cp");
    line.add(app.jar() + java.io.File.pathSeparator + cliJar());
    line.add("dev.keel.cli.internal.app.AppMain");
    line.add(command);
    line.add(app.mainClass());
    line.addAll(args);
    return Processes.run(workingDirectory(), line, Map.of());
  }

  /**
   * Where the user ran the command: the app's {@code ./data} and {@code keel.properties} are there.
   */
  static Path workingDirectory() {
    return Path.of("").toAbsolutePath();
  }

  /** This CLI's own jar (or classes folder, in its tests). */
  public static Path cliJar() {
    try {
      return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
