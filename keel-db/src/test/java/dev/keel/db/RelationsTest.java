package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Loading the authors and tags of a page of 20 articles in 3 queries (the README's recipe), and
 * strict loading catching the N+1 version.
 */
class RelationsTest {
  record Author(long id, String name) {}

  record Article(long id, long authorId, String title) {}

  record ArticleTag(long articleId, String name) {}

  /** The article with what the page shows. */
  record ArticleView(Article article, Author author, List<String> tags) {}

  static final String[] SCHEMA = {
    "create table author (id {id}, name text not null)",
    "create table article (id {id}, author_id bigint not null references author (id),"
        + " title text not null)",
    "create table tag (id {id}, name text not null unique)",
    "create table article_tag (article_id bigint not null references article (id),"
        + " tag_id bigint not null references tag (id), primary key (article_id, tag_id))"
  };

  static void seed(Database db) {
    var authors = db.repository(Author.class);
    var articles = db.repository(Article.class);
    List<Author> people =
        List.of(authors.insert(new Author(0, "Ann")), authors.insert(new Author(0, "Bob")));
    long java = db.sql("insert into tag (name) values ('java')").insert();
    long sql = db.sql("insert into tag (name) values ('sql')").insert();
    for (int i = 0; i < 20; i++) {
      Article a = articles.insert(new Article(0, people.get(i % 2).id(), "Post " + i));
      db.sql("insert into article_tag values (:a, :t)").bind("a", a.id()).bind("t", java).update();
      if (i % 3 == 0) {
        db.sql("insert into article_tag values (:a, :t)").bind("a", a.id()).bind("t", sql).update();
      }
    }
  }

  /** The recipe: one query per relation, whatever the page size. */
  static List<ArticleView> page(Database db) {
    List<Article> page = db.repository(Article.class).findAll(Query.all().sort("id").limit(20));
    List<Long> ids = page.stream().map(Article::id).toList();
    Map<Long, Author> authors =
        db.repository(Author.class)
            .findAllById(page.stream().map(Article::authorId).distinct().toList());
    Map<Long, List<String>> tags =
        db
            .sql(
                "select at.article_id, t.name from article_tag at join tag t on t.id = at.tag_id"
                    + " where at.article_id in (:ids) order by t.name")
            .bind("ids", ids)
            .list(ArticleTag.class)
            .stream()
            .collect(
                Collectors.groupingBy(
                    ArticleTag::articleId,
                    Collectors.mapping(ArticleTag::name, Collectors.toList())));
    return page.stream()
        .map(
            a ->
                new ArticleView(a, authors.get(a.authorId()), tags.getOrDefault(a.id(), List.of())))
        .toList();
  }

  /** The N+1 version: a query per article for its author. */
  static List<ArticleView> pageWithNPlusOne(Database db) {
    var authors = db.repository(Author.class);
    return db.repository(Article.class).findAll(Query.all().sort("id").limit(20)).stream()
        .map(a -> new ArticleView(a, authors.find(a.authorId()).orElseThrow(), List.of()))
        .toList();
  }

  private static DataSource counting(DataSource ds, AtomicInteger statements) {
    return (DataSource)
        Proxy.newProxyInstance(
            RelationsTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (p, m, args) -> {
              Object r = m.invoke(ds, args);
              if (!(r instanceof Connection c)) return r;
              return Proxy.newProxyInstance(
                  RelationsTest.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p2, m2, a2) -> {
                    if (m2.getName().equals("prepareStatement")) statements.incrementAndGet();
                    return m2.invoke(c, a2);
                  });
            });
  }

  @BothDatabases
  void twentyArticlesWithAuthorsAndTagsTakeThreeQueries(TestDb t) {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        t.reactive, "counted through wrapDataSource, which the reactive driver bypasses");
    var statements = new AtomicInteger();
    try (Database db =
        Database.builder().wrapDataSource(ds -> counting(ds, statements)).connect(t.config())) {
      for (String s : SCHEMA) db.sql(t.ddlText(s)).update();
      seed(db);
      statements.set(0);
      List<ArticleView> views = db.strict(() -> page(db));
      assertThat(statements.get()).isEqualTo(3);
      assertThat(views).hasSize(20);
      assertThat(views.getFirst().author().name()).isEqualTo("Ann");
      assertThat(views.getFirst().tags()).containsExactly("java", "sql");
      assertThat(views.get(1).tags()).containsExactly("java");
    }
  }

  @BothDatabases
  void strictLoadingFailsAQueryInALoopOverRows(TestDb t) {
    Database db = t.db();
    for (String s : SCHEMA) t.ddl(s);
    seed(db);
    assertThatThrownBy(() -> db.strict(() -> pageWithNPlusOne(db)))
        .isInstanceOf(StrictLoadingException.class)
        .hasMessageContaining("ran 4 times")
        .hasMessageContaining("from \"author\" where \"id\" = ?")
        .hasMessageContaining("findAllBy");
    assertThat(pageWithNPlusOne(db)).hasSize(20); // not strict outside the block
  }

  @BothDatabases
  void strictLoadingTurnedOnByConfigFailsTheRequest(TestDb t) {
    Database db = Database.create();
    Keel app = Keel.create(t.config("keel.db.strict-loading=true")).install(db);
    t.ddl(SCHEMA); // through a second connection: the app's connects at start
    seed(t.db());
    app.get("/n-plus-one", ctx -> pageWithNPlusOne(db).size());
    app.get("/batched", ctx -> page(db).size());
    app.get("/in-tx", ctx -> db.transaction(() -> pageWithNPlusOne(db).size()));
    try (var client = TestClient.inProcess(app)) {
      var bad = client.get("/n-plus-one").send();
      assertThat(bad.status()).isEqualTo(500);
      assertThat(bad.json().get("type").asString())
          .isEqualTo("https://keel.dev/problems/strict-loading");
      assertThat(bad.json().get("title").asString()).isEqualTo("Repeated query (N+1)");
      assertThat(bad.json().get("detail").asString()).contains("strict loading");
      assertThat(client.get("/batched").send().status()).isEqualTo(200);
      assertThat(client.get("/in-tx").send().status()).isEqualTo(500);
    } finally {
      app.stop();
    }
  }
}
