package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Keel;
import dev.keel.core.StartupException;
import org.junit.jupiter.api.Test;

class MigrationTest {
  private static long tables(Database db, String name) {
    String sql =
        db.dialect() == Dialect.SQLITE
            ? "select count(*) from sqlite_master where type = 'table' and name = :n"
            : "select count(*) from information_schema.tables where table_name = :n";
    return db.sql(sql).bind("n", name).one(Long.class);
  }

  @BothDatabases
  void migrationsRunAtStartUpInDevAndTest(TestDb t) {
    Database db = Database.create();
    Keel app = Keel.create(t.config("keel.db.migrations=classpath:migrations/good")).install(db);
    try {
      app.start();
      assertThat(tables(db, "book")).isEqualTo(1);
      assertThat(db.sql("select name from author").one(String.class)).isEqualTo("Ursula");
      assertThat(db.migrate()).isZero(); // already applied
    } finally {
      app.stop();
    }
  }

  @BothDatabases
  void productionDoesNotMigrateAtStartUp(TestDb t) {
    try (Database db =
        Database.connect(
            t.config("keel.profile=prod", "keel.db.migrations=classpath:migrations/good"))) {
      assertThat(tables(db, "book")).isZero();
      assertThat(db.migrate()).isEqualTo(2);
      assertThat(tables(db, "book")).isEqualTo(1);
    }
  }

  @BothDatabases
  void aFailingMigrationStopsStartUpNamingFileStatementAndErrorAndLeavesNothingHalfApplied(
      TestDb t) {
    assertThatThrownBy(
            () ->
                Keel.create(t.config("keel.db.migrations=classpath:migrations/bad"))
                    .install(Database.create())
                    .start())
        .isInstanceOf(StartupException.class)
        .hasCauseInstanceOf(DatabaseException.class)
        .hasMessageStartingWith("migration V2__broken.sql failed at line 3")
        .hasMessageContaining("insert into shelf (id, lable) values (2, 'bottom')")
        .hasMessageContaining("lable")
        .hasMessageContaining("rolled back");
    Database db = t.db();
    assertThat(tables(db, "author")).isEqualTo(1); // V1 was fine and stays
    assertThat(tables(db, "shelf")).isZero(); // V2 is rolled back as a whole
  }

  @BothDatabases
  void laterMigrationsApplyOnTheNextStart(TestDb t) {
    try (Database first =
        Database.connect(t.config("keel.db.migrations=classpath:migrations/good"))) {
      assertThat(tables(first, "book")).isEqualTo(1);
    }
    try (Database second =
        Database.connect(t.config("keel.db.migrations=classpath:migrations/later"))) {
      second.sql("insert into book (id, author_id, title, isbn) values (1, 1, 'x', 'y')").update();
      assertThat(second.sql("select isbn from book").one(String.class)).isEqualTo("y");
    }
  }

  @Test
  void migrationsAreNotBoundBySocketTimeoutButStatementsAre() throws Exception {
    try (TestDb t = TestDb.create(Dialect.POSTGRESQL);
        Database db =
            Database.connect(
                t.config(
                    "keel.profile=prod",
                    "keel.db.migrations=classpath:migrations/slow",
                    "keel.db.socket-timeout=1s"))) {
      assertThat(db.migrate()).isEqualTo(1); // its pg_sleep(2) outlasts the timeout
      assertThat(tables(db, "slow")).isEqualTo(1);
      assertThatThrownBy(() -> db.sql("select pg_sleep(2)").update())
          .isInstanceOf(DatabaseUnavailableException.class);
      assertThat(db.sql("select count(*) from slow").one(Long.class)).isZero(); // recovers
    }
  }
}
