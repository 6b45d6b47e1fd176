package dev.keel.db.internal.reactive;

import dev.keel.core.spi.ServerEventLoops;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.transport.Transport;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * keel-db's non-blocking PostgreSQL driver ({@code keel.db.driver=reactive}, docs/adr/0032):
 * vertx-pg-client on its own event loops behind a JDBC-shaped facade, so that {@code Sql}, {@code
 * Repository} and transactions run unchanged. Statements outside a transaction share {@code
 * pool-size} connections and are pipelined on them (many requests' queries in flight at once); a
 * transaction takes a connection of its own from a second pool for its whole body. The calling
 * (virtual) thread waits for each answer; a Vert.x event loop never does.
 */
public final class ReactivePg implements DataSource, AutoCloseable {
  private static final int TEXT_CACHE_LIMIT = 4096;

  /** What a connection of this driver unwraps to: its statements can be sent without waiting. */
  public interface Pipelined {}

  private final Vertx vertx;
  final SqlClient pipelined;
  final Pool transactions;
  private final Duration timeout;
  private final EventExecutorGroup serverLoops; // lent by the server, or null
  private final Map<String, String> texts = new ConcurrentHashMap<>();
  private final DriverLoop[] loops; // what statements are sent through
  private final AtomicInteger nextLoop = new AtomicInteger();

  private ReactivePg(
      Vertx vertx,
      SqlClient pipelined,
      Pool transactions,
      Duration timeout,
      Duration socketTimeout,
      int eventLoops,
      EventExecutorGroup serverLoops) {
    this.vertx = vertx;
    this.serverLoops = serverLoops;
    this.pipelined = pipelined;
    this.transactions = transactions;
    this.timeout = timeout;
    this.loops = new DriverLoop[eventLoops];
    for (int i = 0; i < eventLoops; i++) {
      ContextInternal context = ((VertxInternal) vertx).createEventLoopContext(); // loops in turn
      loops[i] = DriverLoop.start(context, socketTimeout);
    }
  }

  /**
   * A driver for {@code jdbcUrl} ({@code jdbc:postgresql://host:port/db}); connects lazily, on the
   * first statement.
   *
   * @param socketTimeout the longest wait for a statement's answer (zero: no limit); the guard
   *     against an answer that never comes
   * @param eventLoops the Vert.x event loops the connections are spread over
   * @param pipeliningLimit how many statements may be in flight on one connection
   * @param serverLoops the Keel server's event loops to run the connections on instead of loops of
   *     the driver's own (then {@code eventLoops} is ignored), or null
   */
  public static ReactivePg create(
      String jdbcUrl,
      Optional<String> user,
      Optional<String> password,
      int poolSize,
      Duration connectTimeout,
      Duration socketTimeout,
      int eventLoops,
      int pipeliningLimit,
      ServerEventLoops serverLoops) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    PgConnectOptions connect =
        new PgConnectOptions()
            .setHost(uri.getHost())
            .setPort(uri.getPort() > 0 ? uri.getPort() : 5432)
            .setDatabase(uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", ""))
            .setCachePreparedStatements(true)
            .setPreparedStatementCacheMaxSize(512)
            .setPipeliningLimit(pipeliningLimit);
    connect.getProperties().put("application_name", "keel");
    user.ifPresent(connect::setUser);
    password.ifPresent(connect::setPassword);
    if (serverLoops != null) eventLoops = serverLoops.size();
    var options =
        new VertxOptions()
            .setEventLoopPoolSize(eventLoops)
            .setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1)
            .setPreferNativeTransport(true);
    Transport transport =
        serverLoops != null
            ? new LentTransport(serverLoops)
            : Objects.requireNonNullElse(Transport.nativeTransport(), Transport.NIO);
    Vertx vertx =
        VertxBootstrap.create()
            .options(options)
            .transport(transport.implementation())
            .init()
            .vertx();
    NetClientOptions net =
        new NetClientOptions()
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
            .setTcpNoDelay(true);
    SqlClient pipelined =
        PgBuilder.client()
            .with(
                new PoolOptions()
                    .setMaxSize(poolSize)
                    .setEventLoopSize(eventLoops)
                    // no wait timer per statement (4-6 % of /db's CPU in a profile: a Vert.x timer
                    // set and cancelled on every execute); the loop's watch bounds the whole wait
                    .setConnectionTimeout(0))
            .with(net)
            .connectingTo(connect)
            .using(vertx)
            .build();
    Pool transactions =
        PgBuilder.pool()
            .with(
                new PoolOptions()
                    .setMaxSize(poolSize)
                    .setEventLoopSize(eventLoops)
                    .setConnectionTimeout((int) Math.max(1, connectTimeout.toMillis()))
                    .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
            .with(net)
            .connectingTo(connect)
            .using(vertx)
            .build();
    return new ReactivePg(
        vertx,
        pipelined,
        transactions,
        connectTimeout,
        socketTimeout,
        eventLoops,
        serverLoops == null ? null : serverLoops.group());
  }

  /** A connection facade: no I/O until a statement runs or a transaction begins. */
  @Override
  public Connection getConnection() {
    return new ReactiveConnection(this);
  }

  @Override
  public Connection getConnection(String username, String password) {
    return getConnection();
  }

  /** {@code sql} with JDBC's {@code ?} placeholders as PostgreSQL's {@code $1, $2, ...}. */
  String text(String sql) {
    String t = texts.get(sql);
    if (t == null) {
      t = Placeholders.numbered(sql);
      if (texts.size() < TEXT_CACHE_LIMIT) texts.put(sql, t);
    }
    return t;
  }

  /** The loop a new connection facade sends its statements through, the loops in turn. */
  DriverLoop loop() {
    if (loops.length == 1) return loops[0];
    return loops[Math.floorMod(nextLoop.getAndIncrement(), loops.length)];
  }

  /**
   * Waits for {@code answer} on the calling thread (a virtual thread parks), or throws the {@link
   * SQLException} keel-db translates. Never on a Vert.x event loop: that would wait for itself.
   */
  <T> T await(CompletableFuture<T> answer) throws SQLException {
    try {
      // refused even when the answer is there: whether it is would be a race, not a rule
      if (Context.isOnEventLoopThread() || onServerLoop()) {
        throw new IllegalStateException(
            "a keel-db statement ran on an event loop its driver uses, where it would wait for"
                + " itself; run it on a virtual thread (a handler that is not Handler.nonBlocking)");
      }
      // untimed: the loop's watch fails an answer that does not come (DriverLoop)
      return answer.get();
    } catch (ExecutionException e) {
      throw sqlError(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLTransientConnectionException("interrupted waiting for the database", e);
    }
  }

  private boolean onServerLoop() {
    if (serverLoops == null) return false;
    for (EventExecutor loop : serverLoops) {
      if (loop.inEventLoop()) return true;
    }
    return false;
  }

  /**
   * A server error keeps its SQLSTATE and message (as pgjdbc words them); a lost or refused
   * connection becomes SQLSTATE 08006, which keel-db answers with 503; anything else (a value the
   * client cannot encode) is a plain {@link SQLException}.
   */
  static SQLException sqlError(Throwable t) {
    if (t instanceof SQLException e) return e;
    if (t instanceof PgException p) {
      String message = "ERROR: " + p.getErrorMessage();
      if (p.getDetail() != null) message += "\n  Detail: " + p.getDetail();
      SQLException e = new SQLException(message, p.getSqlState());
      e.addSuppressed(p);
      return e;
    }
    if (isConnectionFailure(t)) {
      return new SQLTransientConnectionException(describe(t), "08006", t);
    }
    return new SQLException(describe(t), (String) null, t);
  }

  private static boolean isConnectionFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof IOException
          || c instanceof ClosedConnectionException
          || c instanceof TimeoutException
          || c instanceof io.netty.channel.ChannelException) {
        return true;
      }
      String m = c.getMessage();
      if (m != null && (m.contains("Connection refused") || m.contains("closed"))) return true;
      if (c.getCause() == c) break;
    }
    return false;
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  @Override
  public void close() {
    try {
      pipelined.close().await(5, TimeUnit.SECONDS);
      transactions.close().await(5, TimeUnit.SECONDS);
    } catch (TimeoutException | RuntimeException e) {
      // closing anyway: the event loops below take the sockets with them
    } finally {
      vertx.close();
    }
  }

  // ---------------------------------------------------------------- DataSource

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return (int) timeout.toSeconds();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("getParentLogger");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) return iface.cast(this);
    throw new SQLException("not a wrapper of " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
