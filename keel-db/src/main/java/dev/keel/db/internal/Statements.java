package dev.keel.db.internal;

import dev.keel.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every statement of keel-db takes ({@link dev.keel.db.Sql}, {@link
 * dev.keel.db.Repository}): count it for strict loading, take the current transaction's connection
 * or borrow one from the pool, run, translate a {@link SQLException} into Keel's exceptions naming
 * the SQL, and give a borrowed connection back — on success and on failure; a transaction's
 * connection stays open for the transaction. Also holds the thread's transaction and strict-loading
 * scope. Thread-safe; each thread sees its own transaction.
 */
public final class Statements {
  private static final Logger log = LoggerFactory.getLogger("dev.keel.db");

  /** Work with a connection; a {@link SQLException} it throws is translated. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Work with a connection and an argument. A non-capturing lambda or method reference ({@code
   * Sql::executeUpdate}) is a constant, so a hot statement allocates nothing for it: a capturing
   * {@link Work} escapes into {@link #run}, which the JIT does not inline once it is compiled on
   * its own with the statement code inlined into it (measured with {@code DbMappingBenchmark}).
   */
  @FunctionalInterface
  public interface WorkWith<A, T> {
    T run(A arg, Connection c) throws SQLException;
  }

  /** Makes the mapper for a stream's rows, once the result set is open. */
  @FunctionalInterface
  public interface Mapping<T> {
    RowMapper<T> mapper(ResultSet rs) throws SQLException;
  }

  private final Supplier<DataSource> pool;
  private final SqlErrors errors;
  private final ThreadLocal<Tx> current = new ThreadLocal<>();
  private final ThreadLocal<StrictScope> strict = new ThreadLocal<>();

  /**
   * @param pool the connected data source, or an exception saying the database is not connected
   */
  Statements(Supplier<DataSource> pool, SqlErrors errors) {
    this.pool = pool;
    this.errors = errors;
  }

  /**
   * Runs {@code work} for statement {@code sql} (the text strict loading counts and errors name) on
   * the current transaction's connection, or on one borrowed from the pool and given back after.
   *
   * @throws DatabaseException for a {@link SQLException}, naming {@code sql}
   */
  public <T> T run(String sql, Work<T> work) {
    return run(sql, work, Work::run);
  }

  /** Runs {@code work} with {@code arg}; see {@link #run(String, Work)}. */
  public <A, T> T run(String sql, A arg, WorkWith<A, T> work) {
    track(sql);
    Tx tx = current.get();
    Connection c = tx != null ? tx.connection : borrow("(getting a connection)");
    try {
      return work.run(arg, c);
    } catch (SQLException e) {
      throw errors.translate(e, sql);
    } finally {
      if (tx == null) giveBack(c);
    }
  }

  /**
   * The rows of the query {@code prepare} makes, as a lazy stream that holds the connection (a
   * borrowed one) until it is closed.
   */
  public <T> Stream<T> stream(String sql, Work<PreparedStatement> prepare, Mapping<T> mapping) {
    track(sql);
    Tx tx = current.get();
    Connection c = tx != null ? tx.connection : borrow("(getting a connection)");
    PreparedStatement ps = null;
    try {
      ps = prepare.run(c);
      ResultSet rs = ps.executeQuery();
      RowMapper<T> mapper = mapping.mapper(rs);
      var rows =
          new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE, Spliterator.ORDERED) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
              try {
                if (!rs.next()) return false;
                action.accept(mapper.map(rs));
                return true;
              } catch (SQLException e) {
                throw errors.translate(e, sql);
              }
            }
          };
      PreparedStatement open = ps;
      return StreamSupport.stream(rows, false)
          .onClose(
              () -> {
                try {
                  open.close();
                } catch (SQLException e) {
                  throw errors.translate(e, sql);
                } finally {
                  if (tx == null) giveBack(c);
                }
              });
    } catch (SQLException e) {
      abandon(ps, tx == null ? c : null, e);
      throw errors.translate(e, sql);
    } catch (RuntimeException | Error e) {
      abandon(ps, tx == null ? c : null, e);
      throw e;
    }
  }

  /** Closes what a stream had opened when it failed before it was returned. */
  private static void abandon(PreparedStatement ps, Connection borrowed, Throwable failure) {
    if (ps != null) {
      try {
        ps.close();
      } catch (SQLException e) {
        failure.addSuppressed(e);
      }
    }
    if (borrowed != null) giveBack(borrowed);
  }

  /** A connection from the pool, auto-commit; the caller closes it. */
  Connection borrow(String purpose) {
    try {
      return pool.get().getConnection();
    } catch (SQLException e) {
      throw errors.translate(e, purpose);
    }
  }

  private static void giveBack(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      log.debug("closing a connection failed", e);
    }
  }

  DatabaseException translate(SQLException e, String sql) {
    return errors.translate(e, sql);
  }

  // ---------------------------------------------------------------- the thread's transaction

  /** The current thread's transaction, or null. */
  Tx transaction() {
    return current.get();
  }

  void join(Tx tx) {
    current.set(tx);
  }

  void leave() {
    current.remove();
  }

  public boolean inTransaction() {
    return current.get() != null;
  }

  // ---------------------------------------------------------------- strict loading

  /** Counts {@code sql} toward strict loading when a strict scope is open. */
  private void track(String sql) {
    StrictScope scope = strict.get();
    if (scope != null) scope.record(sql);
  }

  /** Runs {@code body} in a strict-loading scope (nested scopes share the outer one). */
  public <T> T strict(int threshold, Supplier<T> body) {
    StrictScope scope = strict.get();
    if (scope != null) {
      scope.depth++;
      try {
        return body.get();
      } finally {
        scope.depth--;
      }
    }
    strict.set(new StrictScope(threshold));
    try {
      return body.get();
    } finally {
      strict.remove();
    }
  }
}
