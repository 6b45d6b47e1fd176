package dev.keel.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Commands that read an app's code: they build it, then run on its class path (see {@code
 * internal.app.AppMain}), through the app's {@code public static Keel app(String... args)}.
 */
final class AppCommands {
  private AppCommands() {}

  @Command(
      name = "routes",
      description = {
        "Print the middleware order and the route table.",
        "In the Keel repository: routes NAME."
      },
      mixinStandardHelpOptions = true)
  static final class Routes implements Callable<Integer> {
    @Parameters(
        paramLabel = "[NAME] ARGS",
        description = "the example (repository only), then the app's arguments")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
      var args = new ArrayList<String>();
      App app = RunCommands.appAndArgs(Workspace.current(), words, "routes", args).build();
      return AppJvm.runCommand(app, "routes", args);
    }
  }

  @Command(
      name = "openapi",
      description = {
        "Write the app's OpenAPI 3.1 document (it must install keel-openapi).",
        "In the Keel repository: openapi NAME."
      },
      mixinStandardHelpOptions = true)
  static final class OpenApi implements Callable<Integer> {
    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "where to write it (default: openapi.json)")
    Path output = Path.of("openapi.json");

    @Parameters(
        paramLabel = "[NAME] ARGS",
        description = "the example (repository only), then the app's arguments")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
      var args = new ArrayList<String>();
      App app = RunCommands.appAndArgs(Workspace.current(), words, "openapi", args).build();
      args.addFirst(output.toAbsolutePath().normalize().toString());
      return AppJvm.runCommand(app, "openapi", args);
    }
  }

  @Command(
      name = "db",
      description = {
        "Database migrations, with the app's configuration (KEEL_DB_URL, ...).",
        "  migrate   apply the pending migrations",
        "  status    applied and pending counts, current version",
        "  info      one line per migration",
        "  validate  check applied migrations against the files",
        "In the Keel repository: db COMMAND NAME."
      },
      mixinStandardHelpOptions = true)
  static final class Db implements Callable<Integer> {
    @Parameters(
        index = "0",
        paramLabel = "COMMAND",
        description = "migrate, status, info or validate")
    String command;

    @Parameters(
        index = "1..*",
        paramLabel = "[NAME] ARGS",
        description = "the example (repository only), then the app's arguments")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
      if (!List.of("migrate", "status", "info", "validate").contains(command)) {
        throw new UsageException(
            "unknown db command '" + command + "'; use migrate, status, info or validate");
      }
      var args = new ArrayList<String>();
      App app = RunCommands.appAndArgs(Workspace.current(), words, "db " + command, args).build();
      args.addFirst(command);
      return AppJvm.runCommand(app, "db", args);
    }
  }

  @Command(
      name = "jobs",
      description = {
        "The app's background jobs (keel-jobs), with its configuration (KEEL_DB_URL, ...).",
        "  list [failed|ready|running]  jobs in that state (failed by default)",
        "  queues                       each queue's counts, oldest wait and pause flag",
        "  retry ID                     run a failed job again with fresh attempts",
        "  discard ID                   delete a failed or waiting job",
        "In the Keel repository: jobs COMMAND [ID] NAME."
      },
      mixinStandardHelpOptions = true)
  static final class Jobs implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "COMMAND", description = "list, queues, retry or discard")
    String command;

    @Parameters(
        index = "1..*",
        paramLabel = "[ID|STATE] [NAME] ARGS",
        description = "the job id or state, the example (repository only), the app's arguments")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
      if (!List.of("list", "queues", "retry", "discard").contains(command)) {
        throw new UsageException(
            "unknown jobs command '" + command + "'; use list, queues, retry or discard");
      }
      String first = null;
      boolean needsId = command.equals("retry") || command.equals("discard");
      if (needsId) {
        if (words.isEmpty() || !words.getFirst().matches("\\d{1,18}")) {
          throw new UsageException(
              "jobs " + command + " needs a job id, e.g. keel jobs " + command + " 42");
        }
        first = words.removeFirst();
      } else if (command.equals("list")
          && !words.isEmpty()
          && List.of("failed", "ready", "running").contains(words.getFirst())) {
        first = words.removeFirst();
      }
      var args = new ArrayList<String>();
      App app = RunCommands.appAndArgs(Workspace.current(), words, "jobs " + command, args).build();
      args.addFirst(first == null ? "failed" : first);
      args.addFirst(command);
      return AppJvm.runCommand(app, "jobs", args);
    }
  }

  @Command(
      name = "mcp",
      description = {
        "Serve the app's MCP server (keel-ai) on stdin and stdout, for AI agents.",
        "Runs as the principal of the token in KEEL_MCP_TOKEN; logs go to stderr.",
        "In the Keel repository: mcp NAME."
      },
      mixinStandardHelpOptions = true)
  static final class Mcp implements Callable<Integer> {
    @Parameters(
        paramLabel = "[NAME] ARGS",
        description = "the example (repository only), then the app's arguments")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
      var args = new ArrayList<String>();
      App app = RunCommands.appAndArgs(Workspace.current(), words, "mcp", args).buildToStderr();
      return AppJvm.runCommand(app, "mcp", args);
    }
  }

  @Command(
      name = "check",
      description = {
        "Check the app's configuration for a deployment (Django's check --deploy).",
        "Every insecure setting with its id and fix; exit 1 when there is any.",
        "Run it with the production environment, e.g. KEEL_PROFILE=prod keel check --deploy."
      },
      mixinStandardHelpOptions = true)
  static final class Check implements Callable<Integer> {
    @Option(names = "--deploy", required = true, description = "the deployment checks")
    boolean deploy;

    @Parameters(
        paramLabel = "[NAME] ARGS",
        description = "the example (repository only), then the app's arguments")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
      var args = new ArrayList<String>();
      App app = RunCommands.appAndArgs(Workspace.current(), words, "check", args).build();
      return AppJvm.runCommand(app, "check-deploy", args);
    }
  }
}
