package dev.keel.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keel client java|typescript}: builds the app, then writes (or with {@code --check}
 * compares) a typed client generated from the client model keel-processor wrote beside its routes
 * (ADR 0038). The generation runs on the app's class path, where the model and Jackson are.
 */
@Command(
    name = "client",
    description = {
      "Generate a typed Java or TypeScript client from the app's routes and records.",
      "--check compares the committed client with the server and fails on drift.",
      "In the Keel repository: client LANGUAGE NAME (or --project examples/NAME)."
    },
    mixinStandardHelpOptions = true)
final class ClientCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "LANGUAGE", description = "java or typescript")
  String language;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "NAME",
      description = "the example (repository only)")
  String name;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "the folder of the client (a source root for Java)")
  Path out;

  @Option(names = "--project", paramLabel = "DIR", description = "the app's folder")
  Path project;

  @Option(names = "--check", description = "compare, write nothing; exit 1 when they differ")
  boolean check;

  @Option(
      names = "--client-name",
      paramLabel = "NAME",
      description = "the client's class name (default: the main class's, App -> Client)")
  String clientName;

  @Option(
      names = "--package",
      paramLabel = "PACKAGE",
      description = "the Java client's package (default: the main class's)")
  String javaPackage;

  @Override
  public Integer call() {
    if (!List.of("java", "typescript").contains(language)) {
      throw new UsageException(
          "unknown client language '" + language + "'; choose java or typescript");
    }
    App app = app().build();
    var args = new ArrayList<String>();
    args.add(language);
    args.add(out.toAbsolutePath().normalize().toString());
    args.add(check ? "check" : "write");
    args.add(clientName == null ? "" : clientName);
    args.add(javaPackage == null ? "" : javaPackage);
    return AppJvm.runCommand(app, "client", args);
  }

  private App app() {
    Workspace ws = Workspace.current();
    if (project == null) return App.resolve(ws, name, "client " + language);
    Path dir = project.toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
      throw new UsageException("--project " + project + ": no pom.xml in " + dir);
    }
    if (ws.isRepository() && dir.getParent().equals(ws.root().resolve("examples"))) {
      return App.resolve(ws, dir.getFileName().toString(), "client " + language);
    }
    return new App(new Workspace(dir, Workspace.Kind.PROJECT), dir, App.artifactId(dir));
  }
}
