package dev.keel.db;

import org.flywaydb.core.Flyway;

/** Flyway migrations of a {@link Database}. */
final class Migrations {
  private Migrations() {}

  /** Applies pending migrations from {@code classpath:db/migration}, when that folder exists. */
  static void migrate(Database db) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) loader = Migrations.class.getClassLoader();
    if (loader.getResource("db/migration") == null) return; // nothing to apply
    Flyway.configure(loader)
        .dataSource(db.dataSource())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }
}
