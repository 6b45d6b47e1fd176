package dev.keel.cli.internal.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AppRegistrationTest {
  private static final String APP =
      """
      package com.example.blog;

      import com.example.blog.notes.NoteController;
      import dev.keel.core.Keel;
      import dev.keel.db.Database;

      public final class App {
        public static Keel app(String... args) {
          var db = Database.create();
          return Keel.create(args)
              .install(db)
              .controllers(
                  new NoteController(db));
        }
      }
      """;

  @Test
  void addsTheControllerAsFirstArgumentAndItsImportInOrder() {
    String out =
        AppRegistration.register(
            APP, "App.java", "com.example.blog.posts.PostController", "new PostController(db)");
    assertThat(out)
        .isEqualTo(
            """
            package com.example.blog;

            import com.example.blog.notes.NoteController;
            import com.example.blog.posts.PostController;
            import dev.keel.core.Keel;
            import dev.keel.db.Database;

            public final class App {
              public static Keel app(String... args) {
                var db = Database.create();
                return Keel.create(args)
                    .install(db)
                    .controllers(
                        new PostController(db),
                        new NoteController(db));
              }
            }
            """);
    assertThat(
            AppRegistration.register(
                out, "App.java", "com.example.blog.posts.PostController", "new PostController(db)"))
        .isEqualTo(out);
  }

  @Test
  void argumentsOnTheCallsLineAndAnEmptyCall() {
    String sameLine = "var db = 1;\nx.controllers(new A());\n";
    assertThat(AppRegistration.register(sameLine, "App.java", "p.B", "new B(db)"))
        .isEqualTo("import p.B;\n\nvar db = 1;\nx.controllers(\n    new B(db),\n    new A());\n");
    String empty = "package p;\n\nclass App {\n  Object db;\n  { app.controllers(); }\n}\n";
    assertThat(AppRegistration.register(empty, "App.java", "p.q.B", "new B(db)"))
        .isEqualTo(
            "package p;\n\nimport p.q.B;\n\nclass App {\n  Object db;\n  { app.controllers(\n"
                + "      new B(db)); }\n}\n");
  }

  @Test
  void withoutExactlyOneCallItSaysWhatToDo() {
    assertThatThrownBy(() -> AppRegistration.register("var db;", "App.java", "p.B", "new B(db)"))
        .hasMessage(
            "App.java has no .controllers( call to add new B(db) to; call .controllers(new B(db))"
                + " on the Keel that app(...) builds");
    assertThatThrownBy(
            () ->
                AppRegistration.register(
                    "db.controllers(a).controllers(b)", "App.java", "p.B", "new B(db)"))
        .hasMessageStartingWith("App.java has more than one .controllers( call");
    assertThatThrownBy(
            () -> AppRegistration.register("x.controllers(a)", "App.java", "p.B", "new B(db)"))
        .hasMessageStartingWith("App.java has no variable db;");
  }
}
