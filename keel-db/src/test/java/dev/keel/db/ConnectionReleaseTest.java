package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Every statement-running method of {@link Sql} and {@link Repository} gives its connection back to
 * the pool, after success and after each kind of failure (database error, caller's mistake, strict
 * loading) — a leaked connection would starve the pool after a few requests.
 */
class ConnectionReleaseTest {
  record Note(long id, String title) {}

  private static int borrowed(Database db) {
    return db.pool().getHikariPoolMXBean().getActiveConnections();
  }

  private static void released(Database db, Runnable statement) {
    statement.run();
    assertThat(borrowed(db)).as("connections borrowed after the statement").isZero();
  }

  private static void releasedAfterFailure(Database db, ThrowingCallable statement) {
    assertThatThrownBy(statement).isInstanceOf(RuntimeException.class);
    assertThat(borrowed(db)).as("connections borrowed after the failure").isZero();
  }

  @BothDatabases
  void sqlGivesItsConnectionBack(TestDb t) {
    t.ddl("create table note (id {id}, title text not null unique)");
    Database db = t.db();
    String insert = "insert into note (title) values (:title)";
    released(db, () -> db.sql(insert).bind("title", "a").insert());
    released(db, () -> db.sql(insert).bind("title", "b").update());
    released(db, () -> db.sql(insert).batch(List.of(Map.of("title", "c"), Map.of("title", "d"))));
    released(db, () -> db.sql("select * from note where id = 1").one(Note.class));
    released(db, () -> db.sql("select * from note where id = 0").optional(Note.class));
    released(db, () -> db.sql("select title from note").list(String.class));
    released(db, () -> db.sql("select title from note").stream(String.class).close());

    releasedAfterFailure(db, () -> db.sql(insert).bind("title", "a").insert()); // unique
    releasedAfterFailure(db, () -> db.sql(insert).bind("title", "a").update());
    releasedAfterFailure(db, () -> db.sql(insert).batch(List.of(Map.of("title", "a"))));
    releasedAfterFailure(db, () -> db.sql(insert).batch(List.of(Map.of("other", "a"))));
    releasedAfterFailure(db, () -> db.sql(insert).batch(List.of("not a row")));
    releasedAfterFailure(db, () -> db.sql("select * from note where id = 0").one(Note.class));
    releasedAfterFailure(db, () -> db.sql("select * from note").one(Note.class)); // several
    releasedAfterFailure(db, () -> db.sql("select id from note").list(Note.class)); // no title
    releasedAfterFailure(db, () -> db.sql("select * from missing").list(Note.class));
    releasedAfterFailure(db, () -> db.sql("select * from missing").stream(Note.class));
    releasedAfterFailure(db, () -> db.sql("select id from note").stream(Note.class));
    releasedAfterFailure(db, () -> db.sql("select * from note where id = :id").list(Note.class));
  }

  @BothDatabases
  void repositoriesGiveTheirConnectionBack(TestDb t) {
    t.ddl("create table note (id {id}, title text not null unique)");
    Database db = t.db();
    Repository<Note> notes = db.repository(Note.class);
    Note a = notes.insert(new Note(0, "a"));
    assertThat(borrowed(db)).isZero();
    notes.insert(new Note(0, "b"));
    released(db, () -> notes.update(new Note(a.id(), "a2")));
    released(db, () -> notes.find(a.id()));
    released(db, () -> notes.findAll(Query.all().offset(1)));
    released(db, () -> notes.findAllBy("title", List.of("a2", "b")));
    released(db, () -> notes.count(Query.all().where("title", "b")));
    released(db, () -> notes.existsById(a.id()));
    released(db, () -> notes.deleteById(a.id()));

    releasedAfterFailure(db, () -> notes.insert(new Note(0, "b"))); // unique
    releasedAfterFailure(db, () -> notes.update(new Note(a.id(), "gone"))); // no such row
    releasedAfterFailure(db, () -> notes.findAll(Query.all().sort("nope")));
    releasedAfterFailure(db, () -> notes.count(Query.all().where("title", 7)));
  }

  @BothDatabases
  void aStatementStoppedByStrictLoadingHoldsNoConnection(TestDb t) {
    t.ddl("create table note (id {id}, title text not null unique)");
    Database db = t.db();
    Sql batch = db.sql("insert into note (title) values (:title)");
    Repository<Note> notes = db.repository(Note.class);
    Consumer<Runnable> fourTimes =
        statement ->
            releasedAfterFailure(
                db,
                () ->
                    db.strict(
                        () -> {
                          for (int i = 0; i < 4; i++) statement.run();
                          return null;
                        }));
    int[] n = {0};
    fourTimes.accept(() -> batch.batch(List.of(Map.of("title", "t" + n[0]++))));
    fourTimes.accept(() -> db.sql("select title from note").list(String.class));
    fourTimes.accept(() -> notes.find(1L));
    fourTimes.accept(() -> db.sql("select title from note").stream(String.class).close());
  }
}
