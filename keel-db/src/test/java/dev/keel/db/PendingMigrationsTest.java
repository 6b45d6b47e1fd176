package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.HealthCheck;
import dev.keel.core.Keel;
import dev.keel.core.StartupException;

/**
 * In prod, where start-up does not migrate, pending migrations stop start-up with the command that
 * applies them, or (when configured to tolerate them) keep readiness down until they are applied.
 */
class PendingMigrationsTest {

  private static Keel prodApp(TestDb t, String... extra) {
    String[] settings = new String[extra.length + 3];
    settings[0] = "keel.profile=prod";
    settings[1] = "keel.db.migrations=classpath:migrations/later";
    settings[2] = "keel.app.name=shop";
    System.arraycopy(extra, 0, settings, 3, extra.length);
    return Keel.create(t.config(settings));
  }

  @BothDatabases
  void pendingMigrationsStopStartUpNamingThemAndTheCommand(TestDb t) {
    try (Database applied =
        Database.connect(t.config("keel.db.migrations=classpath:migrations/good"))) {
      assertThat(applied.migrate()).isZero(); // V1 and V2 applied; V3 of "later" is pending
    }
    Keel app = prodApp(t).install(Database.create());
    assertThatThrownBy(app::start)
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith(
            "1 migration is pending on "
                + TestDb.display(t)
                + ": V3 (isbn). Apply it with"
                + " ./keel db migrate shop (with this configuration), then start again.")
        .hasMessageContaining("keel.db.migrate=true")
        .hasMessageContaining("keel.db.pending-migrations=warn");
    assertThatThrownBy(app::port).isInstanceOf(IllegalStateException.class); // never listened
  }

  @BothDatabases
  void tolerantStartUpKeepsReadinessDownUntilTheyAreApplied(TestDb t) throws Exception {
    Database db = Database.create();
    Keel app = prodApp(t, "keel.db.pending-migrations=warn").install(db).start();
    try {
      HealthCheck migrations =
          app.services(HealthCheck.class).stream()
              .filter(c -> c.name().equals("migrations"))
              .findFirst()
              .orElseThrow();
      assertThatThrownBy(migrations::check)
          .hasMessageStartingWith("3 migrations are pending on ")
          .hasMessageContaining("V1 (authors), V2 (books), V3 (isbn)")
          .hasMessageContaining("./keel db migrate shop");
      assertThat(db.migrate()).isEqualTo(3); // what ./keel db migrate does
      migrations.check(); // up now
    } finally {
      app.stop();
    }
  }

  @BothDatabases
  void noPendingMigrationsStartNormallyInProd(TestDb t) {
    try (Database applied =
        Database.connect(t.config("keel.db.migrations=classpath:migrations/later"))) {
      assertThat(applied.migrate()).isZero();
    }
    Keel app = prodApp(t).install(Database.create()).start();
    try {
      assertThat(app.port()).isPositive();
      assertThat(app.services(HealthCheck.class))
          .extracting(HealthCheck::name)
          .containsExactly("database");
    } finally {
      app.stop();
    }
  }
}
