package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.test.TestClient;

class DatabasePluginTest {
  record Article(long id, String slug, String title) {}

  @BothDatabases
  void routesQueryTheInstalledDatabase(TestDb t) {
    Database db = new Database();
    Keel app = Keel.create(t.config()).install(db);
    db.sql(t.ddlText("create table article (id {id}, slug text not null unique, title text)"))
        .update();
    db.sql("insert into article (slug, title) values (:slug, :title)")
        .bind("slug", "hello")
        .bind("title", "Hello")
        .update();
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
    } finally {
      app.stop();
    }
    assertThat(t.dialect).isEqualTo(db.dialect());
  }

  @BothDatabases
  void poolSizeIsConfigurable(TestDb t) {
    try (Database db = Database.connect(t.config("keel.db.pool-size=3"))) {
      assertThat(db.pool().getMaximumPoolSize()).isEqualTo(3);
      assertThat(db.ping(java.time.Duration.ofSeconds(2))).isTrue();
    }
  }
}
