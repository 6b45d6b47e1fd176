package dev.keel.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keel run} and {@code keel demo}: build, make the start-up cache once, start. */
final class RunCommands {
  private RunCommands() {}

  /** Splits {@code NAME ARGS...} in the repository; in a project every word is an app argument. */
  static App appAndArgs(Workspace ws, List<String> words, String command, List<String> appArgs) {
    String name = null;
    if (ws.isRepository() && !words.isEmpty()) {
      name = words.getFirst();
      appArgs.addAll(words.subList(1, words.size()));
    } else {
      appArgs.addAll(words);
    }
    return App.resolve(ws, name, command);
  }

  @Command(
      name = "run",
      description = {
        "Build the app and run it.",
        "KEEL_* environment variables and --keel.* arguments pass through.",
        "In the Keel repository: run NAME, one of the folders of examples/.",
        "The JDK's start-up cache is made once per build, before the app starts."
      },
      mixinStandardHelpOptions = true)
  static final class Run implements Callable<Integer> {
    @Parameters(
        paramLabel = "[NAME] ARGS",
        description = "the example (repository only), then the app's arguments")
    List<String> words = new ArrayList<>();

    @Option(
        names = "--no-cache",
        description = "start without the start-up cache (no training run after a build)")
    boolean noCache;

    @Option(
        names = "--layout",
        paramLabel = "NAME",
        description =
            "start every process of this layout of the app's keel-deploy.properties (keel-services)")
    String layout;

    @Override
    public Integer call() {
      Workspace ws = Workspace.current();
      var args = new ArrayList<String>();
      App app = appAndArgs(ws, words, "run", args).build();
      if (layout != null) {
        var processes = LayoutRun.processes(LayoutRun.deployment(app.jar()), layout);
        return LayoutRun.run(
            AppJvm.workingDirectory(),
            processes,
            layout,
            AppJvm.command(app, List.of()),
            args,
            System.out);
      }
      return AppJvm.run(app, noCache ? List.of() : new AotCache(app).options(args), args);
    }
  }

  @Command(
      name = "demo",
      description = {
        "Build and run the showcase app, Conduit, on http://localhost:8080.",
        "Its few users and articles live in a fresh SQLite file each time (unless KEEL_DB_URL is"
            + " set)."
      },
      mixinStandardHelpOptions = true)
  static final class Demo implements Callable<Integer> {
    @Parameters(
        paramLabel = "ARGS",
        description = "arguments for Conduit, e.g. --keel.server.port=9000")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
      Workspace ws = Workspace.current();
      ws.requireRepository("demo");
      App app = App.resolve(ws, "conduit", "demo").build();
      var all = new ArrayList<String>();
      all.add("--seed");
      all.addAll(args);
      List<String> jvm = new AotCache(app).options(all);
      if (System.getenv("KEEL_DB_URL") == null) {
        Path demo = app.target().resolve("demo");
        try {
          if (Files.exists(demo)) AotCache.deleteTree(demo);
          Files.createDirectories(demo);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        all.add("--keel.db.url=jdbc:sqlite:" + demo.resolve("conduit.db"));
        Console.info(
            "a fresh demo database in " + demo + " (./keel run conduit keeps ./data/conduit.db)");
      }
      return AppJvm.run(app, jvm, all);
    }
  }
}
