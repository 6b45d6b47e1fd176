package dev.keel.db;

import java.io.Serial;

/**
 * A statement broke a constraint of the schema. The {@link Database} plugin answers {@link
 * Kind#UNIQUE} and {@link Kind#FOREIGN_KEY} violations with 409 Conflict (a duplicate slug, a
 * parent that is still referenced); the others are programming errors and stay 500.
 */
public final class ConstraintViolationException extends DatabaseException {
  @Serial private static final long serialVersionUID = 1L;

  /** Which kind of constraint was broken. */
  public enum Kind {
    UNIQUE,
    FOREIGN_KEY,
    NOT_NULL,
    CHECK,
    OTHER
  }

  private final Kind kind;

  public ConstraintViolationException(Kind kind, String message, String sqlState, Throwable cause) {
    super(message, sqlState, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
