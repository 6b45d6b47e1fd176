package dev.keel.db;

import java.io.Serial;

/**
 * A database operation failed. The message names the statement (never the bound values) and the
 * database's error; {@link #sqlState()} carries the SQLSTATE code when the database gave one.
 */
public class DatabaseException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  private final String sqlState;

  public DatabaseException(String message) {
    this(message, "", null);
  }

  public DatabaseException(String message, String sqlState, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState == null ? "" : sqlState;
  }

  /** The SQLSTATE code reported by the database, or an empty string. */
  public String sqlState() {
    return sqlState;
  }
}
