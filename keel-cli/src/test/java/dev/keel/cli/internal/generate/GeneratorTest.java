package dev.keel.cli.internal.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.cli.internal.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning and writing: a mistake anywhere leaves the project as it was. */
class GeneratorTest {
  @TempDir Path root;

  @BeforeEach
  void project() throws Exception {
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Path app = root.resolve("src/main/java/com/example/blog/App.java");
    Files.createDirectories(app.getParent());
    Files.writeString(
        app,
        """
        package com.example.blog;

        import dev.keel.core.Keel;
        import dev.keel.db.Database;

        public final class App {
          public static Keel app(String... args) {
            var db = Database.create();
            return Keel.create(args).install(db).controllers();
          }
        }
        """);
  }

  private List<Generator.Change> resource(boolean html, boolean force, String... fields) {
    var changes =
        new Generator(Project.at(root), force)
            .resource(Names.of("Post"), FieldParser.parseAll(List.of(fields)), html);
    Generator.write(changes);
    return changes;
  }

  @Test
  void writesTheResourceAndRefusesToOverwriteItWithoutForce() throws Exception {
    var changes = resource(false, false, "title:string:required");
    assertThat(Generator.report(root, changes))
        .containsExactly(
            "created src/main/resources/db/migration/V1__create_posts.sql",
            "created src/main/java/com/example/blog/posts/Post.java",
            "created src/main/java/com/example/blog/posts/PostInput.java",
            "created src/main/java/com/example/blog/posts/PostController.java",
            "created src/test/java/com/example/blog/posts/PostControllerTest.java",
            "changed src/main/java/com/example/blog/App.java");
    assertThat(Files.readString(root.resolve("src/main/java/com/example/blog/App.java")))
        .contains("import com.example.blog.posts.PostController;")
        .contains(".controllers(\n        new PostController(db));");
    String before = snapshot();

    assertThatThrownBy(() -> resource(false, false, "title:text"))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "src/main/resources/db/migration/V1__create_posts.sql exists already; pass --force to"
                + " overwrite it, or choose another name");
    assertThat(snapshot()).isEqualTo(before);

    resource(false, true, "title:text");
    assertThat(root.resolve("src/main/resources/db/migration/V2__create_posts.sql")).doesNotExist();
    assertThat(
            Files.readString(root.resolve("src/main/resources/db/migration/V1__create_posts.sql")))
        .contains("title      text,");
    assertThat(Files.readString(root.resolve("src/main/java/com/example/blog/App.java")))
        .containsOnlyOnce("new PostController(db)");
  }

  @Test
  void pagesNeedViewsAndSessionsInTheApp() throws Exception {
    String before = snapshot();
    assertThatThrownBy(() -> resource(true, false, "title:string"))
        .hasMessageStartingWith(
            "src/main/java/com/example/blog/App.java has no variable views; new PostPages(db,"
                + " views, sessions) needs keel-views' templates, e.g. var views ="
                + " Views.create();");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aReferenceToATableNoMigrationCreatesIsRefused() throws Exception {
    String before = snapshot();
    assertThatThrownBy(() -> resource(false, false, "author:references"))
        .hasMessageStartingWith(
            "'author:references' points to the table authors, which no" + " migration in ")
        .hasMessageEndingWith(
            "creates; generate it first, e.g. keel generate resource Author name:string:required");
    assertThat(snapshot()).isEqualTo(before);
  }

  /** Every file's path and content. */
  private String snapshot() throws Exception {
    var b = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        b.append(root.relativize(f)).append('\n').append(Files.readString(f)).append('\n');
      }
    }
    return b.toString();
  }
}
