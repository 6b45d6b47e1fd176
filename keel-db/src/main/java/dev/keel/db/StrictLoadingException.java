package dev.keel.db;

import java.io.Serial;

/**
 * Strict loading ({@code keel.db.strict-loading=true}) saw the same statement run again and again
 * within one request, transaction or {@link Database#strict} block: the N+1 pattern of a query
 * inside a loop over rows. Load the children of all rows in one query instead (see {@link
 * Repository#findAllBy}).
 */
public final class StrictLoadingException extends DatabaseException {
  @Serial private static final long serialVersionUID = 1L;

  public StrictLoadingException(String message) {
    super(message);
  }
}
