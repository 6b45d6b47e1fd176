package dev.keel.db;

import java.io.Serial;

/**
 * A query that must return a row returned none ({@link Sql#one}, {@link Repository#update} of a
 * deleted row). Answered as 404 Not Found by the {@link Database} plugin.
 */
public final class RecordNotFoundException extends DatabaseException {
  @Serial private static final long serialVersionUID = 1L;

  public RecordNotFoundException(String message) {
    super(message);
  }
}
