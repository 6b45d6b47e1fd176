package dev.keel.cli.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keel dev} (run and reload on every change) and {@code keel console} (JShell). */
final class DevCommands {
  private DevCommands() {}

  @Command(
      name = "dev",
      description = {
        "Run the app and restart it on every change in src/main (Java, resources, migrations).",
        "Changes are compiled in the app's JVM and the app restarts on a fresh class loader,",
        "on the same port; a compile error or a failed start is shown in the terminal and as",
        "the answer of every request (an HTML page, or problem+json) until it is fixed.",
        "In the Keel repository: dev NAME."
      },
      mixinStandardHelpOptions = true)
  static final class Dev implements Callable<Integer> {
    @Parameters(
        paramLabel = "[NAME] ARGS",
        description = "the example (repository only), then the app's arguments")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
      var args = new ArrayList<String>();
      App app = RunCommands.appAndArgs(Workspace.current(), words, "dev", args).build();
      return Processes.run(app.dir(), devCommand(app, args), Map.of());
    }
  }

  /** The JVM of {@code keel dev}: {@code DevMain} on the dependencies with this CLI's jar. */
  static List<String> devCommand(App app, List<String> args) {
    List<Path> libs = libraries(app);
    var line = new ArrayList<String>();
    line.add(Jdk.tool("java"));
    line.addAll(AppJvm.javaOpts());
    line.add("--enable-native-access=ALL-UNNAMED");
    line.add("-cp");
    line.add(join(libs) + File.pathSeparator + AppJvm.cliJar());
    line.add("dev.keel.cli.internal.dev.DevMain");
    line.add(app.dir().toAbsolutePath().toString());
    line.add(app.target().resolve("keel-dev").toAbsolutePath().toString());
    line.add(app.mainClass());
    line.add(join(libs));
    line.add(join(List.of(processor(app))));
    line.add("--");
    line.addAll(args);
    return line;
  }

  /** The jars of {@code target/lib}: the app's dependencies, copied there by its build. */
  static List<Path> libraries(App app) {
    Path lib = app.target().resolve("lib");
    if (!Files.isDirectory(lib)) {
      throw new CommandFailed(
          "no "
              + lib
              + "; the app's pom.xml must copy its dependencies there (keel new's pom does)");
    }
    try (Stream<Path> jars = Files.list(lib)) {
      return jars.filter(j -> j.toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * keel-processor's jar: in the repository the one its build made, in a project the one in the
   * local Maven repository (the project's pom names it in annotationProcessorPaths).
   */
  static Path processor(App app) {
    String version = KeelCommand.version();
    String jar = "keel-processor-" + version + ".jar";
    Path candidate =
        app.workspace().isRepository()
            ? app.workspace().root().resolve("keel-processor/target").resolve(jar)
            : Installation.localRepository()
                .resolve("dev/keel/keel-processor")
                .resolve(version)
                .resolve(jar);
    if (!Files.isRegularFile(candidate)) {
      throw new CommandFailed(
          "keel-processor is not at "
              + candidate
              + "; run ./keel install in your Keel checkout, then keel dev again");
    }
    return candidate;
  }

  private static String join(List<Path> paths) {
    return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
  }

  @Command(
      name = "console",
      description = {
        "JShell on the app's class path, like rails console: 'app' is the app (built by its",
        "app(args), not listening), 'db' its keel-db Database (connected, migrated as configured).",
        "Feed it a script on standard input: echo 'db.sql(\"select 1\").one(Integer.class)' |"
            + " keel console",
        "In the Keel repository: console NAME."
      },
      mixinStandardHelpOptions = true)
  static final class Console implements Callable<Integer> {
    @Parameters(
        paramLabel = "[NAME] ARGS",
        description = "the example (repository only), then the app's arguments")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
      var args = new ArrayList<String>();
      App app = RunCommands.appAndArgs(Workspace.current(), words, "console", args).build();
      return Processes.run(AppJvm.workingDirectory(), consoleCommand(app, args), Map.of());
    }
  }

  /** {@code jshell} with the app's class path and a start-up script that binds app and db. */
  static List<String> consoleCommand(App app, List<String> args) {
    List<Path> libs = libraries(app);
    boolean hasDb = libs.stream().anyMatch(j -> j.getFileName().toString().startsWith("keel-db-"));
    Path startup = app.target().resolve("keel-console.jsh");
    try {
      Files.writeString(startup, startupScript(app.mainClass(), args, hasDb));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var line = new ArrayList<String>();
    line.add(Jdk.tool("jshell"));
    line.add("--class-path");
    line.add(app.jar() + File.pathSeparator + join(libs) + File.pathSeparator + AppJvm.cliJar());
    line.add("-R--enable-native-access=ALL-UNNAMED");
    line.add("-R-Dkeel.log.level=" + System.getProperty("keel.log.level", "WARN"));
    for (String opt : AppJvm.javaOpts()) line.add("-R" + opt);
    line.add("--startup");
    line.add("DEFAULT");
    line.add("--startup");
    line.add(startup.toString());
    return line;
  }

  static String startupScript(String mainClass, List<String> args, boolean hasDb) {
    var b = new StringBuilder();
    b.append("import dev.keel.core.*;\n");
    b.append("import java.time.*;\n");
    if (hasDb) b.append("import dev.keel.db.*;\n");
    b.append("var app = dev.keel.cli.internal.app.ConsoleSession.app(\"")
        .append(mainClass)
        .append("\"");
    for (String a : args) b.append(", ").append(quote(a));
    b.append(");\n");
    if (hasDb) b.append("var db = dev.keel.cli.internal.app.ConsoleSession.db(app);\n");
    b.append("System.out.println(\"keel console: 'app' is ")
        .append(mainClass)
        .append(hasDb ? "'s app, 'db' its database" : "'s app")
        .append("; /exit ends.\");\n");
    return b.toString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
