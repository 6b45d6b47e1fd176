package dev.keel.db.internal;

import dev.keel.core.spi.ServerEventLoops;

/**
 * Which driver runs statements ({@code keel.db.driver}): pgjdbc through HikariCP, or the
 * non-blocking PostgreSQL client (docs/adr/0032) with its event loops and pipelining limit, and the
 * server's event loops it runs on instead when they are lent ({@code serverLoops}, else null;
 * docs/adr/0043).
 */
public record DriverSettings(
    Driver driver, int eventLoops, int pipeliningLimit, ServerEventLoops serverLoops) {
  public static final DriverSettings JDBC = new DriverSettings(Driver.JDBC, 1, 256, null);

  /** The {@code keel.db.driver} values. */
  public enum Driver {
    /** pgjdbc or sqlite-jdbc through HikariCP; the default. */
    JDBC,
    /** vertx-pg-client, pipelined; PostgreSQL only. */
    REACTIVE
  }

  public boolean reactive() {
    return driver == Driver.REACTIVE;
  }
}
