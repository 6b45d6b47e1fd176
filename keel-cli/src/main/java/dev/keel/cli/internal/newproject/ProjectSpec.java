package dev.keel.cli.internal.newproject;

import dev.keel.cli.internal.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;

/**
 * What {@code keel new} makes: the folder, the app's name (the folder's name, also its Maven
 * artifactId, jar, image and Kubernetes name), its Java package, database and template. {@link #of}
 * checks all of it before anything is written.
 */
public record ProjectSpec(
    Path dir,
    String app,
    String packageName,
    Database database,
    Template template,
    Set<Feature> features) {

  public ProjectSpec {
    features = Set.copyOf(features);
  }

  public enum Database {
    SQLITE,
    POSTGRES
  }

  public enum Template {
    API,
    WEB
  }

  /** The optional modules {@code --with} adds, each wired into the app with a test. */
  public enum Feature {
    GRAPHQL,
    MESSAGING,
    OIDC
  }

  /** Names a project cannot take: they are Keel's own artifacts. */
  private static final Set<String> RESERVED = Set.of("keel", "keel-cli", "keel-bom", "keel-parent");

  /**
   * The project for {@code keel new PATH [--package P] [--db D] [--template T]}, with no features.
   *
   * @param packageName the Java package, or {@code null} for {@code com.example.APP}
   * @throws UsageException with one sentence saying what to do, when anything is wrong
   */
  public static ProjectSpec of(Path path, String packageName, String db, String template) {
    return of(path, packageName, db, template, "");
  }

  /**
   * The project for {@code keel new PATH ... --with graphql,messaging,oidc}.
   *
   * @param with the features, comma-separated (empty for none)
   */
  public static ProjectSpec of(
      Path path, String packageName, String db, String template, String with) {
    Path dir = path.toAbsolutePath().normalize();
    if (dir.getFileName() == null) {
      throw new UsageException("keel new needs a folder to create, e.g. ./keel new ~/code/blog");
    }
    String app = dir.getFileName().toString();
    checkAppName(app);
    checkFolder(path, dir);
    String pkg = packageName != null ? packageName : defaultPackage(app);
    checkPackage(pkg, packageName == null);
    return new ProjectSpec(
        dir,
        app,
        pkg,
        choice(Database.class, db, "--db", "sqlite or postgres"),
        choice(Template.class, template, "--template", "api or web"),
        features(with));
  }

  static Set<Feature> features(String with) {
    var out = java.util.EnumSet.noneOf(Feature.class);
    if (with == null || with.isBlank()) return out;
    for (String part : with.split(",", -1)) {
      String name = part.strip();
      if (name.isEmpty()) {
        throw new UsageException(
            "--with "
                + with
                + " has an empty item; list features with single commas, e.g. --with graphql,oidc");
      }
      out.add(
          choice(Feature.class, name, "--with", "graphql, messaging or oidc (comma-separated)"));
    }
    return out;
  }

  /** The Maven groupId: the package without its last part ({@code com.example} for a blog). */
  public String groupId() {
    int dot = packageName.lastIndexOf('.');
    return dot < 0 ? packageName : packageName.substring(0, dot);
  }

  /** The package as a path, e.g. {@code com/example/blog}. */
  public String packagePath() {
    return packageName.replace('.', '/');
  }

  static String defaultPackage(String app) {
    return "com.example." + app.replace("-", "");
  }

  private static void checkAppName(String app) {
    if (!app.matches("[a-z][a-z0-9-]{0,62}") || app.endsWith("-") || app.contains("--")) {
      throw new UsageException(
          "'"
              + app
              + "' cannot name an app (the folder's name is the app's name): use lower-case"
              + " letters, digits and single dashes, starting with a letter, at most 63 characters,"
              + " e.g. ./keel new ~/code/my-blog");
    }
    if (RESERVED.contains(app) || app.startsWith("keel-")) {
      throw new UsageException(
          "'"
              + app
              + "' is the name of a Keel artifact; choose another folder name, e.g. my-"
              + app);
    }
  }

  private static void checkFolder(Path given, Path dir) {
    if (Files.isRegularFile(dir)) {
      throw new UsageException(
          given + " is a file; give keel new a folder that does not exist yet (it creates it)");
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new UsageException(
              given
                  + " is not empty; give keel new a folder that does not exist yet or is empty, so"
                  + " nothing of yours is overwritten");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void checkPackage(String pkg, boolean derived) {
    String problem = packageProblem(pkg);
    if (problem == null) return;
    throw new UsageException(
        derived
            ? "the app's package would be "
                + pkg
                + ", but "
                + problem
                + "; pass another with --package, e.g. --package com.example.app"
            : "--package "
                + pkg
                + " is not a usable Java package: "
                + problem
                + "; use lower-case dotted names, e.g. --package com.example.blog");
  }

  /** Why {@code pkg} cannot be the app's package, or {@code null} when it can. */
  static String packageProblem(String pkg) {
    if (pkg.isEmpty()) return "it is empty";
    for (String part : pkg.split("\\.", -1)) {
      if (part.isEmpty()) return "it has an empty part between dots";
      if (SourceVersion.isKeyword(part)) return "'" + part + "' is a Java keyword";
      if (!SourceVersion.isIdentifier(part)) return "'" + part + "' is not a Java identifier";
    }
    if (pkg.equals("java") || pkg.startsWith("java.") || pkg.startsWith("javax.")) {
      return "java and javax are the JDK's packages";
    }
    if (pkg.equals("dev.keel") || pkg.startsWith("dev.keel.")) return "dev.keel is Keel's package";
    return null;
  }

  private static <E extends Enum<E>> E choice(
      Class<E> type, String value, String option, String allowed) {
    for (E e : type.getEnumConstants()) {
      if (e.name().toLowerCase(Locale.ROOT).equals(value)) return e;
    }
    throw new UsageException(option + " " + value + " is not known; use " + allowed);
  }

  /** The names of the template flags that are on, e.g. {@code sqlite}, {@code api}. */
  List<String> flags() {
    var flags = new java.util.ArrayList<String>();
    flags.add(database.name().toLowerCase(Locale.ROOT));
    flags.add(template.name().toLowerCase(Locale.ROOT));
    for (Feature f : Feature.values()) {
      if (features.contains(f)) flags.add(f.name().toLowerCase(Locale.ROOT));
    }
    // browser sessions: the web template's forms and the OpenID Connect login both need them
    if (template == Template.WEB || features.contains(Feature.OIDC)) flags.add("sessions");
    return flags;
  }
}
