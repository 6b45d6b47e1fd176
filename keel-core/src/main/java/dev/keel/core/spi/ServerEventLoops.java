package dev.keel.core.spi;

import io.netty.channel.EventLoopGroup;

/**
 * The Netty event loops an application's server serves on, lent to plugins that run Netty clients
 * of their own (keel-db's reactive PostgreSQL driver, docs/adr/0043), so that the process has one
 * set of I/O threads instead of one per library. Found with {@code
 * app.services(ServerEventLoops.class)}.
 *
 * <p>The loops belong to the application: a borrower must not shut them down. They are created on
 * the first {@link #group()} call (or when the server starts) and shut down when the application
 * stops, after the resources registered with {@code onStop} (a borrower's connections) are closed.
 * Work run on them must never block: it would stall every connection of the loop.
 */
public interface ServerEventLoops {
  /** The loops, created on the first call with the server's settings. */
  EventLoopGroup group();

  /** How many loops {@link #group()} has ({@code keel.server.io-threads}). */
  int size();

  /**
   * Whether the loops use the native epoll transport; if not, NIO. A client's channels must match.
   */
  boolean epoll();
}
