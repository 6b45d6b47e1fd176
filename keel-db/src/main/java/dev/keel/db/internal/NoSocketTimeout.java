package dev.keel.db.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool's connections without {@code keel.db.socket-timeout}, for migrations: building an index
 * on a big table may rightly take longer than a request's statement. HikariCP restores the
 * connection's timeout when it goes back to the pool; a driver without network timeouts (SQLite) is
 * left as it is.
 */
final class NoSocketTimeout implements DataSource {
  private final DataSource pool;

  NoSocketTimeout(DataSource pool) {
    this.pool = pool;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return lift(pool.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return lift(pool.getConnection(username, password));
  }

  private static Connection lift(Connection c) throws SQLException {
    try {
      c.setNetworkTimeout(Runnable::run, 0);
    } catch (SQLFeatureNotSupportedException e) {
      // no socket timeout to lift
    }
    return c;
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return iface.isInstance(this) ? iface.cast(this) : pool.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || pool.isWrapperFor(iface);
  }
}
