package dev.keel.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keel.core.Config;
import dev.keel.core.HealthCheck;
import dev.keel.core.Keel;
import dev.keel.core.Plugin;
import dev.keel.core.Problem;
import dev.keel.core.StartupException;
import dev.keel.core.spi.ServerEventLoops;
import dev.keel.db.internal.DbSettings;
import dev.keel.db.internal.DbSettings.PendingMigrations;
import dev.keel.db.internal.DbUrl;
import dev.keel.db.internal.DriverSettings;
import dev.keel.db.internal.DriverSettings.Driver;
import dev.keel.db.internal.Engine;
import dev.keel.db.internal.Migrator;
import dev.keel.db.internal.PendingCheck;
import dev.keel.db.spi.DataSourceObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The data layer: a HikariCP pool on SQLite (by default) or PostgreSQL, SQL with named parameters,
 * record repositories and transactions.
 *
 * <pre>{@code
 * Database db = Database.create();
 * Keel.create(args).install(db).get("/articles/{id}", ctx ->
 *     db.sql("select * from article where id = :id")
 *         .bind("id", ctx.pathParam("id", Long.class)).one(Article.class)).start();
 * }</pre>
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code keel.db.url}</td><td>{@code ./data/<keel.app.name>.db}</td>
 *       <td>{@code postgres://user:pass@host:5432/db}, {@code jdbc:postgresql://...} or
 *       {@code jdbc:sqlite:file}; unset: an SQLite file (WAL, foreign keys on)</td></tr>
 *   <tr><td>{@code keel.db.user}, {@code keel.db.password}</td><td>from the URL</td>
 *       <td>credentials</td></tr>
 *   <tr><td>{@code keel.db.pool-size}</td><td>10 (SQLite 4)</td><td>connections in the pool</td></tr>
 *   <tr><td>{@code keel.db.connect-timeout}</td><td>5s</td>
 *       <td>longest wait for a connection; then the request answers 503</td></tr>
 *   <tr><td>{@code keel.db.socket-timeout}</td><td>2m</td>
 *       <td>longest wait for PostgreSQL's answer to a statement; then the request answers 503
 *       (a hung server or a lost network); not for migrations; {@code 0s}: no limit</td></tr>
 *   <tr><td>{@code keel.db.migrate}</td><td>true, false in profile {@code prod}</td>
 *       <td>apply Flyway migrations from {@code classpath:db/migration} at start-up</td></tr>
 *   <tr><td>{@code keel.db.migrations}</td><td>{@code classpath:db/migration}</td>
 *       <td>the Flyway location</td></tr>
 *   <tr><td>{@code keel.db.pending-migrations}</td><td>{@code fail}</td>
 *       <td>without {@code keel.db.migrate}: {@code fail} stops start-up when migrations are
 *       pending, naming them and the command that applies them; {@code warn} starts with
 *       readiness down until they are applied</td></tr>
 *   <tr><td>{@code keel.db.retry-after}</td><td>1s</td>
 *       <td>the {@code Retry-After} of a 503 for an unavailable database, in whole seconds</td></tr>
 *   <tr><td>{@code keel.db.driver}</td><td>{@code jdbc}</td>
 *       <td>{@code reactive}: run statements on the non-blocking, pipelined PostgreSQL client
 *       (same API, the calling virtual thread waits); PostgreSQL only</td></tr>
 *   <tr><td>{@code keel.db.event-loops}, {@code keel.db.pipelining-limit}</td><td>1, 256</td>
 *       <td>the reactive driver's event loops, and statements in flight per connection</td></tr>
 *   <tr><td>{@code keel.db.server-event-loops}</td><td>false</td>
 *       <td>true: the reactive driver runs its connections on the server's event loops (then
 *       {@code keel.db.event-loops} is not used); measured slower than loops of its own (ADR
 *       0043)</td></tr>
 *   <tr><td>{@code keel.db.strict-loading}</td><td>false</td>
 *       <td>fail when the same statement repeats in one request (N+1)</td></tr>
 *   <tr><td>{@code keel.db.strict-loading-threshold}</td><td>3</td>
 *       <td>how many runs of one statement strict loading allows</td></tr>
 * </table>
 *
 * <p>Installed as a plugin it reads its settings at once and connects when the application starts,
 * after every {@code keel.*} key was validated (so a mistyped key creates no database file): a
 * database that cannot be reached, a failing migration or pending ones stop start-up with one
 * message saying how to fix it. Statements and repositories can be made before, and run from {@link
 * Keel#onStart} hooks, handlers, or after {@link Keel#start()}. It closes the pool at shutdown, and
 * answers {@link DatabaseUnavailableException} with 503 and {@code Retry-After}, {@link
 * OptimisticLockException} and unique or foreign-key {@link ConstraintViolationException}s with
 * 409, and {@link RecordNotFoundException} with 404, each with its {@link DbProblems} type.
 * Thread-safe once connected.
 */
public final class Database implements Plugin, AutoCloseable {
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

  private final UnaryOperator<DataSource> wrapper;
  private final Consumer<HikariConfig> poolSettings;
  private volatile Engine engine;

  private Database(Builder builder) {
    this.wrapper = builder.wrapper;
    this.poolSettings = builder.poolSettings;
  }

  /**
   * A database configured from {@code keel.db.*} when installed into an application. With keel-ops
   * installed too, its pool metrics and statement traces are published without further wiring.
   */
  public static Database create() {
    return builder().build();
  }

  /** Settings that configuration cannot hold: a pool callback, a data-source wrapper. */
  public static Builder builder() {
    return new Builder();
  }

  /** Connects now with the {@code keel.db.*} settings of {@code config} (no application). */
  public static Database connect(Config config) {
    return builder().connect(config);
  }

  /** Connects now to {@code url} (any form {@code keel.db.url} accepts), with default settings. */
  public static Database connect(String url) {
    return connect(Config.builder().defaults(Map.of("keel.db.url", url)).build());
  }

  /** Code settings of a {@link Database}; see {@link #builder()}. */
  public static final class Builder {
    private UnaryOperator<DataSource> wrapper = UnaryOperator.identity();
    private Consumer<HikariConfig> poolSettings = pool -> {};

    private Builder() {}

    /**
     * Wraps the pool's {@link DataSource} before any statement runs, inside what the application's
     * {@link DataSourceObserver}s wrap (keel-ops' tracing).
     */
    public Builder wrapDataSource(UnaryOperator<DataSource> wrapper) {
      UnaryOperator<DataSource> before = this.wrapper;
      UnaryOperator<DataSource> next = Objects.requireNonNull(wrapper, "wrapper");
      this.wrapper = ds -> next.apply(before.apply(ds));
      return this;
    }

    /**
     * Adjusts the HikariCP settings after Keel's own ({@code keel.db.*}), before the pool starts.
     */
    public Builder configurePool(Consumer<HikariConfig> settings) {
      this.poolSettings = this.poolSettings.andThen(Objects.requireNonNull(settings, "settings"));
      return this;
    }

    /** A database to {@linkplain Keel#install install}; it connects when the application starts. */
    public Database build() {
      return new Database(this);
    }

    /**
     * Connects a database now with the {@code keel.db.*} settings of {@code config}, without an
     * application; applies migrations when {@code keel.db.migrate} says so.
     *
     * @throws DatabaseUnavailableException naming the URL and the cause when it cannot connect
     */
    public Database connect(Config config) {
      return build().open(config);
    }
  }

  /**
   * Reads the {@code keel.db.*} settings and registers the connection for {@link Keel#start()},
   * after the configuration was validated; see the class description.
   */
  @Override
  public void install(Keel app) {
    if (engine != null) throw new IllegalStateException("this Database is already connected");
    Config config = app.config();
    DbSettings settings = settings(config, true);
    var pending =
        new PendingCheck(
            settings, "./keel db migrate " + config.string("keel.app.name").orElse("NAME"));
    DriverSettings driver = driverSettings(config, settings, true);
    if (driver.reactive() && config.bool("keel.db.server-event-loops", false)) {
      var lent = app.services(ServerEventLoops.class);
      if (!lent.isEmpty()) {
        driver =
            new DriverSettings(
                driver.driver(), driver.eventLoops(), driver.pipeliningLimit(), lent.get(0));
      }
    }
    engine = new Engine(settings, driver);
    app.onStart(() -> start(pending, app.services(DataSourceObserver.class)));
    app.onStop(this);
    // Readiness fails while the database does not answer (keel-ops serves it at /health/ready).
    app.provide(
        HealthCheck.class,
        HealthCheck.of(
            "database",
            () -> {
              if (!ping(HEALTH_TIMEOUT)) {
                throw new IllegalStateException(
                    "no connection to " + url() + " within " + HEALTH_TIMEOUT.toMillis() + " ms");
              }
            }));
    if (!settings.migrate() && settings.pendingMigrations() == PendingMigrations.WARN) {
      app.provide(HealthCheck.class, HealthCheck.of("migrations", pending::check));
    }
    String retryAfter = Long.toString(Math.max(1, settings.retryAfter().toSeconds()));
    // outermost, so the header is set whichever middleware or handler met the outage
    app.useOutermost(
        next ->
            ctx -> {
              try {
                return next.handle(ctx);
              } catch (DatabaseUnavailableException e) {
                ctx.header("Retry-After", retryAfter); // kept on the 503 problem response
                throw e;
              }
            });
    app.exception(
        DatabaseUnavailableException.class,
        e ->
            Problem.of(
                DbProblems.DB_UNAVAILABLE,
                "The database is unavailable right now; the request was not completed. Try again"
                    + " shortly."));
    app.exception(
        OptimisticLockException.class,
        e ->
            Problem.of(
                DbProblems.OPTIMISTIC_LOCK,
                "This record was changed by someone else since it was read; reload it and apply"
                    + " the change again."));
    app.exception(
        RecordNotFoundException.class,
        e -> Problem.of(DbProblems.RECORD_NOT_FOUND, "The requested record does not exist."));
    app.exception(ConstraintViolationException.class, Database::constraintProblem);
    if (settings.strictLoading()) {
      int threshold = settings.strictThreshold();
      app.use(
          next ->
              ctx -> {
                try {
                  return engine.strict(threshold, () -> handle(next, ctx));
                } catch (Rethrown r) {
                  throw (Exception) r.getCause();
                }
              });
      app.exception(
          StrictLoadingException.class, e -> Problem.of(DbProblems.STRICT_LOADING, e.getMessage()));
    }
  }

  /**
   * The start hook: connects, with the application's observers (keel-ops) around the pool, then
   * migrates or checks for pending migrations.
   */
  private void start(PendingCheck pending, List<DataSourceObserver> observers) {
    Engine e = engine;
    UnaryOperator<DataSource> wrap = wrapper;
    Consumer<HikariConfig> pool = poolSettings;
    for (DataSourceObserver o : observers) {
      UnaryOperator<DataSource> inner = wrap;
      wrap = ds -> o.wrap(inner.apply(ds));
      pool = pool.andThen(o::configurePool);
    }
    try {
      e.connect(wrap, pool);
      if (e.settings().migrate()) {
        migrate();
      } else {
        pending.atStart(new Migrator(e.dataSource(), e.dialect(), e.settings().migrations()));
      }
    } catch (DatabaseException ex) {
      throw new StartupException(ex.getMessage(), ex);
    }
  }

  private static Problem constraintProblem(ConstraintViolationException e) {
    return switch (e.kind()) {
      case UNIQUE ->
          Problem.of(
              DbProblems.UNIQUE_VIOLATION,
              "A record with these values already exists; choose a different value for the"
                  + " unique field.");
      case FOREIGN_KEY ->
          Problem.of(
              DbProblems.FOREIGN_KEY_VIOLATION,
              "The change refers to a record that does not exist, or removes one that others"
                  + " still refer to.");
      // a programming error: failing the mapping makes keel-core log it and answer 500
      default -> throw new IllegalStateException("not mapped: " + e.kind());
    };
  }

  private static Object handle(dev.keel.core.Handler next, dev.keel.core.Context ctx) {
    try {
      return next.handle(ctx);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new Rethrown(e);
    }
  }

  /** Connects now, without an application; see {@link Builder#connect}. */
  private Database open(Config config) {
    if (engine != null) throw new IllegalStateException("this Database is already connected");
    DbSettings settings = settings(config, false);
    Engine e = new Engine(settings, driverSettings(config, settings, false));
    e.connect(wrapper, poolSettings);
    engine = e;
    if (e.settings().migrate()) {
      try {
        migrate();
      } catch (RuntimeException ex) {
        e.close();
        engine = null;
        throw ex;
      }
    }
    return this;
  }

  static DbSettings settings(Config config) {
    return settings(config, false);
  }

  /**
   * @param reject report a malformed URL to {@code config} (stopping start-up at validation with
   *     the other configuration problems) instead of throwing
   */
  private static DbSettings settings(Config config, boolean reject) {
    Optional<String> rawUrl = config.string("keel.db.url").filter(s -> !s.isBlank());
    String name = config.string("keel.app.name", "app");
    DbUrl url = DbUrl.sqliteFile(Path.of("data", name + ".db"));
    if (rawUrl.isPresent()) {
      try {
        url = DbUrl.parse(rawUrl.get());
      } catch (IllegalArgumentException e) {
        if (!reject) throw e;
        config.reject("keel.db.url", e.getMessage());
      }
    }
    int defaultPool = url.dialect() == Dialect.SQLITE ? 4 : 10;
    return new DbSettings(
        url,
        config.string("keel.db.user").or(url::user),
        config.string("keel.db.password").or(url::password),
        config.integer("keel.db.pool-size", defaultPool, 1, 1000),
        config.duration("keel.db.connect-timeout", Duration.ofSeconds(5)),
        config.duration("keel.db.socket-timeout", Duration.ofMinutes(2)),
        config.bool("keel.db.migrate", !config.isProd()),
        config.string("keel.db.migrations", "classpath:db/migration"),
        config.enumValue(
            "keel.db.pending-migrations", PendingMigrations.class, PendingMigrations.FAIL),
        config.duration("keel.db.retry-after", Duration.ofSeconds(1)),
        config.bool("keel.db.strict-loading", false),
        config.integer("keel.db.strict-loading-threshold", 3, 1, 1_000_000));
  }

  /** {@code keel.db.driver} and the reactive driver's settings; see docs/adr/0032. */
  private static DriverSettings driverSettings(Config config, DbSettings db, boolean reject) {
    Driver driver = config.enumValue("keel.db.driver", Driver.class, Driver.JDBC);
    int loops = config.integer("keel.db.event-loops", 1, 1, 64);
    int pipelining = config.integer("keel.db.pipelining-limit", 256, 1, 100_000);
    if (driver == Driver.REACTIVE && db.url().dialect() != Dialect.POSTGRESQL) {
      String why =
          "the reactive driver needs PostgreSQL; set a postgres:// keel.db.url or remove it";
      if (!reject) throw new IllegalArgumentException("keel.db.driver: " + why);
      config.reject("keel.db.driver", why);
      driver = Driver.JDBC;
    }
    config.bool("keel.db.server-event-loops", false); // declared here too: read by install only
    return new DriverSettings(driver, loops, pipelining, null);
  }

  private Engine engine() {
    Engine e = engine;
    if (e == null) {
      throw new IllegalStateException(
          "this Database has no settings yet: install it into the application first"
              + " (app.install(db)), or use Database.connect(...)");
    }
    return e;
  }

  // ---------------------------------------------------------------- queries

  /** A statement with {@code :name} parameters; see {@link Sql}. */
  public Sql sql(String sql) {
    return new Sql(engine(), sql);
  }

  /** The repository of record type {@code type}; cheap to call, but better kept in a field. */
  public <T extends Record> Repository<T> repository(Class<T> type) {
    return new Repository<>(engine(), engine().type(type));
  }

  // ---------------------------------------------------------------- transactions

  /**
   * Runs {@code body} in a transaction bound to the current thread and returns its result. Every
   * statement of this database on this thread joins it. Commits when {@code body} returns, rolls
   * back when it throws anything (and rethrows). A nested call joins the outer transaction.
   */
  public <T> T transaction(Supplier<T> body) {
    return transaction(TransactionOptions.defaults(), body);
  }

  /** Runs {@code body} in a transaction; see {@link #transaction(Supplier)}. */
  public void transaction(Runnable body) {
    transaction(TransactionOptions.defaults(), body);
  }

  /** Runs {@code body} in a transaction with {@code options} (read-only, isolation, savepoint). */
  public <T> T transaction(TransactionOptions options, Supplier<T> body) {
    return engine().transaction(options, body);
  }

  /** Runs {@code body} in a transaction with {@code options}. */
  public void transaction(TransactionOptions options, Runnable body) {
    engine()
        .transaction(
            options,
            () -> {
              body.run();
              return null;
            });
  }

  /** True inside {@link #transaction} on this thread. */
  public boolean inTransaction() {
    return engine().inTransaction();
  }

  /**
   * Runs {@code body} with strict loading on, whatever {@code keel.db.strict-loading} says: the
   * same statement run more than {@code keel.db.strict-loading-threshold} times inside throws
   * {@link StrictLoadingException}. For tests of code that must not do N+1 queries.
   */
  public <T> T strict(Supplier<T> body) {
    return engine().strict(engine().settings().strictThreshold(), body);
  }

  // ---------------------------------------------------------------- operations

  /**
   * Applies pending Flyway migrations from {@code keel.db.migrations} (default {@code
   * classpath:db/migration}); the plugin does this at start-up unless {@code keel.db.migrate} is
   * false (the default in profile {@code prod}, where {@code ./keel db migrate} does it).
   *
   * @return how many migrations ran
   * @throws DatabaseException naming the file, line, statement and database error of a failure
   */
  public int migrate() {
    return migrations().migrate();
  }

  /** The migrations from {@code keel.db.migrations}: pending, applied, checked, applied now. */
  public Migrations migrations() {
    Engine e = engine();
    return new Migrations(new Migrator(e.dataSource(), e.dialect(), e.settings().migrations()));
  }

  public Dialect dialect() {
    return engine().dialect();
  }

  /** The URL as configured, password masked; safe to log. */
  public String url() {
    return engine().settings().url().display();
  }

  /**
   * True when a connection is borrowed and answers a validity check within {@code timeout}; for
   * health endpoints (keel-ops). Never blocks longer than {@code timeout}. Thread-safe.
   */
  public boolean ping(Duration timeout) {
    return engine().ping(timeout);
  }

  /** The pool, for metrics (HikariCP's metrics trackers) and operations. */
  public HikariDataSource pool() {
    return engine().pool();
  }

  /** The data source statements use: the pool as wrapped (by keel-ops, by the builder). */
  public DataSource dataSource() {
    return engine().dataSource();
  }

  /** Closes the pool; the application does this at shutdown when the plugin is installed. */
  @Override
  public void close() {
    Engine e = engine;
    if (e != null) e.close();
  }

  /** Carries a checked exception of a handler through the strict-loading scope. */
  private static final class Rethrown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rethrown(Exception cause) {
      super(cause);
    }
  }
}
