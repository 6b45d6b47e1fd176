package dev.keel.db;

/** The database engines Keel supports, both first-class. */
public enum Dialect {
  /** Embedded SQLite (the default: a file under {@code ./data}, WAL mode, foreign keys on). */
  SQLITE,
  /** PostgreSQL (production). */
  POSTGRESQL
}
