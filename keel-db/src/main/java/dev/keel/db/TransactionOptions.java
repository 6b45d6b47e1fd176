package dev.keel.db;

import java.util.Objects;

/**
 * How {@link Database#transaction(TransactionOptions, java.util.function.Supplier)} runs its body.
 *
 * <pre>{@code
 * db.transaction(TransactionOptions.defaults().withReadOnly(), () -> report());
 * db.transaction(TransactionOptions.defaults().withSavepoint(), () -> tryImport(row));
 * }</pre>
 *
 * @param readOnly the database rejects writes (PostgreSQL {@code BEGIN READ ONLY}; SQLite {@code
 *     PRAGMA query_only})
 * @param isolation the isolation level; SQLite is always serializable and ignores it
 * @param savepoint when called inside another transaction, run in a savepoint that is rolled back
 *     alone if the body fails; without it a nested call joins the outer transaction
 */
public record TransactionOptions(boolean readOnly, Isolation isolation, boolean savepoint) {

  /** Isolation levels, as the SQL standard names them. */
  public enum Isolation {
    /** The database's default (PostgreSQL: read committed). */
    DEFAULT,
    READ_COMMITTED,
    REPEATABLE_READ,
    SERIALIZABLE
  }

  public TransactionOptions {
    Objects.requireNonNull(isolation, "isolation");
  }

  /** Read-write, the database's default isolation, joining an outer transaction. */
  public static TransactionOptions defaults() {
    return new TransactionOptions(false, Isolation.DEFAULT, false);
  }

  public TransactionOptions withReadOnly() {
    return new TransactionOptions(true, isolation, savepoint);
  }

  public TransactionOptions withIsolation(Isolation level) {
    return new TransactionOptions(readOnly, level, savepoint);
  }

  public TransactionOptions withSavepoint() {
    return new TransactionOptions(readOnly, isolation, true);
  }
}
