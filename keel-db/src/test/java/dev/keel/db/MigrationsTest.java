package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;

/** The public {@link Migrations} that {@code keel db migrate|status|info|validate} runs. */
class MigrationsTest {

  private static Database connect(TestDb t, String location) {
    return Database.connect(
        Config.builder()
            .args(
                "--keel.db.url=" + t.url,
                "--keel.db.migrations=" + location,
                "--keel.db.migrate=false")
            .build());
  }

  @BothDatabases
  void migrateStatusInfoAndValidate(TestDb t) {
    try (Database db = connect(t, "classpath:migrations/good")) {
      Migrations m = db.migrations();
      assertThat(m.status()).contains("0 applied, 2 pending");
      assertThat(m.pending()).hasSize(2);
      assertThat(m.migrate()).isEqualTo(2);
      assertThat(m.status()).contains("2 applied, 0 pending, current version 2");
      assertThat(String.join("\n", m.info()))
          .contains("authors")
          .contains("books")
          .contains("Success");
      m.validate();
      assertThat(m.pending()).isEmpty();
    }
    try (Database db = connect(t, "classpath:migrations/later")) {
      assertThat(db.migrations().status()).contains("2 applied, 1 pending");
    }
  }
}
