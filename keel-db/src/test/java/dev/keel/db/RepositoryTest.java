package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.BadRequest;
import dev.keel.core.Keel;
import dev.keel.db.Query.Filter.Op;
import dev.keel.test.TestClient;
import java.util.List;
import java.util.Optional;

class RepositoryTest {
  record Article(long id, String slug, String title, int likes, @Version int version) {}

  @Table("people")
  record Person(@Id @Column("person_no") long number, String fullName) {}

  private static Repository<Article> articles(TestDb t) {
    t.ddl(
        "create table article (id {id}, slug text not null unique, title text not null,"
            + " likes integer not null default 0, version integer not null default 0)");
    return t.db().repository(Article.class);
  }

  private static Article article(String slug, int likes) {
    return new Article(0, slug, "Title " + slug, likes, 0);
  }

  @BothDatabases
  void insertReturnsTheGeneratedKeyAndFindReadsItBack(TestDb t) {
    var repo = articles(t);
    Article a = repo.insert(article("a", 3));
    assertThat(a.id()).isPositive();
    assertThat(repo.insert(article("b", 1)).id()).isGreaterThan(a.id());
    assertThat(repo.find(a.id())).contains(a);
    assertThat(repo.find(a.id() + 100)).isEmpty();
    assertThat(repo.count()).isEqualTo(2);
    assertThat(repo.existsById(a.id())).isTrue();
    assertThat(repo.exists(Query.all().where("slug", "zzz"))).isFalse();
  }

  @BothDatabases
  void updateAndDeleteCheckTheVersion(TestDb t) {
    var repo = articles(t);
    Article a = repo.insert(article("a", 0));
    Article changed = repo.update(new Article(a.id(), "a", "New title", 5, a.version()));
    assertThat(changed.version()).isEqualTo(a.version() + 1);
    assertThat(changed.title()).isEqualTo("New title");
    // a second writer still holding the old version loses
    assertThatThrownBy(() -> repo.update(new Article(a.id(), "a", "Stale", 1, a.version())))
        .isInstanceOf(OptimisticLockException.class)
        .hasMessageContaining("changed by someone else");
    assertThatThrownBy(() -> repo.delete(a)).isInstanceOf(OptimisticLockException.class);
    assertThat(repo.delete(changed)).isTrue();
    assertThat(repo.delete(changed)).isFalse();
    assertThatThrownBy(() -> repo.update(changed)).isInstanceOf(RecordNotFoundException.class);
  }

  @BothDatabases
  void staleUpdatesAnswer409ThroughThePlugin(TestDb t) {
    t.ddl(
        "create table article (id {id}, slug text not null unique, title text not null,"
            + " likes integer not null default 0, version integer not null default 0)");
    var direct = t.db().repository(Article.class);
    Article a = direct.insert(article("a", 0));
    direct.update(a);
    Database db = Database.create();
    Keel app = Keel.create(t.config()).install(db);
    var repo = db.repository(Article.class);
    app.put("/articles/{id}", ctx -> repo.update(a)); // a is stale now
    try (var client = TestClient.inProcess(app)) {
      var r = client.put("/articles/" + a.id()).send();
      assertThat(r.status()).isEqualTo(409);
      assertThat(r.json().get("detail").asString()).contains("reload it");
      assertThat(r.json().get("type").asString())
          .isEqualTo("https://keel.dev/problems/optimistic-lock");
    } finally {
      app.stop();
    }
  }

  @BothDatabases
  void filtersSortingAndOffsetPaging(TestDb t) {
    var repo = articles(t);
    for (int i = 1; i <= 10; i++) repo.insert(article("s" + i, i % 4));
    Query popular = Query.all().where("likes", Op.GE, 2).sort("-likes,slug");
    assertThat(repo.findAll(popular).stream().map(Article::slug))
        .containsExactly("s3", "s7", "s10", "s2", "s6");
    assertThat(repo.count(popular)).isEqualTo(5);
    assertThat(repo.findAll(popular.limit(2).offset(2)).stream().map(Article::slug))
        .containsExactly("s10", "s2");
    assertThat(repo.findAll(Query.all().where("slug", Op.IN, List.of("s1", "s9"))))
        .extracting(Article::slug)
        .containsExactly("s1", "s9");
    assertThat(repo.findAll(Query.all().where("slug", Op.LIKE, "s1%"))).hasSize(2);
    assertThat(repo.findAll(Query.all().where("slug", Op.IN, List.of()))).isEmpty();
  }

  @BothDatabases
  void keysetPagingWalksEveryRowOnce(TestDb t) {
    var repo = articles(t);
    for (int i = 1; i <= 7; i++) repo.insert(article("k" + i, i % 2));
    Query q = Query.all().sort("-likes").limit(3);
    List<String> seen = new java.util.ArrayList<>();
    List<Article> page = repo.findAll(q);
    while (!page.isEmpty()) {
      page.forEach(a -> seen.add(a.slug()));
      page = repo.findAll(q.after(page.getLast()));
    }
    // likes desc, then key (id) desc as the tie-breaker
    assertThat(seen).containsExactly("k7", "k5", "k3", "k1", "k6", "k4", "k2");
  }

  @BothDatabases
  void userSuppliedSortColumnsAreCheckedAgainstTheRecord(TestDb t) {
    var repo = articles(t);
    assertThatThrownBy(() -> repo.findAll(Query.all().sort("title; drop table article")))
        .isInstanceOfSatisfying(
            BadRequest.class, e -> assertThat(e.problem().is(DbProblems.SORT_INVALID)).isTrue())
        .hasMessageContaining("cannot sort by 'title; drop table article'")
        .hasMessageContaining("[id, slug, title, likes, version]");
    assertThatThrownBy(() -> repo.findAll(Query.all().where("1=1 or slug", "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(repo.count()).isZero(); // table still there
  }

  @BothDatabases
  void filterValuesAreTypeChecked(TestDb t) {
    var repo = articles(t);
    assertThatThrownBy(() -> repo.findAll(Query.all().where("likes", "many")))
        .hasMessageContaining("filter likes expects Integer, not String many");
  }

  @BothDatabases
  void annotationsOverrideTableColumnAndKeyNames(TestDb t) {
    t.ddl("create table people (person_no integer primary key, full_name text not null)");
    var people = t.db().repository(Person.class);
    people.insert(new Person(42, "Ada Lovelace"));
    assertThat(people.find(42L)).contains(new Person(42, "Ada Lovelace"));
    assertThat(people.findAll(Query.all().sort("fullName"))).hasSize(1);
    assertThat(people.deleteById(42L)).isTrue();
  }

  @BothDatabases
  void findAllByLoadsChildrenOfManyParentsInOneQuery(TestDb t) {
    var repo = articles(t);
    Article a = repo.insert(article("a", 1));
    repo.insert(article("b", 1));
    Article c = repo.insert(article("c", 2));
    var byLikes = repo.findAllBy("likes", List.of(1, 2, 3));
    assertThat(byLikes.get(1)).hasSize(2);
    assertThat(byLikes.get(2)).containsExactly(c);
    assertThat(byLikes.get(3)).isEmpty();
    assertThat(repo.findAllById(List.of(c.id(), a.id())).keySet()).containsExactly(c.id(), a.id());
    assertThat(repo.find(Optional.of(a.id()).get())).isPresent();
  }
}
