package dev.keel.db.internal;

import dev.keel.db.ConstraintViolationException;
import dev.keel.db.DatabaseException;
import dev.keel.db.DatabaseUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Turns a driver's {@link SQLException} into Keel's exceptions, naming the statement. */
final class SqlErrors {
  private final DbUrl url;
  private final SqlDialect dialect;

  SqlErrors(DbUrl url, SqlDialect dialect) {
    this.url = url;
    this.dialect = dialect;
  }

  /**
   * A {@link DatabaseUnavailableException} when the connection failed, a {@link
   * ConstraintViolationException} for a broken constraint, else a {@link DatabaseException}; the
   * message names the database's error, its SQLSTATE and {@code sql}.
   */
  DatabaseException translate(SQLException e, String sql) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (isConnectionFailure(e)) {
      return new DatabaseUnavailableException(
          "the database at "
              + url.display()
              + " is unavailable ("
              + rootMessage(e)
              + "); the request failed and the pool reconnects when the database returns",
          state,
          e);
    }
    String message =
        rootMessage(e) + (state.isEmpty() ? "" : " [SQLSTATE " + state + "]") + " in: " + sql;
    ConstraintViolationException.Kind kind = dialect.constraint(e);
    if (kind != null) return new ConstraintViolationException(kind, message, state, e);
    return new DatabaseException(message, state, e);
  }

  static boolean isConnectionFailure(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) return true;
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String st = s.getSQLState();
        if (st.startsWith("08") || st.equals("57P01") || st.equals("57P02") || st.equals("57P03")) {
          return true;
        }
      }
      if (t instanceof java.io.IOException) return true;
      if (t.getCause() == t) break;
    }
    return false;
  }

  /** The message of {@code e}, with its root cause's when that says more. */
  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String m = e.getMessage();
    if (t != e && t.getMessage() != null && (m == null || !m.contains(t.getMessage()))) {
      m = (m == null ? "" : m + " — ") + t.getClass().getSimpleName() + ": " + t.getMessage();
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
