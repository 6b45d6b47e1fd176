package dev.keel.cli.internal;

import dev.keel.cli.internal.newproject.ProjectSpec;
import dev.keel.cli.internal.newproject.ProjectWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keel new PATH}: a standalone project that builds against this version of Keel from the
 * local Maven repository, installed there first when it is missing.
 */
@Command(
    name = "new",
    description = {
      "Create a project in PATH (a new or empty folder; its name is the app's name).",
      "It builds against this Keel from your local Maven repository: when Keel is not there yet,"
          + " it is installed first (./keel install, once).",
      "Then: cd PATH && ./keel run"
    },
    mixinStandardHelpOptions = true)
final class NewCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", description = "the folder to create, e.g. ~/code/blog")
  Path path;

  @Option(
      names = "--package",
      paramLabel = "PACKAGE",
      description = "the Java package (default: com.example.APP, dashes left out)")
  String packageName;

  @Option(
      names = "--db",
      paramLabel = "DB",
      description = "sqlite (a file under the project) or postgres (KEEL_DB_URL); default sqlite")
  String db = "sqlite";

  @Option(
      names = "--template",
      paramLabel = "TEMPLATE",
      description = "api (JSON, docs at /docs) or web (also jte pages with a form); default api")
  String template = "api";

  @Option(
      names = "--with",
      paramLabel = "FEATURES",
      description =
          "optional modules to wire in, comma-separated: graphql (the notes at /graphql, with"
              + " GraphiQL and a test), messaging (NoteCreated through the outbox to NATS,"
              + " RabbitMQ or Kafka, a subscriber and a test), oidc (sign-in with an OpenID"
              + " provider, on when keel.security.oidc.issuer is set); default none")
  String with = "";

  @Override
  public Integer call() {
    ProjectSpec spec = ProjectSpec.of(path, packageName, db, template, with);
    String version = KeelCommand.version();
    if (!Installation.installed(version)) {
      Workspace ws = Workspace.current();
      if (!ws.isRepository()) {
        throw new CommandFailed(
            "Keel "
                + version
                + " is not in "
                + Installation.localRepository()
                + "; run ./keel install in your Keel checkout, then keel new again");
      }
      Console.info(
          "Keel "
              + version
              + " is not in your local Maven repository yet: installing it once (about a minute)");
      long start = System.nanoTime();
      int status = Installation.install(ws);
      if (status != 0) {
        throw new CommandFailed("installing Keel failed; the messages above say why", status);
      }
      Console.info("installed Keel in " + seconds(start));
    } else if (Workspace.current().isRepository()) {
      Console.info(
          "building against Keel "
              + version
              + " as installed in "
              + Installation.localRepository()
              + "; after changing or pulling Keel, run ./keel install again");
    }
    long start = System.nanoTime();
    List<Path> files = ProjectWriter.write(spec);
    Console.info(
        "created "
            + spec.app()
            + " ("
            + spec.template().name().toLowerCase(java.util.Locale.ROOT)
            + ", "
            + spec.database().name().toLowerCase(java.util.Locale.ROOT)
            + spec.features().stream()
                .map(f -> ", " + f.name().toLowerCase(java.util.Locale.ROOT))
                .sorted()
                .collect(java.util.stream.Collectors.joining())
            + ", package "
            + spec.packageName()
            + ") in "
            + spec.dir()
            + ": "
            + files.size()
            + " files in "
            + seconds(start));
    Console.out.println();
    Console.out.println("  cd " + path);
    Console.out.println("  ./keel run     # http://localhost:8080, docs at /docs");
    Console.out.println("  ./keel test");
    Console.out.println();
    return 0;
  }

  private static String seconds(long startNanos) {
    double s = (System.nanoTime() - startNanos) / 1e9;
    return s < 10 ? String.format(java.util.Locale.ROOT, "%.1f s", s) : Math.round(s) + " s";
  }
}
