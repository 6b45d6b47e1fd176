package dev.keel.cli.internal.generate;

import dev.keel.cli.internal.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A project made by {@code keel new}: its folder, and the class whose {@code public static Keel
 * app(String... args)} builds the application (its package is where resources go).
 */
public record Project(Path root, Path appFile, String basePackage, String appClass) {
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

  public static Project at(Path root) {
    Path pom = root.resolve("pom.xml");
    Path sources = root.resolve("src/main/java");
    if (!Files.isRegularFile(pom) || !Files.isDirectory(sources)) {
      throw new UsageException(
          root
              + " is not a Keel project (no pom.xml and src/main/java); run this inside a project"
              + " made by keel new, or give its folder with --project DIR");
    }
    List<Path> apps;
    try (Stream<Path> files = Files.walk(sources)) {
      apps =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(Project::buildsApp)
              .sorted(Comparator.comparing((Path f) -> !f.endsWith("App.java")))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (apps.isEmpty()) {
      throw new UsageException(
          "no class in "
              + sources
              + " has 'public static Keel app(String... args)'; the generators add controllers"
              + " there, so add it (see keel-cli/README.md, Project layout)");
    }
    Path app = apps.getFirst();
    Matcher m = PACKAGE.matcher(read(app));
    if (!m.find()) {
      throw new UsageException(app + " has no package; put it in one, e.g. com.example.blog");
    }
    String name = app.getFileName().toString().replace(".java", "");
    return new Project(root, app, m.group(1), m.group(1) + "." + name);
  }

  private static boolean buildsApp(Path file) {
    return read(file).contains("public static Keel app(");
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The main source folder of a package. */
  public Path mainJava(String pkg) {
    return root.resolve("src/main/java").resolve(pkg.replace('.', '/'));
  }

  /** The test source folder of a package. */
  public Path testJava(String pkg) {
    return root.resolve("src/test/java").resolve(pkg.replace('.', '/'));
  }

  public Path migrations() {
    return root.resolve("src/main/resources/db/migration");
  }

  public Path templates() {
    return root.resolve("src/main/jte");
  }
}
