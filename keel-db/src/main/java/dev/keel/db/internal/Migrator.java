package dev.keel.db.internal;

import dev.keel.db.DatabaseException;
import dev.keel.db.Dialect;
import dev.keel.db.spi.ModuleMigrations;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/**
 * Flyway behind Keel: migrations from {@code keel.db.migrations} (default {@code
 * classpath:db/migration}), each in its own transaction where the database allows it (PostgreSQL
 * and SQLite both do, so a failed migration leaves nothing half-applied). Failures become one
 * {@link DatabaseException} naming the file, line, statement and database error.
 *
 * <p>Modules' own migrations ({@link ModuleMigrations}) come after the application's, each with its
 * own history table. Every history baselines at version 0 on a schema that already has tables (a
 * module's tables exist before the application's first migration, or the other way round), so that
 * V1 still runs.
 */
public final class Migrator {
  private final DataSource dataSource;
  private final Dialect dialect;
  private final String table; // null: Flyway's default
  private final ClassLoader loader;
  private Flyway flyway; // made at first use: a start with nothing to migrate may never need it
  private final String location;
  private final boolean present;
  private final List<Migrator> modules;
  private final String prefix; // "" for the application, "jobs " for a module

  public Migrator(DataSource dataSource, Dialect dialect, String location) {
    this(dataSource, dialect, location, null, "", loader());
  }

  private Migrator(
      DataSource dataSource,
      Dialect dialect,
      String location,
      String table,
      String prefix,
      ClassLoader loader) {
    this.location = location;
    this.prefix = prefix;
    this.present =
        !location.startsWith("classpath:")
            || loader.getResource(location.substring("classpath:".length())) != null;
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.table = table;
    this.loader = loader;
    List<Migrator> mods = new ArrayList<>();
    if (table == null) {
      for (ModuleMigrations m : ModuleMigrations.discover(loader)) {
        mods.add(
            new Migrator(
                dataSource,
                dialect,
                m.location(dialect),
                m.historyTable(),
                m.module() + " ",
                loader));
      }
    }
    this.modules = List.copyOf(mods);
  }

  private static ClassLoader loader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : Migrator.class.getClassLoader();
  }

  private synchronized Flyway flyway() {
    if (flyway == null) {
      var config =
          Flyway.configure(loader)
              .dataSource(new NoSocketTimeout(dataSource))
              .locations(location)
              .placeholders(SqlDialect.of(dialect).columnTypes()) // ${id}, ${timestamp}, ...
              .failOnMissingLocations(false)
              .baselineOnMigrate(true)
              .baselineVersion("0");
      if (table != null) config = config.table(table);
      flyway = config.load();
    }
    return flyway;
  }

  /** False when the location does not exist (an app without migrations): nothing to do. */
  public boolean present() {
    return present;
  }

  /** Applies pending migrations, the application's then each module's; returns how many ran. */
  public int migrate() {
    int ran = 0;
    String history = table != null ? table : "flyway_schema_history";
    if (present && !AppliedCheck.upToDate(dataSource, dialect, location, history, loader)) {
      try {
        MigrateResult result = flyway().migrate();
        ran += result.migrationsExecuted;
      } catch (FlywayException e) {
        throw explain(e);
      }
    }
    for (Migrator m : modules) ran += m.migrate();
    return ran;
  }

  /**
   * The migrations not applied yet, e.g. {@code V2 (add bio)}; empty when the location does not
   * exist.
   *
   * @throws DatabaseException when the database cannot be asked
   */
  public List<String> pending() {
    List<String> pending = new ArrayList<>();
    for (Migrator m : modules) pending.addAll(m.pending());
    if (!present) return pending;
    try {
      List<String> own = new ArrayList<>();
      for (MigrationInfo m : flyway().info().pending()) {
        String version = m.getVersion() == null ? "R" : "V" + m.getVersion().getVersion();
        own.add(prefix + version + " (" + m.getDescription() + ")");
      }
      own.addAll(pending);
      return own;
    } catch (FlywayException e) {
      throw new DatabaseException(
          "cannot read the migration state of the database: " + e.getMessage().strip());
    }
  }

  /** Checks applied migrations against the files (changed checksums, missing files). */
  public void validate() {
    for (Migrator m : modules) m.validate();
    try {
      flyway().validate();
    } catch (FlywayException e) {
      throw new DatabaseException(
          "migrations in "
              + location
              + " do not match the database: "
              + e.getMessage().strip()
              + " — never edit an applied migration; add a new one instead");
    }
  }

  /** One line per migration: version, description, state, installed on. */
  public List<String> info() {
    List<String> lines = new ArrayList<>();
    for (MigrationInfo m : flyway().info().all()) {
      lines.add(
          String.format(
              Locale.ROOT,
              "%-10s %-40s %-10s %s",
              prefix + (m.getVersion() == null ? "R" : m.getVersion().getVersion()),
              m.getDescription(),
              m.getState().getDisplayName(),
              m.getInstalledOn() == null ? "" : m.getInstalledOn().toInstant()));
    }
    for (Migrator m : modules) lines.addAll(m.info());
    return lines;
  }

  /** A one-line summary: applied count, pending count, current version. */
  public String status() {
    var info = flyway().info();
    var current = info.current();
    return String.format(
        Locale.ROOT,
        "%d applied, %d pending, current version %s (%s)",
        info.applied().length,
        info.pending().length,
        current == null ? "none" : current.getVersion(),
        location);
  }

  private DatabaseException explain(FlywayException e) {
    String file = null;
    String statement = null;
    int line = -1;
    String dbError = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FlywaySqlScriptException s) {
        if (s.getResource() != null) file = s.getResource().getFilename();
        statement = s.getStatement();
        line = s.getLineNumber();
      }
      if (t instanceof FlywayMigrateException m && m.getMigration() != null && file == null) {
        file = m.getMigration().getScript();
      }
      if (t instanceof SQLException sql) dbError = sql.getMessage();
      if (t.getCause() == t) break;
    }
    if (file == null) {
      return new DatabaseException(
          "migrations in " + location + " failed: " + e.getMessage().strip(), "", null);
    }
    StringBuilder m = new StringBuilder("migration ").append(file).append(" failed");
    if (line > 0) m.append(" at line ").append(line);
    if (statement != null) m.append(" in statement: ").append(statement.strip());
    m.append(" — ").append(dbError != null ? dbError.strip() : e.getMessage().strip());
    m.append(
        ". The migration was rolled back; fix the file (it was not recorded as applied) and"
            + " start again.");
    return new DatabaseException(m.toString(), "", null);
  }
}
