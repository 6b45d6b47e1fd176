package dev.keel.db.internal;

import java.time.Duration;
import java.util.Optional;

/** The {@code keel.db.*} settings, read once at start-up. */
public record DbSettings(
    DbUrl url,
    Optional<String> user,
    Optional<String> password,
    int poolSize,
    Duration connectTimeout,
    Duration socketTimeout,
    boolean migrate,
    String migrations,
    PendingMigrations pendingMigrations,
    Duration retryAfter,
    boolean strictLoading,
    int strictThreshold) {

  /** What start-up does with pending migrations when it does not apply them. */
  public enum PendingMigrations {
    /** Stop start-up, naming them and the command that applies them. */
    FAIL,
    /** Start, log a warning and report readiness down until they are applied. */
    WARN
  }
}
