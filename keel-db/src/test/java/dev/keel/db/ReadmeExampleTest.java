package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import java.time.Instant;
import java.util.List;

/** The example of keel-db's README.md, run on both databases. */
class ReadmeExampleTest {
  // --- README example start
  record Article(@Id long id, String slug, String title, Instant createdAt, @Version int version) {}

  record NewArticle(String slug, String title) {}

  static Keel app(Keel app) {
    Database db = Database.create(); // ./data/<keel.app.name>.db, or KEEL_DB_URL
    app.install(
        db); //                        at start: connects, applies db/migration/*.sql (dev, test)
    Repository<Article> articles = db.repository(Article.class);

    app.get(
        "/articles", //                        ?sort=-createdAt,title is checked against the record
        ctx ->
            articles.findAll(Query.all().sort(ctx.query("sort").orElse("-createdAt")).limit(20)));
    app.get(
        "/articles/{slug}", //                 404 problem+json when there is no row
        ctx ->
            db.sql("select * from article where slug = :slug")
                .bind("slug", ctx.pathParam("slug"))
                .one(Article.class));
    app.post(
        "/articles",
        ctx -> {
          NewArticle in = ctx.body(NewArticle.class);
          return db.transaction( //            rolled back if anything throws
              () -> articles.insert(new Article(0, in.slug(), in.title(), Instant.now(), 0)));
        });
    return app;
  }

  // --- README example end

  @BothDatabases
  void theReadmeExampleRuns(TestDb t) {
    Keel app = app(Keel.create(t.config("keel.db.migrations=classpath:readme/db/migration")));
    try (var client = TestClient.inProcess(app)) {
      var created = client.post("/articles").json(new NewArticle("hello", "Hello")).send();
      assertThat(created.status()).isEqualTo(200);
      assertThat(created.json(Article.class).id()).isPositive();
      client.post("/articles").json(new NewArticle("second", "Second")).send();
      assertThat(client.get("/articles/hello").send().json(Article.class).title())
          .isEqualTo("Hello");
      assertThat(client.get("/articles/nope").send().status()).isEqualTo(404);
      var list = client.get("/articles?sort=title").send();
      assertThat(List.of(list.json(Article[].class)))
          .extracting(Article::slug)
          .containsExactly("hello", "second");
      assertThat(client.get("/articles?sort=password").send().status()).isEqualTo(400);
    } finally {
      app.stop();
    }
  }
}
