package dev.keel.db.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keel.db.ConstraintViolationException;
import dev.keel.db.DatabaseException;
import dev.keel.db.DatabaseUnavailableException;
import dev.keel.db.Dialect;
import dev.keel.db.TransactionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running data layer behind {@link dev.keel.db.Database}: pool, transactions, record types. */
public final class Engine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("dev.keel.db");

  private static final String NOT_CONNECTED =
      "the database is not connected yet: an installed Database connects when the application"
          + " starts, after its configuration is validated; use it in app.onStart(...), in"
          + " handlers or after start(), or connect without an application with"
          + " Database.connect(...)";

  private final DbSettings settings;
  private final Dialect dialect;
  private final ThreadLocal<Tx> current = new ThreadLocal<>();
  private final ThreadLocal<StrictScope> strict = new ThreadLocal<>();
  private final Map<Class<?>, RecordType<?>> types = new ConcurrentHashMap<>();
  private volatile HikariDataSource pool;
  private volatile DataSource dataSource;

  /** An engine for {@code settings}, not connected: record types and statements can be made. */
  public Engine(DbSettings settings) {
    this.settings = settings;
    this.dialect = settings.url().dialect();
  }

  /**
   * Connects, or throws a {@link DatabaseUnavailableException} whose message says what is wrong
   * (database missing, server down, credentials refused) and how to fix it.
   */
  public synchronized void connect(
      UnaryOperator<DataSource> wrapper, Consumer<HikariConfig> poolSettings) {
    if (pool != null) throw new IllegalStateException("the database is already connected");
    DbSettings s = settings;
    DbUrl url = s.url();
    Properties props = new Properties();
    s.user().ifPresent(u -> props.setProperty("user", u));
    s.password().ifPresent(p -> props.setProperty("password", p));
    if (url.dialect() == Dialect.SQLITE) {
      createParentDirectory(url);
      props.setProperty("foreign_keys", "true");
      props.setProperty("journal_mode", "WAL");
      props.setProperty("busy_timeout", "5000");
      props.setProperty("synchronous", "NORMAL");
    } else {
      long seconds = Math.max(1, s.connectTimeout().toSeconds());
      props.putIfAbsent("connectTimeout", Long.toString(seconds));
      props.putIfAbsent("loginTimeout", Long.toString(seconds));
      props.putIfAbsent("ApplicationName", "keel");
    }
    preflight(s, props);
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("keel-db");
    hc.setJdbcUrl(url.jdbcUrl());
    hc.setDataSourceProperties(props);
    hc.setMaximumPoolSize(s.poolSize());
    hc.setMinimumIdle(Math.min(s.poolSize(), url.dialect() == Dialect.SQLITE ? 1 : s.poolSize()));
    hc.setConnectionTimeout(Math.max(250, s.connectTimeout().toMillis()));
    hc.setValidationTimeout(Math.max(250, Math.min(5000, s.connectTimeout().toMillis())));
    hc.setInitializationFailTimeout(-1); // preflight already proved the database answers
    poolSettings.accept(hc);
    HikariDataSource created = new HikariDataSource(hc);
    try {
      this.dataSource = wrapper.apply(created);
    } catch (RuntimeException e) {
      created.close();
      throw e;
    }
    this.pool = created;
    log.info(
        "Database {} ({} connections{})",
        url.display(),
        s.poolSize(),
        url.dialect() == Dialect.SQLITE ? ", WAL, foreign keys on" : "");
  }

  /** Whether {@link #connect} succeeded. */
  public boolean connected() {
    return pool != null;
  }

  private static void createParentDirectory(DbUrl url) {
    String path = url.jdbcUrl().substring("jdbc:sqlite:".length());
    int q = path.indexOf('?');
    if (q >= 0) path = path.substring(0, q);
    if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) return;
    Path parent = Path.of(path).toAbsolutePath().getParent();
    try {
      if (parent != null) Files.createDirectories(parent);
    } catch (java.io.IOException e) {
      throw new DatabaseException(
          "cannot create the folder "
              + parent
              + " for the SQLite database "
              + url.display()
              + " ("
              + e
              + "); create it or set keel.db.url (KEEL_DB_URL)");
    }
  }

  private static void preflight(DbSettings s, Properties props) {
    DbUrl url = s.url();
    try {
      Driver driver =
          url.dialect() == Dialect.SQLITE ? new org.sqlite.JDBC() : new org.postgresql.Driver();
      try (Connection c = driver.connect(url.jdbcUrl(), props)) {
        if (c == null) throw new SQLException("the driver did not accept the URL");
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          ConnectFailure.explain(url, props.getProperty("user"), e), e.getSQLState(), null);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String m = e.getMessage();
    if (t != e && t.getMessage() != null && (m == null || !m.contains(t.getMessage()))) {
      m = (m == null ? "" : m + " — ") + t.getClass().getSimpleName() + ": " + t.getMessage();
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }

  public DbSettings settings() {
    return settings;
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * @throws IllegalStateException when not connected
   */
  public HikariDataSource pool() {
    HikariDataSource p = pool;
    if (p == null) throw new IllegalStateException(NOT_CONNECTED);
    return p;
  }

  /**
   * @throws IllegalStateException when not connected
   */
  public DataSource dataSource() {
    DataSource d = dataSource;
    if (d == null) throw new IllegalStateException(NOT_CONNECTED);
    return d;
  }

  @SuppressWarnings("unchecked")
  public <T> RecordType<T> type(Class<T> type) {
    return (RecordType<T>) types.computeIfAbsent(type, t -> RecordType.of(t, dialect));
  }

  // ---------------------------------------------------------------- connections

  /** The current transaction's connection, or a fresh one from the pool (auto-commit). */
  public Connection acquire() {
    Tx tx = current.get();
    if (tx != null) return tx.connection;
    try {
      return dataSource().getConnection();
    } catch (SQLException e) {
      throw translate(e, "(getting a connection)");
    }
  }

  /** Gives back a connection from {@link #acquire()}; a transaction's connection stays. */
  public void release(Connection c) {
    Tx tx = current.get();
    if (tx != null && tx.connection == c) return;
    try {
      c.close();
    } catch (SQLException e) {
      log.debug("closing a connection failed", e);
    }
  }

  public boolean inTransaction() {
    return current.get() != null;
  }

  /** Counts {@code sql} toward strict loading when a strict scope is open. */
  public void track(String sql) {
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

  // ---------------------------------------------------------------- transactions

  public <T> T transaction(TransactionOptions options, Supplier<T> body) {
    Tx outer = current.get();
    if (outer != null) return nested(outer, options, body);
    Connection c;
    try {
      c = dataSource().getConnection();
    } catch (SQLException e) {
      throw translate(e, "(beginning a transaction)");
    }
    Tx tx = new Tx(c, options.readOnly());
    boolean queryOnly = false;
    try {
      begin(c, options);
      queryOnly = options.readOnly() && dialect == Dialect.SQLITE;
      current.set(tx);
      T result;
      try {
        result = settings.strictLoading() ? strict(settings.strictThreshold(), body) : body.get();
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
        throw translate(e, "COMMIT");
      }
      return result;
    } catch (SQLException e) {
      rollback(c, e);
      throw translate(e, "BEGIN");
    } finally {
      current.remove();
      if (queryOnly) {
        try (Statement st = c.createStatement()) {
          st.execute("PRAGMA query_only = 0");
        } catch (SQLException e) {
          log.debug("resetting query_only failed", e);
        }
      }
      try {
        c.close(); // the pool resets auto-commit, read-only and isolation
      } catch (SQLException e) {
        log.debug("closing a connection failed", e);
      }
    }
  }

  private void begin(Connection c, TransactionOptions o) throws SQLException {
    c.setAutoCommit(false);
    if (dialect == Dialect.POSTGRESQL) {
      if (o.readOnly()) c.setReadOnly(true);
      switch (o.isolation()) {
        case DEFAULT -> {}
        case READ_COMMITTED -> c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        case REPEATABLE_READ -> c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        case SERIALIZABLE -> c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      }
    } else if (o.readOnly()) {
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA query_only = 1");
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
    java.sql.Savepoint sp;
    try {
      sp = c.setSavepoint();
    } catch (SQLException e) {
      throw translate(e, "SAVEPOINT");
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
      throw translate(e, "RELEASE SAVEPOINT");
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

  // ---------------------------------------------------------------- errors

  /** A {@link DatabaseException} naming the statement and the database's error. */
  public DatabaseException translate(SQLException e, String sql) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (isConnectionFailure(e)) {
      return new DatabaseUnavailableException(
          "the database at "
              + settings.url().display()
              + " is unavailable ("
              + rootMessage(e)
              + "); the request failed and the pool reconnects when the database returns",
          state,
          e);
    }
    String message =
        rootMessage(e) + (state.isEmpty() ? "" : " [SQLSTATE " + state + "]") + " in: " + sql;
    ConstraintViolationException.Kind kind = constraint(e, state);
    if (kind != null) return new ConstraintViolationException(kind, message, state, e);
    return new DatabaseException(message, state, e);
  }

  /** The kind of constraint broken, from PostgreSQL's SQLSTATE or SQLite's extended code. */
  private static ConstraintViolationException.Kind constraint(SQLException e, String state) {
    if (state.startsWith("23")) {
      return switch (state) {
        case "23505" -> ConstraintViolationException.Kind.UNIQUE;
        case "23503" -> ConstraintViolationException.Kind.FOREIGN_KEY;
        case "23502" -> ConstraintViolationException.Kind.NOT_NULL;
        case "23514" -> ConstraintViolationException.Kind.CHECK;
        default -> ConstraintViolationException.Kind.OTHER;
      };
    }
    if (e instanceof org.sqlite.SQLiteException s) {
      String code = s.getResultCode().name();
      if (!code.startsWith("SQLITE_CONSTRAINT")) return null;
      return switch (code) {
        case "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY" ->
            ConstraintViolationException.Kind.UNIQUE;
        case "SQLITE_CONSTRAINT_FOREIGNKEY" -> ConstraintViolationException.Kind.FOREIGN_KEY;
        case "SQLITE_CONSTRAINT_NOTNULL" -> ConstraintViolationException.Kind.NOT_NULL;
        case "SQLITE_CONSTRAINT_CHECK" -> ConstraintViolationException.Kind.CHECK;
        default -> ConstraintViolationException.Kind.OTHER;
      };
    }
    return null;
  }

  static boolean isConnectionFailure(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) return true;
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String st = s.getSQLState();
        if (st.startsWith("08") || st.equals("57P01") || st.equals("57P02") || st.equals("57P03")) {
          return true;
        }
      }
      if (t instanceof java.io.IOException) return true;
      if (t.getCause() == t) break;
    }
    return false;
  }

  /**
   * True when a connection is borrowed and answers a validity check within {@code timeout} in all;
   * never waits longer, whatever the pool's connection timeout.
   */
  public boolean ping(Duration timeout) {
    DataSource dataSource = this.dataSource;
    if (dataSource == null) return false;
    int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
    var check =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try (Connection c = dataSource.getConnection()) {
                return c.isValid(seconds);
              } catch (SQLException e) {
                return false;
              }
            },
            Thread::startVirtualThread);
    try {
      return check.get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public synchronized void close() {
    HikariDataSource p = pool;
    if (p != null) p.close();
  }
}
