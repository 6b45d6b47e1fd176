package dev.keel.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Keel's artifacts in the user's local Maven repository: what a project made by {@code keel new}
 * builds against until Keel is published, under the coordinates it will be published with.
 */
public final class Installation {
  private Installation() {}

  /** The local repository: {@code maven.repo.local}, else {@code ~/.m2/repository}. */
  public static Path localRepository() {
    String configured = System.getProperty("maven.repo.local");
    return configured != null
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /** Whether this version of Keel (its BOM and CLI, installed last) is in the local repository. */
  public static boolean installed(String version) {
    Path keel = localRepository().resolve("dev/keel");
    return Files.isRegularFile(
            keel.resolve("keel-bom/" + version + "/keel-bom-" + version + ".pom"))
        && Files.isRegularFile(
            keel.resolve("keel-cli/" + version + "/keel-cli-" + version + ".jar"));
  }

  /** {@code mvn install} of every module, without tests; its exit code. */
  public static int install(Workspace ws) {
    Console.info(
        "installing Keel " + KeelCommand.version() + " into " + localRepository() + " ...");
    // the parent pom (.) and every keel-* module: examples, benchmarks and checks are not Keel
    var modules = new java.util.ArrayList<String>(List.of("."));
    try (var dirs = Files.list(ws.root())) {
      dirs.filter(d -> d.getFileName().toString().startsWith("keel-"))
          .filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .forEach(modules::add);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    int status =
        Maven.run(
            ws,
            List.of(
                "-q",
                "install",
                "-DskipTests",
                "-Dspotless.check.skip=true",
                "-pl",
                String.join(",", modules)));
    if (status == 0) Console.info("installed; projects made by keel new now build offline.");
    return status;
  }
}
