package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

class SqlTest {
  record Note(long id, String title, Optional<String> body) {}

  record NewNote(String title, String body) {}

  private static void notes(TestDb t) {
    t.ddl("create table note (id {id}, title text not null, body text)");
  }

  @BothDatabases
  void insertReturnsGeneratedKeyAndRowsMapToRecords(TestDb t) {
    notes(t);
    Database db = t.db();
    long id =
        db.sql("insert into note (title, body) values (:title, :body)")
            .bind("title", "milk")
            .bind("body", null)
            .insert();
    Note n = db.sql("select * from note where id = :id").bind("id", id).one(Note.class);
    assertThat(n).isEqualTo(new Note(id, "milk", Optional.empty()));
    assertThat(db.sql("select * from note where id = :id").bind("id", id + 1).optional(Note.class))
        .isEmpty();
    assertThat(db.sql("select title from note").list(String.class)).containsExactly("milk");
    assertThat(db.sql("select count(*) from note").one(Long.class)).isEqualTo(1L);
    long count = db.sql("select count(*) from note").one(long.class);
    assertThat(count).isEqualTo(1L);
  }

  @BothDatabases
  void oneThrowsWhenNoRowOrSeveral(TestDb t) {
    notes(t);
    Database db = t.db();
    assertThatThrownBy(
            () -> db.sql("select * from note where id = :id").bind("id", 7).one(Note.class))
        .isInstanceOf(RecordNotFoundException.class)
        .hasMessageContaining("select * from note where id = :id");
    db.sql("insert into note (title) values ('a'), ('b')").update();
    assertThatThrownBy(() -> db.sql("select * from note").one(Note.class))
        .hasMessageContaining("more than one row");
  }

  @BothDatabases
  void updateBatchAndInListExpansion(TestDb t) {
    notes(t);
    Database db = t.db();
    int[] counts =
        db.sql("insert into note (title, body) values (:title, :body)")
            .batch(List.of(new NewNote("a", "x"), new NewNote("b", "y"), new NewNote("c", "z")));
    assertThat(counts).hasSize(3);
    db.sql("insert into note (title, body) values (:title, :body)")
        .batch(List.of(Map.of("title", "d", "body", "w")));
    int changed =
        db.sql("update note set body = :body where title in (:titles)")
            .bind("body", "changed")
            .bind("titles", List.of("a", "c"))
            .update();
    assertThat(changed).isEqualTo(2);
    assertThat(
            db.sql("select title from note where body = :b order by title")
                .bind("b", "changed")
                .list(String.class))
        .containsExactly("a", "c");
    assertThat(
            db.sql("select title from note where title in (:t)")
                .bind("t", List.of())
                .list(String.class))
        .isEmpty();
    try (var s = db.sql("select * from note order by id").stream(Note.class)) {
      assertThat(s.map(Note::title).toList()).containsExactly("a", "b", "c", "d");
    }
  }

  @BothDatabases
  void valuesAreBoundNeverSpliced(TestDb t) {
    notes(t);
    Database db = t.db();
    String evil = "x'); drop table note; --";
    db.sql("insert into note (title) values (:t)").bind("t", evil).update();
    assertThat(db.sql("select title from note").one(String.class)).isEqualTo(evil);
    // ':name' inside a string literal or a comment is not a parameter
    assertThat(db.sql("select ':x' -- :y\n").one(String.class)).isEqualTo(":x");
  }

  @BothDatabases
  void unboundOrUnknownParametersAreNamed(TestDb t) {
    notes(t);
    Database db = t.db();
    assertThatThrownBy(() -> db.sql("select * from note where id = :id").list(Note.class))
        .hasMessageContaining("parameter :id is not bound");
    assertThatThrownBy(() -> db.sql("select * from note where id = :id").bind("ident", 1))
        .hasMessageContaining("bind(\"ident\") names no parameter")
        .hasMessageContaining("[id]");
  }

  @BothDatabases
  void databaseErrorsNameTheStatement(TestDb t) {
    Database db = t.db();
    assertThatThrownBy(() -> db.sql("select * from missing_table").list(Note.class))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("missing_table")
        .hasMessageContaining("in: select * from missing_table");
  }

  @BothDatabases
  void missingColumnsAreExplained(TestDb t) {
    notes(t);
    Database db = t.db();
    db.sql("insert into note (title) values ('a')").update();
    assertThatThrownBy(() -> db.sql("select id from note").list(Note.class))
        .hasMessageContaining("record Note needs title (column title)");
  }

  record TitleBody(String title, String body) {}

  @BothDatabases
  void oneEachRunsTheQueryPerRowInOrderAcrossPipelineChunks(TestDb t) {
    notes(t);
    Database db = t.db();
    var rows = new java.util.ArrayList<NewNote>();
    for (int i = 0; i < 150; i++) rows.add(new NewNote("n" + i, i % 2 == 0 ? "even" : "odd"));
    db.sql("insert into note (title, body) values (:title, :body)").batch(rows);
    var ids = new java.util.ArrayList<Long>();
    for (long id = 150; id >= 1; id--) ids.add(id); // reversed, past two chunks of 64
    ids.add(3L); // a repeated id is run again
    List<Note> notes = db.sql("select * from note where id = :id;").oneEach(ids, Note.class);
    assertThat(notes).hasSize(151);
    assertThat(notes.getFirst().title()).isEqualTo("n149");
    assertThat(notes.get(149).title()).isEqualTo("n0");
    assertThat(notes.getLast().title()).isEqualTo("n2");
    assertThat(notes.getLast().body()).contains("even");
    assertThat(
            db.sql("select title from note where title = :title and body = :body")
                .oneEach(
                    List.of(new TitleBody("n1", "odd"), Map.of("title", "n4", "body", "even")),
                    String.class))
        .containsExactly("n1", "n4");
    assertThat(db.sql("select title from note where id = :id").oneEach(List.of(), String.class))
        .isEmpty();
  }

  @BothDatabases
  void oneEachFailsPreciselyAndLeavesTheConnectionUsable(TestDb t) {
    notes(t);
    Database db = t.db();
    db.sql("insert into note (title, body) values ('a', 'x'), ('b', 'x')").update();
    assertThatThrownBy(
            () -> db.sql("select * from note where id = :id").oneEach(List.of(1L, 99L), Note.class))
        .isInstanceOf(RecordNotFoundException.class)
        .hasMessageContaining("select * from note where id = :id");
    assertThatThrownBy(
            () ->
                db.sql("select title from note where body = :b")
                    .oneEach(List.of("x"), String.class))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("more than one row");
    assertThatThrownBy(
            () ->
                db.sql("select title from note where title = :t and body = :b")
                    .oneEach(List.of("a"), String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maps or records");
    assertThatThrownBy(
            () -> db.sql("select nope from note where id = :id").oneEach(List.of(1L), String.class))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("select nope from note");
    assertThat(db.sql("select count(*) from note").one(Long.class)).isEqualTo(2L);
    // inside a transaction the pipeline runs on the transaction's connection
    List<String> titles =
        db.transaction(
            () ->
                db.sql("select title from note where id = :id")
                    .oneEach(List.of(2L, 1L), String.class));
    assertThat(titles).containsExactly("b", "a");
  }
}
