package dev.keel.cli.internal.app;

import dev.keel.core.Config;
import dev.keel.core.ConfigException;
import dev.keel.core.Keel;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;

/**
 * The CLI's commands that read an application's code, run in a JVM on the application's class path:
 * {@code AppMain COMMAND MAIN-CLASS ARGS...}. The application is found through its main class's
 * {@code public static Keel app(String... args)}, which builds it without starting it — the one
 * entry point every Keel command uses, and what {@code keel new} generates.
 */
public final class AppMain {
  private AppMain() {}

  public static void main(String[] argv) {
    int status;
    try {
      status = run(argv, System.out);
    } catch (AppCommandException | ConfigException e) {
      System.err.println("keel: " + e.getMessage().strip());
      status = e instanceof AppCommandException a ? a.exitCode() : 2;
    }
    System.out.flush();
    System.exit(status); // a command, not a library: the app's threads must not keep it alive
  }

  static int run(String[] argv, PrintStream out) {
    String command = argv[0];
    String mainClass = argv[1];
    String[] args = Arrays.copyOfRange(argv, 2, argv.length);
    return switch (command) {
      case "routes" -> {
        out.print(application(mainClass, args).routeTable());
        yield 0;
      }
      case "openapi" ->
          OpenApiDocument.write(
              application(mainClass, Arrays.copyOfRange(args, 1, args.length)),
              java.nio.file.Path.of(args[0]),
              out);
      case "db" -> Migrations.run(args[0], Arrays.copyOfRange(args, 1, args.length), out);
      case "jobs" -> JobsCommand.run(args[0], Arrays.copyOfRange(args, 1, args.length), out);
      case "check-deploy" -> DeployCheck.run(Config.load(args), out);
      case "client" -> dev.keel.cli.internal.app.client.ClientFiles.run(mainClass, args, out);
      case "mcp" -> McpCommand.run(mainClass, args, System.getenv(McpCommand.TOKEN));
      default -> throw new AppCommandException("unknown command " + command, 2);
    };
  }

  /** The application of {@code mainClass}, built by its {@code app(String...)} and not started. */
  static Keel application(String mainClass, String[] args) {
    Class<?> type;
    try {
      type = Class.forName(mainClass);
    } catch (ClassNotFoundException e) {
      throw new AppCommandException("the main class " + mainClass + " is not on the class path", 1);
    }
    MethodHandle factory;
    try {
      factory =
          MethodHandles.publicLookup()
              .findStatic(type, "app", MethodType.methodType(Keel.class, String[].class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new AppCommandException(
          mainClass
              + " has no 'public static Keel app(String... args)'. Keel's commands find the"
              + " application through it: make main call app(args).start(), and let app(args)"
              + " build the application without starting it (keel new generates this).",
          1);
    }
    try {
      return (Keel) factory.asFixedArity().invoke(args);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** A failure the message explains, with the exit code to leave with. */
  static final class AppCommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    AppCommandException(String message, int exitCode) {
      super(message, null, false, false);
      this.exitCode = exitCode;
    }

    int exitCode() {
      return exitCode;
    }
  }
}
