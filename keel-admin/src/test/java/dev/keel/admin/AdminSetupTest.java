package dev.keel.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.db.Dialect;
import dev.keel.security.MemorySessionStore;
import dev.keel.security.Security;
import dev.keel.security.Sessions;
import dev.keel.test.TestClient;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Mistakes in the admin's settings stop start-up with what to change; the path is configurable. */
class AdminSetupTest {
  record NoKey(String name) {}

  static Keel app(TestDatabase db, Map<String, String> extra) {
    var settings = new java.util.HashMap<>(Map.of("keel.db.url", db.url));
    settings.put("keel.db.migrations", "classpath:admin-test/migration");
    settings.putAll(extra);
    return Keel.create(Config.builder().defaults(settings).build())
        .install(Database.create())
        .install(
            Security.builder()
                .sessions(Sessions.builder(new MemorySessionStore()).build())
                .build());
  }

  private static void installWith(UnaryOperator<ModelOptions> options, String message) {
    try (var db = TestDatabase.create(Dialect.SQLITE)) {
      Keel app = app(db, Map.of());
      assertThatThrownBy(() -> app.install(Admin.create().register(Article.class, options)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(message);
    }
  }

  @Test
  void unknownComponentsAreNamedWithTheOnesThereAre() {
    installWith(
        m -> m.list("title", "titel"),
        "list(\"titel\"): record Article has no such component; use one of [id, title, body,"
            + " likes, published, publishOn, createdAt, version]");
    installWith(
        m -> m.search("likes"),
        "Article.likes is not a String: the admin searches text components only; remove it from"
            + " search(...)");
  }

  @Test
  void aRecordWithoutAKeyIsRefused() {
    try (var db = TestDatabase.create(Dialect.SQLITE)) {
      Keel app = app(db, Map.of());
      assertThatThrownBy(() -> app.install(Admin.create().register(NoKey.class)))
          .hasMessage(
              "the admin needs a key to link rows: record NoKey has no @Id component and none"
                  + " named id");
    }
  }

  @Test
  void modelsAreRegisteredBeforeInstalling() {
    try (var db = TestDatabase.create(Dialect.SQLITE)) {
      Admin admin = Admin.create();
      app(db, Map.of()).install(admin);
      assertThatThrownBy(() -> admin.register(Article.class))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("register Article before installing Admin: its routes are built then");
    }
  }

  @Test
  void thePathAndTheLoginPageComeFromConfiguration() throws Exception {
    try (var db = TestDatabase.create(Dialect.SQLITE)) {
      Keel app =
          app(db, Map.of("keel.admin.path", "/backoffice", "keel.admin.login-path", "/signin"))
              .install(Admin.create().register(Article.class));
      try (var client = TestClient.inProcess(app)) {
        assertThat(client.get("/backoffice/article").send().header("Location"))
            .contains("/signin?next=%2Fbackoffice%2Farticle");
        assertThat(client.get("/admin/article").send().status()).isEqualTo(404);
      }
    }
  }

  @Test
  void aPathMustStartWithASlash() {
    assertThatThrownBy(() -> Admin.builder().path("admin"))
        .hasMessage("path: 'admin' (expected: a path starting with / and not ending with /)");
  }
}
