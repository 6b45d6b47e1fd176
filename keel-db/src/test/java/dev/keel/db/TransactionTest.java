package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.concurrent.Executors;

class TransactionTest {

  private static long count(Database db) {
    return db.sql("select count(*) from item").one(Long.class);
  }

  private static void insert(Database db, String name) {
    db.sql("insert into item (name) values (:n)").bind("n", name).update();
  }

  @BothDatabases
  void commitsWhenTheBodyReturns(TestDb t) {
    t.ddl("create table item (id {id}, name text not null)");
    Database db = t.db();
    long n =
        db.transaction(
            () -> {
              insert(db, "a");
              insert(db, "b");
              assertThat(db.inTransaction()).isTrue();
              return count(db);
            });
    assertThat(n).isEqualTo(2);
    assertThat(count(db)).isEqualTo(2);
    assertThat(db.inTransaction()).isFalse();
  }

  @BothDatabases
  void rollsBackOnAnyException(TestDb t) {
    t.ddl("create table item (id {id}, name text not null)");
    Database db = t.db();
    assertThatThrownBy(
            () ->
                db.transaction(
                    () -> {
                      insert(db, "a");
                      throw new UncheckedIOException(new java.io.IOException("disk full"));
                    }))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(count(db)).isZero();
  }

  @BothDatabases
  void nestedCallsJoinTheOuterTransaction(TestDb t) {
    t.ddl("create table item (id {id}, name text not null)");
    Database db = t.db();
    assertThatThrownBy(
            () ->
                db.transaction(
                    () -> {
                      insert(db, "outer");
                      db.transaction(() -> insert(db, "inner"));
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(count(db)).isZero();
  }

  @BothDatabases
  void aCaughtFailureOfAJoinedCallRollsBackTheWhole(TestDb t) {
    t.ddl("create table item (id {id}, name text not null)");
    Database db = t.db();
    assertThatThrownBy(
            () ->
                db.transaction(
                    () -> {
                      insert(db, "outer");
                      try {
                        db.transaction(
                            () -> {
                              throw new IllegalStateException("inner failed");
                            });
                      } catch (IllegalStateException expected) {
                        // swallowed by user code
                      }
                    }))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("nested call failed")
        .hasMessageContaining("withSavepoint()");
    assertThat(count(db)).isZero();
  }

  @BothDatabases
  void savepointsRollBackOnlyTheNestedPart(TestDb t) {
    t.ddl("create table item (id {id}, name text not null)");
    Database db = t.db();
    db.transaction(
        () -> {
          insert(db, "kept");
          try {
            db.transaction(
                TransactionOptions.defaults().withSavepoint(),
                () -> {
                  insert(db, "undone");
                  throw new IllegalStateException("inner");
                });
          } catch (IllegalStateException expected) {
            // the savepoint was rolled back; the outer transaction goes on
          }
          insert(db, "also kept");
        });
    assertThat(db.sql("select name from item order by id").list(String.class))
        .containsExactly("kept", "also kept");
  }

  @BothDatabases
  void readOnlyTransactionsRejectWrites(TestDb t) {
    t.ddl("create table item (id {id}, name text not null)");
    Database db = t.db();
    assertThatThrownBy(
            () ->
                db.transaction(TransactionOptions.defaults().withReadOnly(), () -> insert(db, "x")))
        .isInstanceOf(DatabaseException.class);
    assertThat(db.transaction(TransactionOptions.defaults().withReadOnly(), () -> count(db)))
        .isZero();
    insert(db, "after"); // the connection went back to the pool writable
    assertThat(count(db)).isEqualTo(1);
  }

  @BothDatabases
  void isolationLevelsAreAccepted(TestDb t) {
    t.ddl("create table item (id {id}, name text not null)");
    Database db = t.db();
    for (var level : TransactionOptions.Isolation.values()) {
      db.transaction(TransactionOptions.defaults().withIsolation(level), () -> insert(db, "x"));
    }
    assertThat(count(db)).isEqualTo(4);
  }

  @BothDatabases
  void transactionsAreBoundToTheirVirtualThread(TestDb t) throws Exception {
    t.ddl("create table item (id {id}, name text not null)");
    Database db = t.db();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      db.transaction(
          () -> {
            insert(db, "a");
            try {
              // another thread does not see the open transaction
              boolean other = executor.submit(db::inTransaction).get();
              assertThat(other).isFalse();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    }
    assertThat(count(db)).isEqualTo(1);
  }
}
