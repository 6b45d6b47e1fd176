package dev.keel.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * An application the commands act on: in the Keel repository a folder of {@code examples/} chosen
 * by name, in a project the project itself. Built by Maven into {@code target/NAME.jar} with its
 * dependencies in {@code target/lib} (the jar's manifest names them and the main class).
 */
public record App(Workspace workspace, Path dir, String name) {

  /**
   * The app {@code name} names: required in the repository (an example), refused in a project.
   *
   * @throws UsageException with the examples to choose from, or what to leave out
   */
  public static App resolve(Workspace ws, String name, String command) {
    if (ws.isRepository()) {
      List<String> examples = ws.examples();
      if (name == null) {
        throw new UsageException(
            "usage: ./keel "
                + command
                + " NAME   (NAME is one of: "
                + String.join(" ", examples)
                + ")");
      }
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || !examples.contains(name)) {
        throw new UsageException(
            "no example '" + name + "'; choose one of: " + String.join(" ", examples));
      }
      return new App(ws, ws.root().resolve("examples").resolve(name), name);
    }
    if (name != null) {
      throw new UsageException(
          "'keel " + command + "' acts on this project; leave out '" + name + "'");
    }
    return new App(ws, ws.root(), artifactId(ws.root()));
  }

  /** The project's Maven artifactId (its jar's name), or the folder's name without a pom. */
  static String artifactId(Path dir) {
    try {
      String pom = Files.readString(dir.resolve("pom.xml"));
      // the project's own, not its parent's
      String own = pom.replaceAll("(?s)<parent>.*?</parent>", "");
      var m =
          java.util.regex.Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>")
              .matcher(own);
      if (m.find()) return m.group(1);
    } catch (IOException e) {
      // no readable pom: the folder's name
    }
    return dir.getFileName().toString();
  }

  /** Compiles and packages the app and what it needs, without tests; stops on a broken build. */
  public App build() {
    Maven.runOrFail(workspace, buildArgs(), "the build failed; the compiler's messages are above");
    return this;
  }

  /** As {@link #build}, with the build's output on standard error ({@code keel mcp}). */
  public App buildToStderr() {
    Maven.runOrFailToStderr(
        workspace, buildArgs(), "the build failed; the compiler's messages are above");
    return this;
  }

  private List<String> buildArgs() {
    var args = new ArrayList<String>();
    args.add("-q");
    if (workspace.isRepository()) {
      args.addAll(List.of("-pl", "examples/" + name, "-am"));
    }
    args.addAll(List.of("package", "-DskipTests", "-Dspotless.check.skip=true"));
    return args;
  }

  /** The app's jar: the one in {@code target} whose manifest has a main class. */
  public Path jar() {
    try (Stream<Path> files = Files.list(dir.resolve("target"))) {
      return files
          .filter(f -> f.toString().endsWith(".jar"))
          .filter(f -> mainClass(f) != null)
          .findFirst()
          .orElseThrow(
              () ->
                  new CommandFailed(
                      "no runnable jar in "
                          + dir.resolve("target")
                          + "; its pom.xml must build one with a Main-Class (keel new's pom does)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The main class named by the jar's manifest. */
  public String mainClass() {
    return mainClass(jar());
  }

  private static String mainClass(Path jar) {
    try (var file = new JarFile(jar.toFile())) {
      var manifest = file.getManifest();
      return manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
    } catch (IOException e) {
      return null;
    }
  }

  public Path target() {
    return dir.resolve("target");
  }
}
