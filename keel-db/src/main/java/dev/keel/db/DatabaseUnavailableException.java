package dev.keel.db;

import java.io.Serial;

/**
 * The database cannot be reached (connection refused or lost, pool timed out waiting for a
 * connection). The {@link Database} plugin answers it as 503 Service Unavailable; the pool
 * reconnects by itself when the database returns.
 */
public final class DatabaseUnavailableException extends DatabaseException {
  @Serial private static final long serialVersionUID = 1L;

  public DatabaseUnavailableException(String message, String sqlState, Throwable cause) {
    super(message, sqlState, cause);
  }
}
