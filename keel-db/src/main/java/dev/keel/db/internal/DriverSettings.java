package dev.keel.db.internal;

/**
 * Which driver runs statements ({@code keel.db.driver}): pgjdbc through HikariCP, or the
 * non-blocking PostgreSQL client (docs/adr/0032) with its event loops and pipelining limit.
 */
public record DriverSettings(Driver driver, int eventLoops, int pipeliningLimit) {
  public static final DriverSettings JDBC = new DriverSettings(Driver.JDBC, 1, 256);

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
