package dev.keel.db.internal;

import java.sql.Connection;

/** The transaction bound to a thread: its connection and whether a nested call failed. */
final class Tx {
  final Connection connection;
  final boolean readOnly;
  Throwable rollbackOnly;

  Tx(Connection connection, boolean readOnly) {
    this.connection = connection;
    this.readOnly = readOnly;
  }
}
