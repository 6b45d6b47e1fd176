package dev.keel.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The root of the command tree; {@link #execute} is what {@code dev.keel.cli.Main} runs. */
@Command(
    name = "keel",
    mixinStandardHelpOptions = true,
    versionProvider = KeelCommand.Version.class,
    description = "Keel's command line: new projects, dev mode, generators, tests, runs, packages.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      CommandLine.HelpCommand.class,
      NewCommand.class,
      RunCommands.Run.class,
      RunCommands.Demo.class,
      DevCommands.Dev.class,
      DevCommands.Console.class,
      BuildCommands.Test.class,
      BuildCommands.Format.class,
      BuildCommands.Install.class,
      AppCommands.Routes.class,
      AppCommands.OpenApi.class,
      AppCommands.Db.class,
      AppCommands.Jobs.class,
      AppCommands.Check.class,
      ClientCommand.class,
      AppCommands.Mcp.class,
      GenerateCommand.class,
      PackageCommand.class,
      BuildCommands.Bench.class,
      BuildCommands.Mvn.class,
      BuildCommands.Java.class,
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done",
      "  1  the command ran and failed (tests, build, start-up, migration)",
      "  2  wrong command line: unknown command or option, a bad name or value",
      "  *  other codes are those of the application or tool the command ran"
    })
public final class KeelCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Parses {@code args}, runs the command and returns the exit code (see {@code Main}). */
  public static int execute(String... args) {
    var cli = commandLine();
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    var cli = new CommandLine(new KeelCommand());
    // their arguments belong to the app or to Maven: --keel.server.port=9000, -Dtest=X
    for (String passThrough :
        java.util.List.of(
            "run", "demo", "test", "mvn", "bench", "routes", "openapi", "db", "check", "dev",
            "console")) {
      cli.getSubcommands().get(passThrough).setUnmatchedOptionsArePositionalParams(true);
    }
    cli.setOut(new PrintWriter(Console.out, true));
    cli.setErr(new PrintWriter(Console.err, true));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof UsageException u) {
            Console.error(u.getMessage());
            return 2;
          }
          if (e instanceof CommandFailed f) {
            Console.error(f.getMessage());
            return f.exitCode();
          }
          throw e;
        });
    cli.setParameterExceptionHandler(
        (e, args) -> {
          var err = e.getCommandLine().getErr();
          err.println("keel: " + e.getMessage());
          if (!Suggestions.print(e, err)) {
            err.println(
                "Run 'keel "
                    + (e.getCommandLine().getParent() == null
                        ? "help"
                        : e.getCommandLine().getCommandName() + " --help")
                    + "' for what is allowed.");
          }
          return 2;
        });
    return cli;
  }

  /** The version this CLI was built as, which is also the Keel version it makes projects for. */
  public static String version() {
    try (InputStream in =
        KeelCommand.class.getResourceAsStream("/dev/keel/cli/keel-cli.properties")) {
      var p = new Properties();
      if (in != null) p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "keel " + version() + " (Java " + Runtime.version() + ", " + Jdk.home() + ")"
      };
    }
  }
}
