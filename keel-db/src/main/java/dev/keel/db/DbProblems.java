package dev.keel.db;

import dev.keel.core.ProblemType;

/**
 * The kinds of problem the {@link Database} plugin answers for its exceptions (and, with strict
 * loading on, for N+1 queries). Listed with what to do in {@code docs/errors.md}.
 */
public final class DbProblems {
  private DbProblems() {}

  /** {@link DatabaseUnavailableException}: the database cannot be reached; with Retry-After. */
  public static final ProblemType DB_UNAVAILABLE =
      new ProblemType("db-unavailable", 503, "Database unavailable");

  /** {@link OptimisticLockException}: the row changed since it was read. */
  public static final ProblemType OPTIMISTIC_LOCK =
      new ProblemType("optimistic-lock", 409, "Record changed meanwhile");

  /** {@link RecordNotFoundException}: no row has the key asked for. */
  public static final ProblemType RECORD_NOT_FOUND =
      new ProblemType("record-not-found", 404, "No such record");

  /** A {@link ConstraintViolationException.Kind#UNIQUE} violation: the value is taken. */
  public static final ProblemType UNIQUE_VIOLATION =
      new ProblemType("unique-violation", 409, "Value already taken");

  /** A {@link ConstraintViolationException.Kind#FOREIGN_KEY} violation. */
  public static final ProblemType FOREIGN_KEY_VIOLATION =
      new ProblemType("foreign-key-violation", 409, "Referenced record missing or in use");

  /** {@link StrictLoadingException}: a statement repeated within one request (N+1). */
  public static final ProblemType STRICT_LOADING =
      new ProblemType("strict-loading", 500, "Repeated query (N+1)");

  /** {@link Query#sort} named something that is not a column of the repository's table. */
  public static final ProblemType SORT_INVALID =
      new ProblemType("sort-invalid", 400, "Unknown sort column");
}
