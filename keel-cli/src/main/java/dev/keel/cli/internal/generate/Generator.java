package dev.keel.cli.internal.generate;

import dev.keel.cli.internal.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Plans the files of one {@code keel generate} run, then writes them: everything is checked before
 * the first file is written, so a mistake leaves the project as it was.
 */
public final class Generator {
  /** A file to write, and whether it exists already (a change rather than a new file). */
  public record Change(Path file, String content, boolean existed) {}

  private final Project project;
  private final boolean force;
  private final List<Change> changes = new ArrayList<>();

  public Generator(Project project, boolean force) {
    this.project = project;
    this.force = force;
  }

  /**
   * The migration, records, controller and test of a JSON resource, with {@code html} also pages;
   * registers the controllers.
   */
  public List<Change> resource(Names names, List<Field> fields, boolean html) {
    if (fields.isEmpty()) {
      throw new UsageException(
          "give the resource at least one field, e.g. keel generate resource "
              + names.type()
              + " title:string:required");
    }
    String pkg = project.basePackage() + "." + names.packageName();
    var parents = new LinkedHashMap<Field, List<ParentRows.Column>>();
    for (Field f : fields) {
      if (f.type() == FieldType.REFERENCES) {
        parents.put(f, ParentRows.required(project.migrations(), f.referencedTable(), f.name()));
      }
    }
    migration("create_" + names.table(), MigrationSql.createTable(names, fields));
    java(project.mainJava(pkg), names.type(), RecordSources.stored(pkg, names, fields));
    java(project.mainJava(pkg), names.type() + "Input", RecordSources.input(pkg, names, fields));
    java(
        project.mainJava(pkg),
        names.type() + "Controller",
        ControllerSource.source(pkg, names, fields));
    java(
        project.testJava(pkg),
        names.type() + "ControllerTest",
        TestSource.source(pkg, project.appClass(), names, fields, parents));
    register(pkg + "." + names.type() + "Controller", "new " + names.type() + "Controller(db)");
    if (html) pages(pkg, names, fields, parents);
    return List.copyOf(changes);
  }

  private void pages(
      String pkg, Names names, List<Field> fields, Map<Field, List<ParentRows.Column>> parents) {
    Path jte = project.templates();
    Path layout = jte.resolve("layout.jte");
    if (!Files.exists(layout)) add(layout, TemplateSources.layout());
    Path dir = jte.resolve(names.packageName());
    template(dir.resolve("index.jte"), TemplateSources.index(pkg, names, fields));
    template(dir.resolve("show.jte"), TemplateSources.show(pkg, names, fields));
    template(dir.resolve("form.jte"), TemplateSources.form(names, fields));
    java(project.mainJava(pkg), names.type() + "Pages", PagesSource.source(pkg, names, fields));
    java(
        project.testJava(pkg),
        names.type() + "PagesTest",
        PagesTestSource.source(pkg, project.appClass(), names, fields, parents));
    register(
        pkg + "." + names.type() + "Pages", "new " + names.type() + "Pages(db, views, sessions)");
  }

  private void template(Path file, String content) {
    if (Files.exists(file) && !force) {
      throw new UsageException(
          project.root().relativize(file)
              + " exists already; pass --force to overwrite it, or choose another name");
    }
    add(file, content);
  }

  /** A typed controller with one GET action, and its test. */
  public List<Change> controller(Names names) {
    String pkg = project.basePackage() + "." + Names.snake(names.type()).replace("_", "");
    java(
        project.mainJava(pkg),
        names.type() + "Controller",
        SimpleControllerSource.main(pkg, names));
    java(
        project.testJava(pkg),
        names.type() + "ControllerTest",
        SimpleControllerSource.test(pkg, project.appClass(), names));
    register(pkg + "." + names.type() + "Controller", "new " + names.type() + "Controller()");
    return List.copyOf(changes);
  }

  /** An empty migration for SQL the developer writes. */
  public List<Change> migration(String name) {
    migration(
        name,
        "-- Portable across SQLite and PostgreSQL: keel-db replaces ${id}, ${timestamp}, ${uuid},"
            + " ${json},\n-- ${decimal}, ${bool} and ${date} with each engine's column type.\n");
    return List.copyOf(changes);
  }

  /** Writes every planned file. */
  public static void write(List<Change> changes) {
    try {
      for (Change c : changes) {
        Files.createDirectories(c.file().getParent());
        Files.writeString(c.file(), c.content());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void migration(String name, String sql) {
    Path dir = project.migrations();
    Optional<Path> existing = existingMigration(dir, name);
    if (existing.isPresent() && !force) {
      throw new UsageException(
          project.root().relativize(existing.get())
              + " exists already; pass --force to overwrite it, or choose another name");
    }
    Path file =
        existing.orElseGet(
            () -> dir.resolve("V" + MigrationSql.nextVersion(dir) + "__" + name + ".sql"));
    add(file, sql);
  }

  private static Optional<Path> existingMigration(Path dir, String name) {
    if (!Files.isDirectory(dir)) return Optional.empty();
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().matches("V[\\d._]+__" + name + "\\.sql"))
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void java(Path dir, String type, String source) {
    Path file = dir.resolve(type + ".java");
    if (Files.exists(file) && !force) {
      throw new UsageException(
          project.root().relativize(file)
              + " exists already; pass --force to overwrite it, or choose another name");
    }
    add(file, JavaFormatter.format(source));
  }

  private void register(String importName, String construction) {
    Path app = project.appFile();
    Optional<Change> pending = changes.stream().filter(c -> c.file().equals(app)).findFirst();
    String source = pending.map(Change::content).orElseGet(() -> Project.read(app));
    String changed =
        AppRegistration.register(
            source, project.root().relativize(app).toString(), importName, construction);
    if (changed.equals(source)) return;
    pending.ifPresent(changes::remove);
    add(app, changed); // the user's file: only the added lines change
  }

  private void add(Path file, String content) {
    changes.add(new Change(file, content, Files.exists(file)));
  }

  /** For messages: {@code created src/main/...} or {@code changed src/main/.../App.java}. */
  public static List<String> report(Path root, List<Change> changes) {
    return changes.stream()
        .map(c -> (c.existed() ? "changed " : "created ") + root.relativize(c.file()))
        .toList();
  }
}
