package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Keel;
import dev.keel.test.TestClient;

class ConstraintTest {
  record Parent(long id, String slug) {}

  record Child(long id, long parentId, String name) {}

  @BothDatabases
  void constraintViolationsAreClassifiedAndDuplicatesAnswer409(TestDb t) {
    t.ddl(
        "create table parent (id {id}, slug text not null unique)",
        "create table child (id {id}, parent_id bigint not null references parent (id),"
            + " name text not null check (length(name) > 0))");
    var parents = t.db().repository(Parent.class);
    var children = t.db().repository(Child.class);
    Parent p = parents.insert(new Parent(0, "a"));
    assertThatThrownBy(() -> parents.insert(new Parent(0, "a")))
        .isInstanceOfSatisfying(
            ConstraintViolationException.class,
            e -> assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.UNIQUE));
    assertThatThrownBy(() -> children.insert(new Child(0, p.id() + 99, "x")))
        .isInstanceOfSatisfying(
            ConstraintViolationException.class,
            e -> assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.FOREIGN_KEY));
    assertThatThrownBy(() -> children.insert(new Child(0, p.id(), "")))
        .isInstanceOfSatisfying(
            ConstraintViolationException.class,
            e -> assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.CHECK));
    // the same through an application: its plugin maps the violations
    Database db = Database.create();
    Keel app = Keel.create(t.config()).install(db);
    var appParents = db.repository(Parent.class);
    var appChildren = db.repository(Child.class);
    app.post("/parents/{slug}", ctx -> appParents.insert(new Parent(0, ctx.pathParam("slug"))));
    app.post("/bad-child", ctx -> appChildren.insert(new Child(0, p.id(), "")));
    app.post("/orphan", ctx -> appChildren.insert(new Child(0, p.id() + 99, "x")));
    try (var client = TestClient.inProcess(app)) {
      assertThat(client.post("/parents/b").send().status()).isEqualTo(200);
      var duplicate = client.post("/parents/b").send();
      assertThat(duplicate.status()).isEqualTo(409);
      assertThat(duplicate.json().get("detail").asString()).contains("already exists");
      assertThat(duplicate.json().get("type").asString())
          .isEqualTo(DbProblems.UNIQUE_VIOLATION.uri());
      var orphan = client.post("/orphan").send();
      assertThat(orphan.status()).isEqualTo(409);
      assertThat(orphan.json().get("type").asString())
          .isEqualTo("https://keel.dev/problems/foreign-key-violation");
      var check = client.post("/bad-child").send(); // a CHECK violation is the schema's bug
      assertThat(check.status()).isEqualTo(500);
      assertThat(check.json().get("type").asString())
          .isEqualTo("https://keel.dev/problems/internal");
    } finally {
      app.stop();
    }
  }
}
