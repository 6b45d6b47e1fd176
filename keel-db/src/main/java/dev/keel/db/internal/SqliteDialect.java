package dev.keel.db.internal;

import dev.keel.db.ConstraintViolationException;
import dev.keel.db.DatabaseException;
import dev.keel.db.Dialect;
import dev.keel.db.TransactionOptions;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * SQLite: what it has no type for is stored as text that sorts and compares correctly (instants
 * fixed-width in UTC, decimals exact), JSON as text; read-only transactions use {@code PRAGMA
 * query_only}; an offset needs a limit before it.
 */
final class SqliteDialect extends SqlDialect {
  static final SqliteDialect INSTANCE = new SqliteDialect();

  /** Sortable text for instants: fixed width, microseconds, UTC. */
  static final DateTimeFormatter INSTANT_TEXT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** Reads what SQLite's own date functions and other writers store, as well as Keel's format. */
  private static final DateTimeFormatter LENIENT_DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
          .toFormatter();

  private static final Map<String, String> COLUMN_TYPES =
      Map.of(
          "id", "integer primary key autoincrement",
          "timestamp", "text",
          "uuid", "text",
          "json", "text",
          "decimal", "text",
          "bool", "integer",
          "date", "text");

  private SqliteDialect() {}

  @Override
  public Dialect engine() {
    return Dialect.SQLITE;
  }

  @Override
  public void page(StringBuilder sql, int limit, long offset) {
    if (limit > 0) sql.append(" limit ").append(limit);
    if (offset > 0) {
      if (limit <= 0) sql.append(" limit -1"); // SQLite's grammar has no offset without a limit
      sql.append(" offset ").append(offset);
    }
  }

  @Override
  public Map<String, String> columnTypes() {
    return COLUMN_TYPES;
  }

  // ---------------------------------------------------------------- connecting

  @Override
  Driver driver() {
    return new org.sqlite.JDBC();
  }

  @Override
  void prepareConnect(DbSettings settings, Properties props) {
    SqliteNative.prepare();
    createParentDirectory(settings.url());
    props.setProperty("foreign_keys", "true");
    props.setProperty("journal_mode", "WAL");
    props.setProperty("busy_timeout", "5000");
    props.setProperty("synchronous", "NORMAL");
  }

  private static void createParentDirectory(DbUrl url) {
    String path = url.jdbcUrl().substring("jdbc:sqlite:".length());
    int q = path.indexOf('?');
    if (q >= 0) path = path.substring(0, q);
    if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) return;
    Path parent = Path.of(path).toAbsolutePath().getParent();
    try {
      if (parent != null) Files.createDirectories(parent);
    } catch (IOException e) {
      throw new DatabaseException(
          "cannot create the folder "
              + parent
              + " for the SQLite database "
              + url.display()
              + " ("
              + e
              + "); create it or set keel.db.url (KEEL_DB_URL)");
    }
  }

  @Override
  int minimumIdle(int poolSize) {
    return Math.min(poolSize, 1);
  }

  @Override
  String poolNote() {
    return ", WAL, foreign keys on";
  }

  // ---------------------------------------------------------------- transactions

  @Override
  void begin(Connection c, TransactionOptions options) throws SQLException {
    // SQLite is always serializable: the isolation level has nothing to change
    if (options.readOnly()) queryOnly(c, true);
  }

  @Override
  void end(Connection c, TransactionOptions options) throws SQLException {
    if (options.readOnly()) queryOnly(c, false); // a pragma outlives the transaction
  }

  private static void queryOnly(Connection c, boolean on) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(on ? "PRAGMA query_only = 1" : "PRAGMA query_only = 0");
    }
  }

  // ---------------------------------------------------------------- values

  @Override
  void bindNull(PreparedStatement ps, int i) throws SQLException {
    ps.setNull(i, Types.NULL);
  }

  @Override
  void bindValue(PreparedStatement ps, int i, Object value) throws SQLException {
    switch (value) {
      case BigDecimal n -> ps.setString(i, n.toPlainString());
      case Instant t -> ps.setString(i, INSTANT_TEXT.format(t));
      case OffsetDateTime t -> ps.setString(i, t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      case LocalDate t -> ps.setString(i, t.toString());
      case LocalDateTime t -> ps.setString(i, t.toString());
      case LocalTime t -> ps.setString(i, t.toString());
      case UUID u -> ps.setString(i, u.toString());
      default -> ps.setString(i, Values.JSON.writeValueAsString(value));
    }
  }

  @Override
  ColumnReader reader(Class<?> raw, Type type) {
    if (raw == BigDecimal.class) {
      return (rs, c) -> {
        String s = rs.getString(c);
        return s == null ? null : new BigDecimal(s);
      };
    }
    if (raw == Instant.class) {
      return (rs, c) -> {
        Object o = rs.getObject(c);
        return switch (o) {
          case null -> null;
          case Number n -> Instant.ofEpochMilli(n.longValue());
          default -> OffsetDateTime.parse(o.toString(), LENIENT_DATE_TIME).toInstant();
        };
      };
    }
    if (raw == OffsetDateTime.class) {
      return (rs, c) -> {
        String s = rs.getString(c);
        return s == null ? null : OffsetDateTime.parse(s, LENIENT_DATE_TIME);
      };
    }
    if (raw == LocalDate.class) {
      return (rs, c) -> {
        String s = rs.getString(c);
        return s == null ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
      };
    }
    if (raw == LocalDateTime.class) {
      return (rs, c) -> {
        String s = rs.getString(c);
        return s == null ? null : LocalDateTime.parse(s.replace(' ', 'T'));
      };
    }
    if (raw == LocalTime.class) {
      return (rs, c) -> {
        String s = rs.getString(c);
        return s == null ? null : LocalTime.parse(s);
      };
    }
    return null; // lists and other values are JSON text, as on PostgreSQL without an array
  }

  // ---------------------------------------------------------------- errors

  /** SQLSTATE first (as PostgreSQL), then sqlite-jdbc's extended result code. */
  @Override
  ConstraintViolationException.Kind constraint(SQLException e) {
    ConstraintViolationException.Kind byState = super.constraint(e);
    if (byState != null || !(e instanceof org.sqlite.SQLiteException s)) return byState;
    String code = s.getResultCode().name();
    if (!code.startsWith("SQLITE_CONSTRAINT")) return null;
    return switch (code) {
      case "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY" ->
          ConstraintViolationException.Kind.UNIQUE;
      case "SQLITE_CONSTRAINT_FOREIGNKEY" -> ConstraintViolationException.Kind.FOREIGN_KEY;
      case "SQLITE_CONSTRAINT_NOTNULL" -> ConstraintViolationException.Kind.NOT_NULL;
      case "SQLITE_CONSTRAINT_CHECK" -> ConstraintViolationException.Kind.CHECK;
      default -> ConstraintViolationException.Kind.OTHER;
    };
  }
}
