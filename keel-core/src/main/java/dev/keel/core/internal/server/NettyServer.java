package dev.keel.core.internal.server;

import dev.keel.core.ProblemType;
import dev.keel.core.ProblemTypes;
import dev.keel.core.internal.http.Pipeline;
import dev.keel.core.internal.json.JsonCodec;
import dev.keel.core.spi.LocalConnection;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.ServerChannel;
import io.netty.channel.ServerChannelRecvByteBufAllocator;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty server: native epoll when it loads (NIO otherwise), HTTP/1.1, HTTP/2 over TLS (ALPN)
 * and cleartext (h2c by prior knowledge or upgrade), connection limits and graceful stop.
 */
public final class NettyServer {
  private static final Logger log = LoggerFactory.getLogger(NettyServer.class);
  private static final int MAX_LOCAL_RESPONSE = 256 * 1024 * 1024; // test downloads, not limits
  private static final int ACCEPTS_PER_TURN = 64;
  private static volatile boolean transportLogged;

  private final ServerSettings settings;
  private final ServerContext context;
  private final ExecutorService executor;
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final AtomicInteger connections = new AtomicInteger();
  private final SslContext ssl;
  private final byte[] refusal;
  private final ServerLoops loops;
  private final boolean ownsLoops;
  private EventLoopGroup acceptor;
  private Channel serverChannel;
  private String transport;

  public NettyServer(ServerSettings settings, Pipeline pipeline, JsonCodec json) {
    this(settings, pipeline, json, new ServerLoops(() -> settings), true);
  }

  /**
   * A server on {@code loops}; when {@code ownsLoops} is false, whoever lent them shuts them down
   * (the application, after the plugins that borrowed them are closed).
   */
  public NettyServer(
      ServerSettings settings,
      Pipeline pipeline,
      JsonCodec json,
      ServerLoops loops,
      boolean ownsLoops) {
    this.settings = settings;
    this.loops = loops;
    this.ownsLoops = ownsLoops;
    this.executor =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("keel-request-", 0).factory());
    this.context = new ServerContext(settings, pipeline, json, executor);
    this.ssl = settings.tls() ? Tls.context(settings) : null;
    this.refusal = refusal(pipeline);
  }

  /** Binds the port and returns it (the actual one when the setting was 0). */
  public int start() throws InterruptedException {
    EventLoopGroup workers = loops.group();
    boolean epoll = loops.epoll();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channelType =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    transport = epoll ? "epoll" : "nio";
    if (!epoll && !transportLogged) {
      transportLogged = true;
      log.info(
          "Native epoll transport unavailable ({}); using NIO",
          settings.nativeTransport()
              ? String.valueOf(Epoll.unavailabilityCause())
              : "disabled by keel.server.native-transport");
    }
    // A loop of its own accepts (as Vert.x's acceptor): on a serving loop, new connections waited
    // behind whole turns of request work (ADR 0033).
    acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("keel-accept"), io);
    var bootstrap =
        new ServerBootstrap()
            .group(acceptor, workers)
            .channel(channelType)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .handler(
                new ChannelInitializer<ServerChannel>() {
                  @Override
                  protected void initChannel(ServerChannel ch) {
                    ch.config().setRecvByteBufAllocator(acceptAllocator());
                  }
                })
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    configure(ch);
                  }
                });
    serverChannel = bootstrap.bind(settings.host(), settings.port()).sync().channel();
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /**
   * Netty 4.2's epoll is level-triggered, and its accept loop then stops after one connection per
   * event-loop turn (it reads the new fd as "bytes read" against 1 attempted). The accepting loop
   * also serves requests, so under pipelined load a burst of new connections waited seconds in the
   * kernel's accept queue, one per turn (ADR 0033). Accept until the queue is empty instead, at
   * most {@value #ACCEPTS_PER_TURN} per turn so the loop's own connections still get their turn.
   */
  private static RecvByteBufAllocator acceptAllocator() {
    var allocator = new ServerChannelRecvByteBufAllocator();
    allocator.respectMaybeMoreData(false);
    allocator.maxMessagesPerRead(ACCEPTS_PER_TURN);
    return allocator;
  }

  public String transport() {
    return transport;
  }

  /** Netty's in-JVM transport for local connections: one daemon loop for every application. */
  private static final class LocalLoop {
    static final EventLoopGroup GROUP =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("keel-local", true), LocalIoHandler.newFactory());
    static final AtomicLong IDS = new AtomicLong();
  }

  /**
   * An in-memory connection whose server end is configured exactly like an accepted TCP connection
   * (without TLS), so in-process requests run the same code as network ones. Works whether or not
   * {@link #start()} was called; closing it frees everything it used.
   */
  public LocalConnection connectLocally() {
    var local = new LocalClient();
    local.attach(
        connectLocally(
            p ->
                p.addLast(
                    new HttpClientCodec(),
                    new HttpObjectAggregator(MAX_LOCAL_RESPONSE),
                    local.new Receiver())));
    return local;
  }

  /**
   * Binds a one-connection in-memory listener and connects to it; {@code client} sets up the
   * client's pipeline. Returns the client channel; closing it closes the listener too.
   */
  Channel connectLocally(Consumer<ChannelPipeline> client) {
    var address = new LocalAddress("keel-" + LocalLoop.IDS.incrementAndGet());
    Channel listener =
        new ServerBootstrap()
            .group(LocalLoop.GROUP)
            .channel(LocalServerChannel.class)
            .childHandler(
                new ChannelInitializer<LocalChannel>() {
                  @Override
                  protected void initChannel(LocalChannel ch) {
                    configure(ch, false);
                  }
                })
            .bind(address)
            .syncUninterruptibly()
            .channel();
    try {
      Channel channel =
          new Bootstrap()
              .group(LocalLoop.GROUP)
              .channel(LocalChannel.class)
              .handler(
                  new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel ch) {
                      client.accept(ch.pipeline());
                    }
                  })
              .connect(address)
              .syncUninterruptibly()
              .channel();
      channel.closeFuture().addListener(f -> listener.close());
      return channel;
    } catch (RuntimeException e) {
      listener.close();
      throw e;
    }
  }

  private void configure(SocketChannel ch) {
    configure(ch, ssl != null);
  }

  private void configure(Channel ch, boolean tls) {
    ChannelPipeline p = ch.pipeline();
    if (connections.incrementAndGet() > settings.maxConnections()) {
      connections.decrementAndGet();
      p.addLast(new Refuse(refusal));
      return;
    }
    channels.add(ch);
    ch.closeFuture().addListener(f -> connections.decrementAndGet());
    if (tls) {
      p.addLast(ssl.newHandler(ch.alloc()));
      p.addLast(
          new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
            @Override
            protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
              if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                addHttp2(ctx.pipeline());
              } else {
                addHttp1(ctx.pipeline(), false);
              }
            }
          });
    } else {
      addHttp1(p, settings.h2c());
    }
  }

  private HttpDecoderConfig decoderConfig() {
    return new HttpDecoderConfig()
        .setMaxInitialLineLength(settings.maxRequestLine())
        .setMaxHeaderSize(settings.maxHeaderSize())
        .setMaxChunkSize(64 * 1024)
        // names and values: a bare CR, LF or NUL inside a value is a smuggling vector, not data
        .setHeadersFactory(
            DefaultHttpHeadersFactory.headersFactory()
                .withValidation(true)
                .withValueValidation(true))
        .setTrailersFactory(
            DefaultHttpHeadersFactory.trailersFactory()
                .withValidation(true)
                .withValueValidation(true))
        .setStrictLineParsing(true)
        .setAllowDuplicateContentLengths(false);
  }

  private void addHttp1(ChannelPipeline p, boolean h2c) {
    var connection = new HttpConnection(context, false);
    // Keel bounds the depth itself (keel.server.max-pipelined stops reading; one read adds at most
    // what fits in it), so the codec's own limit of 128 must never close a deep burst.
    var codec = new HttpServerCodec(decoderConfig(), Integer.MAX_VALUE);
    p.addLast(connection.new FirstByteWatcher());
    if (h2c) {
      var upgrade =
          new HttpServerUpgradeHandler(
              codec,
              protocol ->
                  AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)
                      ? new Http2ServerUpgradeCodec(frameCodec(), multiplex())
                      : null,
              (int) Math.min(Integer.MAX_VALUE, settings.maxBodySize()));
      p.addLast(
          new CleartextHttp2ServerUpgradeHandler(
              codec,
              upgrade,
              new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                  ch.pipeline().addLast(frameCodec(), multiplex());
                  idle(ch.pipeline());
                }
              }));
    } else {
      p.addLast(codec);
    }
    p.addLast(connection);
  }

  private void addHttp2(ChannelPipeline p) {
    p.addLast(frameCodec(), multiplex());
    idle(p);
  }

  private Http2FrameCodec frameCodec() {
    return Http2FrameCodecBuilder.forServer()
        .initialSettings(
            Http2Settings.defaultSettings()
                .maxHeaderListSize(settings.maxHeaderSize())
                .maxConcurrentStreams(256))
        .validateHeaders(true)
        .build();
  }

  private ChannelHandler multiplex() {
    ChannelInitializer<Http2StreamChannel> stream =
        new ChannelInitializer<>() {
          @Override
          protected void initChannel(Http2StreamChannel ch) {
            ch.pipeline()
                .addLast(
                    new Http2StreamFrameToHttpObjectCodec(true), new HttpConnection(context, true));
          }
        };
    return new Http2MultiplexHandler(stream, stream);
  }

  /** HTTP/2 connections close after the idle timeout with no stream activity. */
  private void idle(ChannelPipeline p) {
    long idleMillis = settings.idleTimeout().toMillis();
    p.addLast(new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS));
    p.addLast(
        new ChannelInboundHandlerAdapter() {
          @Override
          public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent) {
              ctx.close();
            } else {
              super.userEventTriggered(ctx, evt);
            }
          }
        });
  }

  /**
   * Stops accepting, lets in-flight requests finish for up to {@code grace}, then closes every
   * connection and the event loops. Responses sent while draining carry {@code Connection: close}.
   */
  public void stop(Duration grace) {
    context.startDraining();
    if (serverChannel != null) serverChannel.close().awaitUninterruptibly();
    long deadline = System.nanoTime() + grace.toNanos();
    while (context.inFlight() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (context.inFlight() > 0) {
      log.warn(
          "{} requests still running after the shutdown grace period of {}; closing their connections",
          context.inFlight(),
          grace);
    }
    channels.close().awaitUninterruptibly();
    if (acceptor != null)
      acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    if (ownsLoops) loops.shutdown();
    executor.shutdownNow();
  }

  /** Answers 503 to a connection over the limit and closes it, without reading its request. */
  private static final class Refuse extends ChannelInboundHandlerAdapter {
    private final byte[] response;

    Refuse(byte[] response) {
      this.response = response;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      ctx.writeAndFlush(Unpooled.wrappedBuffer(response)).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** The bytes of the over-the-limit answer, with the secure headers every answer carries. */
  private static byte[] refusal(Pipeline pipeline) {
    ProblemType type = ProblemTypes.TOO_MANY_CONNECTIONS;
    String body =
        "{\"type\":\""
            + type.uri()
            + "\",\"title\":\""
            + type.title()
            + "\",\"status\":"
            + type.status()
            + ",\"detail\":\"Too many connections (keel.server.max-connections); retry shortly.\"}";
    var head =
        new StringBuilder("HTTP/1.1 503 Service Unavailable\r\n")
            .append("Content-Type: application/problem+json\r\n")
            .append("Retry-After: 1\r\nConnection: close\r\nServer: Keel\r\n");
    pipeline.ownHeaders().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("Content-Length: ").append(body.length()).append("\r\n\r\n");
    return (head + body).getBytes(StandardCharsets.ISO_8859_1);
  }
}
