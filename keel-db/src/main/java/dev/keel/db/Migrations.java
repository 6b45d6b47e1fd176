package dev.keel.db;

import dev.keel.db.internal.Migrator;
import java.util.List;

/**
 * The Flyway migrations of a {@link Database}, from {@code keel.db.migrations} (default {@code
 * classpath:db/migration}): what {@code keel db migrate|status|info|validate} runs.
 *
 * <pre>{@code
 * try (Database db = Database.connect(config)) {
 *   Migrations m = db.migrations();
 *   if (!m.pending().isEmpty()) m.migrate();
 * }
 * }</pre>
 */
public final class Migrations {
  private final Migrator migrator;

  Migrations(Migrator migrator) {
    this.migrator = migrator;
  }

  /**
   * Applies the pending migrations; returns how many ran.
   *
   * @throws DatabaseException naming the file, line, statement and database error of a failure
   */
  public int migrate() {
    return migrator.migrate();
  }

  /** The migrations not applied yet, e.g. {@code V2 (add bio)}. */
  public List<String> pending() {
    return migrator.pending();
  }

  /**
   * Checks applied migrations against the files (changed checksums, missing files).
   *
   * @throws DatabaseException saying what differs and that applied migrations are never edited
   */
  public void validate() {
    migrator.validate();
  }

  /** One line per migration: version, description, state, installed on. */
  public List<String> info() {
    return migrator.info();
  }

  /** A one-line summary: applied count, pending count, current version and location. */
  public String status() {
    return migrator.status();
  }
}
