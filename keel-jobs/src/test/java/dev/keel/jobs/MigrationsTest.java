package dev.keel.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;
import dev.keel.db.Database;
import dev.keel.db.Dialect;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** keel-jobs' tables come from its own migrations, applied with their own Flyway history. */
class MigrationsTest {
  static Database connect(TestDatabase db, String location, boolean migrate) {
    return Database.connect(
        Config.builder()
            .defaults(
                Map.of(
                    "keel.db.url",
                    db.url,
                    "keel.db.migrations",
                    location,
                    "keel.db.migrate",
                    Boolean.toString(migrate)))
            .build());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void moduleAndApplicationKeepSeparateHistoriesInEitherOrder(Dialect dialect) {
    try (var db = TestDatabase.create(dialect)) {
      // an app without migrations yet: only keel-jobs' tables
      try (Database d = connect(db, "classpath:no/such/folder", true)) {
        assertThat(versions(d, "keel_jobs_schema_history"))
            .containsExactly("1"); // empty schema: no baseline
        assertThat(d.sql("select count(*) from keel_job").one(Long.class)).isZero();
      }
      // its first migration later, on a schema that is no longer empty
      try (Database d = connect(db, "classpath:readme/db/migration", false)) {
        assertThat(d.migrations().pending()).containsExactly("V1 (users)");
        assertThat(d.migrate()).isEqualTo(1);
        assertThat(versions(d, "flyway_schema_history")).containsExactly("0", "1");
        assertThat(d.migrations().pending()).isEmpty();
        assertThat(d.migrations().info()).anyMatch(l -> l.startsWith("jobs 1"));
      }
      // an existing app that adds keel-jobs: its V1 runs on the app's schema
      try (Database d = connect(db, "classpath:readme/db/migration", true)) {
        d.sql("drop table keel_job_dep").update();
        d.sql("drop table keel_job").update();
        d.sql("drop table keel_job_queue").update();
        d.sql("drop table keel_job_slot").update();
        d.sql("drop table keel_jobs_schema_history").update();
        if (dialect == Dialect.POSTGRESQL) d.sql("drop function keel_job_notify()").update();
      }
      try (Database d = connect(db, "classpath:readme/db/migration", false)) {
        assertThat(d.migrations().pending()).containsExactly("jobs V1 (jobs)");
        assertThat(d.migrate()).isEqualTo(1);
        assertThat(d.sql("select count(*) from keel_job").one(Long.class)).isZero();
      }
    }
  }

  private static java.util.List<String> versions(Database d, String table) {
    return d.sql(
            "select version from "
                + table
                + " where success = :t and version is not null order by installed_rank")
        .bind("t", true)
        .list(String.class);
  }
}
