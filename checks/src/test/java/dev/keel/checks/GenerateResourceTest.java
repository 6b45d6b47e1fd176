package dev.keel.checks;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.resolve.DirectoryCodeResolver;
import gg.jte.runtime.Constants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel generate resource} end to end: into a copy of a project as {@code keel new} makes it
 * ({@code generate-fixture}), then the project is compiled with {@code -Xlint:all -Werror} and its
 * generated tests run in a fresh JVM, on SQLite and on PostgreSQL (a database of their own).
 */
class GenerateResourceTest {
  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @Test
  void generatedResourcesCompileCleanlyAndTheirTestsPassOnSqliteAndPostgres(@TempDir Path dir)
      throws Exception {
    Path project = dir.resolve("blog");
    copy(Path.of("src/test/resources/generate-fixture"), project);

    keel(
        project,
        "generate",
        "resource",
        "Author",
        "name:string:required:unique:max=100",
        "bio:text");
    keel(
        project,
        "g",
        "resource",
        "Post",
        "title:string:required:max=200",
        "body:text",
        "views:integer:min=0:default=0",
        "wordCount:long:max=100000",
        "rating:decimal:min=0:max=5",
        "published:boolean:default=false",
        "publishedOn:date",
        "publishedAt:datetime",
        "token:uuid:unique",
        "meta:json",
        "author:references:required",
        "--html");
    keel(project, "generate", "controller", "Status");
    keel(project, "generate", "migration", "add_tags_to_posts");
    assertThat(project.resolve("src/main/resources/db/migration/V4__add_tags_to_posts.sql"))
        .exists();

    Path classes = compile(project, dir.resolve("classes"));

    runTests(classes, "jdbc:sqlite:" + dir.resolve("blog.db"));
    String database = "keel_generate_" + ProcessHandle.current().pid();
    try (Connection admin = postgres("postgres")) {
      admin.createStatement().execute("drop database if exists " + database);
      admin.createStatement().execute("create database " + database);
    }
    try {
      runTests(classes, "postgres://postgres@127.0.0.1:5432/" + database);
    } finally {
      try (Connection admin = postgres("postgres")) {
        admin.createStatement().execute("drop database if exists " + database + " with (force)");
      }
    }
  }

  @Test
  void aMistakeWritesNothingAndSaysWhatIsAllowed(@TempDir Path dir) throws Exception {
    Path project = dir.resolve("blog");
    copy(Path.of("src/test/resources/generate-fixture"), project);
    Result r = run(project, "generate", "resource", "Post", "title:strng");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.output())
        .contains(
            "unknown type 'strng' in 'title:strng'; use one of string, text, integer, long,"
                + " decimal, boolean, date, datetime, uuid, json, references");
    try (Stream<Path> files = Files.walk(project)) {
      assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(5);
    }
  }

  record Result(int code, String output) {}

  private static void keel(Path project, String... args) throws Exception {
    Result r = run(project, args);
    assertThat(r.code()).as(r.output()).isZero();
  }

  private static Result run(Path project, String... args) throws Exception {
    var command =
        new ArrayList<>(
            List.of(JAVA, "-jar", REPOSITORY.resolve("keel-cli/target/keel-cli.jar").toString()));
    command.addAll(Arrays.asList(args));
    command.addAll(List.of("--project", project.toString()));
    return exec(command, project);
  }

  private static Result exec(List<String> command, Path dir) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), output);
  }

  /**
   * javac with the project's own rules (the annotation processor, every lint, no warnings) over its
   * sources and the Java that jte generates from its templates, as jte-maven-plugin does.
   */
  private static Path compile(Path project, Path classes) throws IOException {
    Files.createDirectories(classes);
    Path jte = project.resolve("target/generated-sources/jte");
    TemplateEngine.create(
            new DirectoryCodeResolver(project.resolve("src/main/jte")),
            jte,
            ContentType.Html,
            null,
            Constants.PACKAGE_NAME_PRECOMPILED)
        .generateAll();
    List<Path> sources = new ArrayList<>();
    for (Path root : List.of(project.resolve("src"), jte)) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    var diagnostics = new DiagnosticCollector<JavaFileObject>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      List<String> options =
          List.of(
              "--release",
              "25",
              "-proc:full",
              "-Xlint:all,-processing",
              "-Werror",
              "-parameters",
              "-classpath",
              classPath(),
              "-d",
              classes.toString());
      boolean ok =
          javac
              .getTask(
                  null,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      assertThat(ok).as(diagnostics.getDiagnostics().toString()).isTrue();
    }
    copy(project.resolve("src/main/resources"), classes);
    return classes;
  }

  private static void runTests(Path classes, String dbUrl) throws Exception {
    Result r =
        exec(
            List.of(
                JAVA,
                "-Dkeel.db.url=" + dbUrl,
                "-cp",
                classes + java.io.File.pathSeparator + classPath(),
                GeneratedTests.class.getName(),
                "com.example.blog"),
            classes);
    assertThat(r.code()).as(r.output()).isZero();
    // Author (JSON only) and Post: CRUD, list, 422 and 409 each; Post's pages: 2; Status: its GET
    assertThat(r.output()).contains("generated tests: 11 passed, 0 failed, 0 not run");
  }

  /**
   * This JVM's class path without the example apps, whose migrations and keel.properties would mix
   * with the project's.
   */
  private static String classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(e -> !Path.of(e).toAbsolutePath().startsWith(REPOSITORY.resolve("examples")))
        .filter(e -> !e.matches(".*/(hello|techempower|typed|chat|conduit)-[^/]*\\.jar"))
        .reduce((a, b) -> a + java.io.File.pathSeparator + b)
        .orElseThrow();
  }

  private static Connection postgres(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(f, target);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
