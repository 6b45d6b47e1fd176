package dev.keel.cli.internal.newproject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.cli.internal.KeelCommand;
import dev.keel.cli.internal.generate.AppRegistration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectWriterTest {
  @TempDir Path dir;

  private String read(Path project, String file) throws IOException {
    return Files.readString(project.resolve(file));
  }

  @Test
  void writesAnApiProjectOnSqlite() throws IOException {
    Path blog = dir.resolve("blog");
    List<Path> files = ProjectWriter.write(ProjectSpec.of(blog, null, "sqlite", "api"));
    assertThat(files.stream().map(Path::toString))
        .contains(
            "pom.xml",
            "keel",
            "mvnw",
            ".mvn/wrapper/maven-wrapper.properties",
            "README.md",
            ".gitignore",
            ".dockerignore",
            "Dockerfile",
            ".github/workflows/ci.yml",
            "deploy/k8s/deployment.yaml",
            "deploy/k8s/service.yaml",
            "src/main/java/com/example/blog/App.java",
            "src/main/java/com/example/blog/notes/Note.java",
            "src/main/java/com/example/blog/notes/NoteController.java",
            "src/main/resources/db/migration/V1__create_notes.sql",
            "src/main/resources/keel.properties",
            "src/main/resources/keel-dev.properties",
            "src/main/resources/keel-test.properties",
            "src/main/resources/keel-prod.properties",
            "src/test/java/com/example/blog/AppTest.java")
        .noneMatch(f -> f.contains("jte") || f.contains("NotePages"));
    for (Path f : files) assertThat(blog.resolve(f)).exists();

    String pom = read(blog, "pom.xml");
    assertThat(pom)
        .contains("<groupId>com.example</groupId>")
        .contains("<artifactId>blog</artifactId>")
        .contains("<keel.version>" + KeelCommand.version() + "</keel.version>")
        .contains("<artifactId>keel-bom</artifactId>")
        .contains("<artifactId>keel-processor</artifactId>")
        .contains("<main.class>com.example.blog.App</main.class>")
        .contains("<arg>-Werror</arg>")
        .contains("copy-dependencies")
        .doesNotContain("keel-views")
        .doesNotContain("{{");
    assertThat(read(blog, "src/main/resources/keel-dev.properties"))
        .contains("keel.db.url=jdbc:sqlite:data/blog.db")
        .doesNotContain("postgres");
    assertThat(read(blog, ".github/workflows/ci.yml"))
        .contains("${{ vars.KEEL_GIT_URL }}")
        .doesNotContain("services:");
    assertThat(read(blog, "keel"))
        .contains("KEEL_VERSION=" + KeelCommand.version())
        .contains("-Dkeel.project=");
    assertThat(Files.getPosixFilePermissions(blog.resolve("keel")))
        .contains(PosixFilePermission.OWNER_EXECUTE);
    assertThat(Files.getPosixFilePermissions(blog.resolve("mvnw")))
        .contains(PosixFilePermission.OWNER_EXECUTE);
  }

  @Test
  void appJavaHasTheOneControllersCallWithOneControllerPerLine() throws IOException {
    Path blog = dir.resolve("blog");
    ProjectWriter.write(ProjectSpec.of(blog, null, "sqlite", "api"));
    List<String> lines =
        Files.readAllLines(blog.resolve("src/main/java/com/example/blog/App.java"));
    assertThat(lines).contains("  public static Keel app(String... args) {");
    assertThat(lines).contains("  public static void main(String[] args) {");
    assertThat(lines.stream().filter(l -> l.contains(".controllers(")).toList())
        .containsExactly("        .controllers(");
    int call = lines.indexOf("        .controllers(");
    assertThat(lines.get(call + 1)).isEqualTo("            new NoteController(db));");
  }

  @Test
  void writesAWebProjectOnPostgres() throws IOException {
    Path shop = dir.resolve("shop");
    List<Path> files =
        ProjectWriter.write(ProjectSpec.of(shop, "org.acme.shop", "postgres", "web"));
    assertThat(files.stream().map(Path::toString))
        .contains(
            "src/main/jte/notes.jte",
            "src/main/java/org/acme/shop/notes/NotePages.java",
            "src/main/jte/login.jte",
            "src/main/java/org/acme/shop/admin/AdminLogin.java",
            "src/main/java/org/acme/shop/App.java");
    assertThat(read(shop, "pom.xml"))
        .contains("keel-views")
        .contains("keel-admin")
        .contains("jte-maven-plugin");
    String app = read(shop, "src/main/java/org/acme/shop/App.java");
    assertThat(app)
        .contains(".get(\"/\", pages::index)")
        .contains("var sessions = Sessions.from(app.config(), new MemorySessionStore());")
        .contains(".install(Security.builder().sessions(sessions).build())")
        .contains("Admin.create()")
        .contains(".post(\"/login\", login::login)")
        .doesNotContain("Map.of");
    // what keel generate resource NAME --html needs: the variables views and sessions
    assertThat(
            AppRegistration.register(
                app,
                "App.java",
                "org.acme.shop.posts.PostPages",
                "new PostPages(db, views, sessions)"))
        .contains(".controllers(\n            new PostPages(db, views, sessions),\n");
    assertThat(read(shop, "src/main/jte/notes.jte"))
        .startsWith("@import org.acme.shop.notes.Note")
        .contains("<input type=\"hidden\" name=\"_csrf\" value=\"${csrf}\">");
    assertThat(read(shop, "src/main/resources/keel-dev.properties"))
        .contains("keel.db.url=postgres://postgres@127.0.0.1:5432/shop")
        .doesNotContain("sqlite");
    assertThat(read(shop, ".github/workflows/ci.yml")).contains("services:");
    assertThat(read(shop, "deploy/k8s/deployment.yaml"))
        .contains("key: database-url")
        .doesNotContain("PersistentVolumeClaim");
  }

  @Test
  void everyTemplateFileRendersWithoutLeftovers() throws IOException {
    for (String db : List.of("sqlite", "postgres")) {
      for (String template : List.of("api", "web")) {
        Path project = dir.resolve(db + "-" + template);
        ProjectWriter.write(ProjectSpec.of(project, null, db, template));
        try (Stream<Path> files = Files.walk(project)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            String text = Files.readString(f).replace("${{", "");
            assertThat(text).as(f.toString()).doesNotContain("{{").doesNotContain("__package__");
          }
        }
      }
    }
  }

  @Test
  void aFailedWriteLeavesNothingBehind() throws IOException {
    Path blog = dir.resolve("blog");
    ProjectSpec spec = ProjectSpec.of(blog, null, "sqlite", "api");
    Files.createDirectories(blog);
    // a folder where a file must go: the write fails part way
    Files.createDirectories(blog.resolve("pom.xml/taken"));
    assertThatThrownBy(() -> ProjectWriter.write(spec)).hasMessageContaining("cannot write");
    try (Stream<Path> left = Files.list(blog)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void versionsAreTheOnesKeelBuildsWith() {
    Map<String, String> versions = ProjectWriter.versions();
    assertThat(versions.get("keel")).isEqualTo(KeelCommand.version());
    assertThat(versions.get("java")).isEqualTo("25");
    assertThat(versions.values()).allMatch(v -> v.matches("[0-9][0-9A-Za-z.-]*"));
  }

  @Test
  void templateTextKeepsOrDropsBlocksAndFillsValues() {
    String text =
        """
        a {{x}}
        {{#on}}
        kept
        {{/on}}
        {{#off}}
        dropped
        {{/off}}
        {{^off}}
        kept when off
        {{/off}}
        {{^on}}
        dropped when on
        {{/on}}
        inline {{#on}}yes{{/on}}{{#off}}no{{/off}}{{^off}}!{{/off}} ${maven} ${{ github }}
        """;
    assertThat(TemplateText.render(text, Map.of("x", "1"), Set.of("on")))
        .isEqualTo("a 1\nkept\nkept when off\ninline yes! ${maven} ${{ github }}\n");
    assertThatThrownBy(() -> TemplateText.render("{{typo}}", Map.of(), Set.of()))
        .hasMessage("no value for {{typo}}");
  }
}
