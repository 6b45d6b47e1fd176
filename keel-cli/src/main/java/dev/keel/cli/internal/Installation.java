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

  /**
   * The local repository Maven uses: {@code -Dmaven.repo.local} given to this JVM or, as Maven
   * reads it, in {@code MAVEN_OPTS}; else {@code ~/.m2/repository}.
   */
  public static Path localRepository() {
    String configured = System.getProperty("maven.repo.local");
    if (configured == null) configured = fromMavenOpts(System.getenv("MAVEN_OPTS"));
    return configured != null
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  static String fromMavenOpts(String opts) {
    String found = null;
    if (opts != null) {
      for (String opt : opts.strip().split("\\s+")) {
        if (opt.startsWith("-Dmaven.repo.local=")) found = opt.substring(19);
      }
    }
    return found == null || found.isEmpty() ? null : found;
  }

  /** What a project made by keel new needs, besides the BOM and the parent pom. */
  static final List<String> MODULES =
      List.of(
          "keel-core",
          "keel-web",
          "keel-processor",
          "keel-db",
          "keel-openapi",
          "keel-ops",
          "keel-security",
          "keel-views",
          "keel-test",
          "keel-cli");

  /**
   * Whether this version of Keel is in the local repository: the BOM, the parent and the jar of
   * every module a project made by keel new uses.
   */
  public static boolean installed(String version) {
    Path keel = localRepository().resolve("dev/keel");
    var needed = new java.util.ArrayList<Path>();
    for (String pom : List.of("keel-bom", "keel-parent")) {
      needed.add(keel.resolve(pom + "/" + version + "/" + pom + "-" + version + ".pom"));
    }
    for (String module : MODULES) {
      needed.add(keel.resolve(module + "/" + version + "/" + module + "-" + version + ".jar"));
    }
    return needed.stream().allMatch(Files::isRegularFile);
  }

  /**
   * {@code mvn install} of the BOM, the parent and every {@code keel-*} module (the CLI's jar
   * included), without compiling or running tests; its exit code.
   */
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
                "-Dmaven.test.skip=true",
                "-Dspotless.check.skip=true",
                "-pl",
                String.join(",", modules)));
    if (status == 0) Console.info("installed; projects made by keel new now build offline.");
    return status;
  }
}
