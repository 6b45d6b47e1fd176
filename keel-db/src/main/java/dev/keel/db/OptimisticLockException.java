package dev.keel.db;

import java.io.Serial;

/**
 * An update or delete of a record with a {@link Version} component found a different version in the
 * database: someone else changed the row since it was read. Answered as 409 Conflict by the {@link
 * Database} plugin; reload the record and apply the change again.
 */
public final class OptimisticLockException extends DatabaseException {
  @Serial private static final long serialVersionUID = 1L;

  public OptimisticLockException(String message) {
    super(message);
  }
}
