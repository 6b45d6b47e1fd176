package dev.keel.db.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keel.db.DatabaseUnavailableException;
import dev.keel.db.Dialect;
import dev.keel.db.TransactionOptions;
import dev.keel.db.internal.reactive.ReactivePg;
import java.sql.Connection;
import java.sql.SQLException;
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

/**
 * The running data layer behind {@link dev.keel.db.Database}: the pool, the {@link SqlDialect}
 * chosen from the URL, the statement path ({@link Statements}), transactions and record types.
 */
public final class Engine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("dev.keel.db");

  private static final String NOT_CONNECTED =
      "the database is not connected yet: an installed Database connects when the application"
          + " starts, after its configuration is validated; use it in app.onStart(...), in"
          + " handlers or after start(), or connect without an application with"
          + " Database.connect(...)";

  private final DbSettings settings;
  private final DriverSettings driver;
  private final SqlDialect dialect;
  private final Statements statements;
  private final Transactions transactions;
  private final Map<Class<?>, RecordType<?>> types = new ConcurrentHashMap<>();
  private volatile HikariDataSource pool;
  private volatile DataSource dataSource;
  private volatile ReactivePg reactive; // with keel.db.driver=reactive: where statements run

  /** An engine for {@code settings}, not connected: record types and statements can be made. */
  public Engine(DbSettings settings) {
    this(settings, DriverSettings.JDBC);
  }

  /** An engine running statements on {@code driver}; see {@link DriverSettings}. */
  public Engine(DbSettings settings, DriverSettings driver) {
    if (driver.reactive() && settings.url().dialect() != Dialect.POSTGRESQL) {
      throw new IllegalArgumentException(
          "keel.db.driver=reactive needs PostgreSQL, but keel.db.url is "
              + settings.url().display()
              + "; set keel.db.driver=jdbc or a postgres:// URL");
    }
    this.settings = settings;
    this.driver = driver;
    this.dialect = SqlDialect.of(settings.url().dialect());
    this.statements = new Statements(this::statementSource, new SqlErrors(settings.url(), dialect));
    this.transactions = new Transactions(statements, dialect, settings);
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
    dialect.prepareConnect(s, props);
    preflight(s, dialect, props);
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("keel-db");
    hc.setJdbcUrl(url.jdbcUrl());
    hc.setDataSourceProperties(props);
    // with the reactive driver the JDBC pool only serves migrations and health checks
    int jdbcSize = driver.reactive() ? Math.min(2, s.poolSize()) : s.poolSize();
    hc.setMaximumPoolSize(jdbcSize);
    hc.setMinimumIdle(driver.reactive() ? 0 : dialect.minimumIdle(jdbcSize));
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
    if (driver.reactive()) {
      reactive =
          ReactivePg.create(
              url.jdbcUrl(),
              s.user(),
              s.password(),
              s.poolSize(),
              s.connectTimeout(),
              s.socketTimeout(),
              driver.eventLoops(),
              driver.pipeliningLimit(),
              driver.serverLoops());
    }
    this.pool = created;
    log.info(
        "Database {} ({} connections{})",
        url.display(),
        s.poolSize(),
        driver.reactive()
            ? ", reactive driver: "
                + (driver.serverLoops() != null
                    ? "the server's " + driver.serverLoops().size()
                    : String.valueOf(driver.eventLoops()))
                + " event loop(s), pipelining "
                + driver.pipeliningLimit()
            : dialect.poolNote());
  }

  /** Whether {@link #connect} succeeded. */
  public boolean connected() {
    return pool != null;
  }

  private static void preflight(DbSettings s, SqlDialect dialect, Properties props) {
    DbUrl url = s.url();
    try {
      try (Connection c = dialect.driver().connect(url.jdbcUrl(), props)) {
        if (c == null) throw new SQLException("the driver did not accept the URL");
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          ConnectFailure.explain(url, props.getProperty("user"), e), e.getSQLState(), null);
    }
  }

  public DbSettings settings() {
    return settings;
  }

  /** The engine, as the public API names it. */
  public Dialect dialect() {
    return dialect.engine();
  }

  /** What keel-db does differently on this engine. */
  public SqlDialect sqlDialect() {
    return dialect;
  }

  /** The path every statement takes. */
  public Statements statements() {
    return statements;
  }

  /**
   * @throws IllegalStateException when not connected
   */
  public HikariDataSource pool() {
    HikariDataSource p = pool;
    if (p == null) throw new IllegalStateException(NOT_CONNECTED);
    return p;
  }

  /** Where statements run: the reactive driver's facade, or the (wrapped) pool. */
  private DataSource statementSource() {
    ReactivePg r = reactive;
    return r != null ? r : dataSource();
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

  public boolean inTransaction() {
    return statements.inTransaction();
  }

  /** Runs {@code body} in a strict-loading scope (nested scopes share the outer one). */
  public <T> T strict(int threshold, Supplier<T> body) {
    return statements.strict(threshold, body);
  }

  /** Runs {@code body} in a transaction bound to this thread; see {@link Transactions}. */
  public <T> T transaction(TransactionOptions options, Supplier<T> body) {
    return transactions.run(options, body);
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
    ReactivePg r = reactive;
    if (r != null) r.close();
    HikariDataSource p = pool;
    if (p != null) p.close();
  }
}
