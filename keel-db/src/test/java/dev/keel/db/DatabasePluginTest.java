package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Keel;
import dev.keel.test.TestClient;

class DatabasePluginTest {
  record Article(long id, String slug, String title) {}

  @BothDatabases
  void routesQueryTheInstalledDatabase(TestDb t) {
    Database db = Database.create();
    Keel app = Keel.create(t.config()).install(db);
    app.onStart( // the database connects at start, after the configuration is validated
        () -> {
          db.sql(t.ddlText("create table article (id {id}, slug text not null unique, title text)"))
              .update();
          db.sql("insert into article (slug, title) values (:slug, :title)")
              .bind("slug", "hello")
              .bind("title", "Hello")
              .update();
        });
    app.get(
        "/articles/{slug}",
        ctx ->
            db.sql("select * from article where slug = :slug")
                .bind("slug", ctx.pathParam("slug"))
                .one(Article.class));
    try (var client = TestClient.inProcess(app)) {
      var ok = client.get("/articles/hello").send();
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.json(Article.class).title()).isEqualTo("Hello");
      var missing = client.get("/articles/nope").send();
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.header("content-type").orElse("")).startsWith("application/problem+json");
      assertThat(missing.json().get("type").asString())
          .isEqualTo("https://keel.dev/problems/record-not-found");
    } finally {
      app.stop();
    }
    assertThat(t.dialect).isEqualTo(db.dialect());
  }

  @BothDatabases
  void statementsAndRepositoriesAreMadeAtInstallAndRunOnceStarted(TestDb t) {
    Database db = Database.create();
    Keel app = Keel.create(t.config()).install(db);
    Repository<Article> articles = db.repository(Article.class); // no connection needed yet
    Sql count = db.sql("select count(*) from article");
    assertThat(db.dialect()).isEqualTo(t.dialect);
    assertThatThrownBy(count::update)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("connects when the application starts")
        .hasMessageContaining("app.onStart(...)");
    assertThat(db.ping(java.time.Duration.ofMillis(100))).isFalse();
    try {
      app.start();
      db.sql(t.ddlText("create table article (id {id}, slug text not null unique, title text)"))
          .update();
      articles.insert(new Article(0, "a", "A"));
      assertThat(db.sql("select count(*) from article").one(Long.class)).isEqualTo(1);
    } finally {
      app.stop();
    }
  }

  @BothDatabases
  void poolSizeIsConfigurable(TestDb t) {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        t.reactive, "the reactive driver's statements do not use the HikariCP pool (ADR 0032)");
    try (Database db = Database.connect(t.config("keel.db.pool-size=3"))) {
      assertThat(db.pool().getMaximumPoolSize()).isEqualTo(3);
      assertThat(db.ping(java.time.Duration.ofSeconds(2))).isTrue();
    }
  }
}
