package dev.keel.db.internal.reactive;

import dev.keel.core.spi.ServerEventLoops;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.util.concurrent.AbstractEventExecutorGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.vertx.core.net.ClientOptionsBase;
import io.vertx.core.transport.Transport;
import java.util.Iterator;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A Vert.x transport whose I/O event loops are the Keel server's own ({@code
 * keel.db.server-event-loops}, docs/adr/0043): the PostgreSQL connections live on the loops that
 * serve HTTP, so the process has one set of I/O threads. Everything else (channel types, options)
 * is Vert.x's epoll or NIO transport, whichever matches the server's loops. Vert.x's close leaves
 * the loops running: the application shuts them down after closing the database.
 */
final class LentTransport implements Transport {
  private final Transport base;
  private final EventLoopGroup loops;

  LentTransport(ServerEventLoops server) {
    this.base = server.epoll() ? Transport.EPOLL : Transport.NIO;
    this.loops = new Unclosable(server.group());
  }

  @Override
  public String name() {
    return base.name() + "-lent";
  }

  @Override
  public boolean available() {
    return base.available();
  }

  @Override
  public Throwable unavailabilityCause() {
    return base.unavailabilityCause();
  }

  @Override
  @SuppressWarnings("deprecation") // the SPI still names Netty's InternetProtocolFamily
  public io.vertx.core.spi.transport.Transport implementation() {
    io.vertx.core.spi.transport.Transport impl = base.implementation();
    return new io.vertx.core.spi.transport.Transport() {
      @Override
      public EventLoopGroup eventLoopGroup(
          int type, int threads, ThreadFactory factory, int ioRatio) {
        // The acceptor group serves Vert.x servers, of which keel-db has none: keep it Vert.x's.
        return type == IO_EVENT_LOOP_GROUP
            ? loops
            : impl.eventLoopGroup(type, threads, factory, ioRatio);
      }

      @Override
      public IoHandlerFactory ioHandlerFactory() {
        return impl.ioHandlerFactory();
      }

      @Override
      public DatagramChannel datagramChannel() {
        return impl.datagramChannel();
      }

      @Override
      public DatagramChannel datagramChannel(
          io.netty.channel.socket.InternetProtocolFamily family) {
        return impl.datagramChannel(family);
      }

      @Override
      public ChannelFactory<? extends Channel> channelFactory(boolean domainSocket) {
        return impl.channelFactory(domainSocket);
      }

      @Override
      public ChannelFactory<? extends ServerChannel> serverChannelFactory(boolean domainSocket) {
        return impl.serverChannelFactory(domainSocket);
      }

      @Override
      public void configure(
          ClientOptionsBase options,
          int connectTimeout,
          boolean domainSocket,
          io.netty.bootstrap.Bootstrap bootstrap) {
        impl.configure(options, connectTimeout, domainSocket, bootstrap);
      }
    };
  }

  /** The server's loops, with shutdown turned into a no-op for Vert.x's close. */
  private static final class Unclosable extends AbstractEventExecutorGroup
      implements EventLoopGroup {
    private final EventLoopGroup loops;

    Unclosable(EventLoopGroup loops) {
      this.loops = loops;
    }

    @Override
    public EventLoop next() {
      return loops.next();
    }

    @Override
    public Iterator<EventExecutor> iterator() {
      return loops.iterator();
    }

    @Override
    public ChannelFuture register(Channel channel) {
      return loops.register(channel);
    }

    @Override
    public ChannelFuture register(ChannelPromise promise) {
      return loops.register(promise);
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public ChannelFuture register(Channel channel, ChannelPromise promise) {
      return loops.register(channel, promise);
    }

    @Override
    public boolean isShuttingDown() {
      return loops.isShuttingDown();
    }

    @Override
    public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
      return terminationFuture();
    }

    @Override
    public Future<?> terminationFuture() {
      return ImmediateEventExecutor.INSTANCE.newSucceededFuture(null);
    }

    @Override
    @Deprecated
    public void shutdown() {}

    @Override
    public boolean isShutdown() {
      return loops.isShutdown();
    }

    @Override
    public boolean isTerminated() {
      return loops.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
      return loops.awaitTermination(timeout, unit);
    }
  }
}
