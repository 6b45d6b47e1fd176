package dev.keel.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the command runs: the Keel repository (its examples are the apps) or a project made by
 * {@code keel new} (the project is the app). The repository's launcher passes its folder as {@code
 * -Dkeel.root}, a project's launcher as {@code -Dkeel.project}; without either the working
 * directory and its parents are searched.
 */
public record Workspace(Path root, Kind kind) {
  public enum Kind {
    REPOSITORY,
    PROJECT
  }

  /** The workspace of this run. */
  public static Workspace current() {
    String project = System.getProperty("keel.project");
    if (project != null) {
      return new Workspace(Path.of(project).toAbsolutePath().normalize(), Kind.PROJECT);
    }
    String root = System.getProperty("keel.root");
    Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (isRepository(dir)) return new Workspace(dir, Kind.REPOSITORY);
      if (Files.isRegularFile(dir.resolve("pom.xml")) && root != null) {
        return new Workspace(dir, Kind.PROJECT);
      }
      if (isProject(dir)) return new Workspace(dir, Kind.PROJECT);
    }
    return new Workspace(start.toAbsolutePath().normalize(), Kind.PROJECT);
  }

  static boolean isRepository(Path dir) {
    return Files.isRegularFile(dir.resolve("keel-bom/pom.xml"))
        && Files.isRegularFile(dir.resolve("keel-core/pom.xml"));
  }

  static boolean isProject(Path dir) {
    Path pom = dir.resolve("pom.xml");
    try {
      return Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>keel-bom");
    } catch (IOException e) {
      return false;
    }
  }

  public boolean isRepository() {
    return kind == Kind.REPOSITORY;
  }

  /** The names of the example apps: folders of {@code examples/} that hold a pom.xml, sorted. */
  public List<String> examples() {
    var names = new ArrayList<String>();
    try (Stream<Path> dirs = Files.list(root.resolve("examples"))) {
      dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .forEach(names::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /** Refuses to run a repository-only command in a project. */
  public void requireRepository(String command) {
    if (!isRepository()) {
      throw new UsageException(
          "'keel "
              + command
              + "' runs in the Keel repository, not in a project; run it from your Keel checkout"
              + " (./keel "
              + command
              + ")");
    }
  }
}
