package dev.keel.db.internal;

import dev.keel.db.DatabaseException;
import dev.keel.db.TransactionOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-bound transactions: one connection for the body, bound to the thread so that {@link
 * Statements} runs every statement on it; nested calls join it or run in a savepoint.
 */
final class Transactions {
  private static final Logger log = LoggerFactory.getLogger("dev.keel.db");

  private final Statements statements;
  private final SqlDialect dialect;
  private final DbSettings settings;

  Transactions(Statements statements, SqlDialect dialect, DbSettings settings) {
    this.statements = statements;
    this.dialect = dialect;
    this.settings = settings;
  }

  <T> T run(TransactionOptions options, Supplier<T> body) {
    Tx outer = statements.transaction();
    if (outer != null) return nested(outer, options, body);
    Connection c = statements.borrow("(beginning a transaction)");
    Tx tx = new Tx(c, options.readOnly());
    boolean begun = false;
    try {
      c.setAutoCommit(false);
      dialect.begin(c, options);
      begun = true;
      statements.join(tx);
      T result;
      try {
        result =
            settings.strictLoading()
                ? statements.strict(settings.strictThreshold(), body)
                : body.get();
      } catch (Throwable t) {
        rollback(c, t);
        throw t;
      }
      if (tx.rollbackOnly != null) {
        rollback(c, tx.rollbackOnly);
        throw new DatabaseException(
            "the transaction was rolled back because a nested call failed ("
                + tx.rollbackOnly
                + ") and the exception was caught; rethrow it, or run the nested call with"
                + " TransactionOptions.defaults().withSavepoint() to roll back only its part",
            "",
            tx.rollbackOnly);
      }
      try {
        c.commit();
      } catch (SQLException e) {
        rollback(c, e);
        throw statements.translate(e, "COMMIT");
      }
      return result;
    } catch (SQLException e) {
      rollback(c, e);
      throw statements.translate(e, "BEGIN");
    } finally {
      statements.leave();
      if (begun) {
        try {
          dialect.end(c, options);
        } catch (SQLException e) {
          log.debug("resetting the connection after a transaction failed", e);
        }
      }
      try {
        c.close(); // the pool resets auto-commit, read-only and isolation
      } catch (SQLException e) {
        log.debug("closing a connection failed", e);
      }
    }
  }

  private <T> T nested(Tx outer, TransactionOptions options, Supplier<T> body) {
    if (!options.readOnly() && outer.readOnly && options.savepoint()) {
      throw new DatabaseException(
          "a read-write savepoint cannot run inside a read-only transaction; make the outer"
              + " transaction read-write");
    }
    if (!options.savepoint()) {
      try {
        return body.get();
      } catch (Throwable t) {
        if (outer.rollbackOnly == null) outer.rollbackOnly = t;
        throw t;
      }
    }
    Connection c = outer.connection;
    Savepoint sp;
    try {
      sp = c.setSavepoint();
    } catch (SQLException e) {
      throw statements.translate(e, "SAVEPOINT");
    }
    T result;
    try {
      result = body.get();
    } catch (Throwable t) {
      try {
        c.rollback(sp);
      } catch (SQLException e) {
        t.addSuppressed(e);
      }
      throw t;
    }
    try {
      c.releaseSavepoint(sp);
    } catch (SQLException e) {
      throw statements.translate(e, "RELEASE SAVEPOINT");
    }
    return result;
  }

  private static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      if (e != cause) cause.addSuppressed(e);
    }
  }
}
