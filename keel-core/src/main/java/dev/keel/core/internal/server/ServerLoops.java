package dev.keel.core.internal.server;

import dev.keel.core.spi.ServerEventLoops;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An application's worker event loops: created on first use (by the server's start or by a plugin
 * borrowing them, whichever comes first) and shut down by the application after its resources.
 */
public final class ServerLoops implements ServerEventLoops {
  private final Supplier<ServerSettings> settings;
  private EventLoopGroup group;
  private int size;
  private boolean epoll;

  public ServerLoops(Supplier<ServerSettings> settings) {
    this.settings = settings;
  }

  @Override
  public synchronized EventLoopGroup group() {
    if (group == null) {
      ServerSettings s = settings.get();
      epoll = s.nativeTransport() && Epoll.isAvailable();
      IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
      // Netty's own default, 2 x cores: measured 15 % faster than 1 x cores on 2 cores with the
      // load generator beside it (docs/benchmarks.md).
      size = s.ioThreads() > 0 ? s.ioThreads() : 2 * Runtime.getRuntime().availableProcessors();
      group = new MultiThreadIoEventLoopGroup(size, io);
    }
    return group;
  }

  @Override
  public synchronized int size() {
    group();
    return size;
  }

  @Override
  public synchronized boolean epoll() {
    group();
    return epoll;
  }

  /** Shuts the loops down, if they were ever created; the application calls it last. */
  public void shutdown() {
    EventLoopGroup g;
    synchronized (this) {
      g = group;
      group = null;
    }
    if (g != null) g.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
