package dev.keel.db.internal;

import dev.keel.db.ConstraintViolationException;
import dev.keel.db.Dialect;
import dev.keel.db.TransactionOptions;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Everything keel-db does differently on SQLite and PostgreSQL, in one place: the SQL it renders
 * (paging, identifier quoting), how it connects, begins and ends a transaction, how values without
 * a common JDBC type are bound and read, and how a broken constraint is recognised. Chosen once per
 * database from its URL ({@link #of}); the rest of keel-db asks it instead of checking the engine.
 * Stateless and thread-safe.
 */
public abstract sealed class SqlDialect permits SqliteDialect, PostgresDialect {

  SqlDialect() {}

  /** The dialect of {@code engine}. */
  public static SqlDialect of(Dialect engine) {
    return switch (engine) {
      case SQLITE -> SqliteDialect.INSTANCE;
      case POSTGRESQL -> PostgresDialect.INSTANCE;
    };
  }

  /** The engine, as the public API names it. */
  public abstract Dialect engine();

  // ---------------------------------------------------------------- SQL

  /**
   * {@code "name"}, with embedded quotes doubled: the standard quoting both engines accept, so a
   * column called {@code order} or {@code user} needs no care.
   */
  public String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** Appends the clause for a page of rows; {@code 0} means no limit or no offset. */
  public abstract void page(StringBuilder sql, int limit, long offset);

  /**
   * Column types for the migration placeholders that differ between the engines: {@code id} (a
   * generated bigint primary key), {@code timestamp}, {@code uuid}, {@code json}, {@code decimal},
   * {@code bool}, {@code date}.
   */
  public abstract Map<String, String> columnTypes();

  // ---------------------------------------------------------------- connecting

  abstract Driver driver();

  /**
   * Prepares to connect: sets the driver properties Keel relies on (SQLite: WAL, foreign keys on;
   * PostgreSQL: timeouts, application name); SQLite also creates the database file's folder.
   */
  abstract void prepareConnect(DbSettings settings, Properties props);

  /** Idle connections the pool keeps; SQLite needs few, PostgreSQL keeps the pool warm. */
  abstract int minimumIdle(int poolSize);

  /** What the start-up log line adds after the pool size, e.g. {@code ", WAL, foreign keys on"}. */
  abstract String poolNote();

  // ---------------------------------------------------------------- transactions

  /** Applies read-only and isolation to {@code c}, which has just left auto-commit. */
  abstract void begin(Connection c, TransactionOptions options) throws SQLException;

  /**
   * Undoes what {@link #begin} set and the pool does not reset itself (it resets auto-commit,
   * read-only and isolation), before the connection goes back to the pool.
   */
  abstract void end(Connection c, TransactionOptions options) throws SQLException;

  // ---------------------------------------------------------------- values

  /** Binds SQL NULL. */
  abstract void bindNull(PreparedStatement ps, int i) throws SQLException;

  /**
   * Binds a value that is not one of the types both engines bind alike (strings, numbers, booleans,
   * enums, bytes; see {@link Values#bind}): decimals, dates and times, UUIDs, lists, JSON.
   */
  abstract void bindValue(PreparedStatement ps, int i, Object value) throws SQLException;

  /**
   * The reader for a type stored differently by the two engines (decimals, dates and times, lists),
   * or null when {@link Values#reader} reads it the same way on both.
   */
  abstract ColumnReader reader(Class<?> raw, Type type);

  /**
   * Whether several statements in one prepared text are sent together and answered together (one
   * round trip), so that {@code Sql.oneEach} pipelines its runs.
   */
  public boolean pipelinesStatements() {
    return false;
  }

  // ---------------------------------------------------------------- errors

  /** The kind of constraint {@code e} reports as broken, or null when it is another error. */
  ConstraintViolationException.Kind constraint(SQLException e) {
    String state = e.getSQLState();
    if (state == null || !state.startsWith("23")) return null;
    return switch (state) {
      case "23505" -> ConstraintViolationException.Kind.UNIQUE;
      case "23503" -> ConstraintViolationException.Kind.FOREIGN_KEY;
      case "23502" -> ConstraintViolationException.Kind.NOT_NULL;
      case "23514" -> ConstraintViolationException.Kind.CHECK;
      default -> ConstraintViolationException.Kind.OTHER;
    };
  }

  @Override
  public String toString() {
    return engine().name();
  }
}
