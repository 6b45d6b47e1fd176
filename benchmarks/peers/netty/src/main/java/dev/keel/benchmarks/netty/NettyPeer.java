package dev.keel.benchmarks.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.CharsetUtil;
import io.netty.util.ReferenceCountUtil;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw Netty 4.2 peer: the practical ceiling. Hand-tuned like TechEmpower's netty entry: native
 * epoll when available, one event loop group, cached Date header, pre-encoded plaintext body,
 * unvalidated pre-built header names/values, flush once per read batch (pipelining friendly).
 */
public final class NettyPeer {
  private static final AsciiString SERVER = AsciiString.cached("Netty");
  private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain");
  private static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json");
  private static final AsciiString PLAINTEXT_LENGTH = AsciiString.cached("13");
  private static final ByteBuf PLAINTEXT =
      Unpooled.unreleasableBuffer(
          Unpooled.directBuffer().writeBytes("Hello, World!".getBytes(CharsetUtil.US_ASCII)))
          .asReadOnly();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpHeadersFactory HEADERS =
      DefaultHttpHeadersFactory.headersFactory().withValidation(false);
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

  private static volatile AsciiString date = now();

  record Message(String message) {}

  private static AsciiString now() {
    return new AsciiString(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channel =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(io); // 2 x cores threads
    group.scheduleAtFixedRate(() -> date = now(), 1, 1, TimeUnit.SECONDS);
    try {
      new ServerBootstrap()
          .group(group)
          .channel(channel)
          .option(ChannelOption.SO_BACKLOG, 8192)
          .option(ChannelOption.SO_REUSEADDR, true)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(
              new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                  ch.pipeline().addLast(new HttpServerCodec(), new Handler());
                }
              })
          .bind(port)
          .sync();
      System.out.println(
          "netty peer listening on :" + port + " (" + (epoll ? "epoll" : "nio") + ")");
      group.terminationFuture().sync();
    } finally {
      group.shutdownGracefully();
    }
  }

  private static final class Handler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (msg instanceof HttpRequest req) {
          FullHttpResponse res =
              switch (req.uri()) {
                case "/plaintext" -> respond(PLAINTEXT.duplicate(), TEXT_PLAIN, PLAINTEXT_LENGTH);
                case "/json" -> {
                  byte[] body = JSON.writeValueAsBytes(new Message("Hello, World!"));
                  yield respond(
                      Unpooled.wrappedBuffer(body),
                      APPLICATION_JSON,
                      AsciiString.of(Integer.toString(body.length)));
                }
                default ->
                    new DefaultFullHttpResponse(
                        HttpVersion.HTTP_1_1,
                        HttpResponseStatus.NOT_FOUND,
                        Unpooled.EMPTY_BUFFER,
                        HEADERS,
                        HEADERS);
              };
          if (res.status() == HttpResponseStatus.NOT_FOUND) {
            res.headers().set(HttpHeaderNames.CONTENT_LENGTH, AsciiString.of("0"));
          }
          if (HttpUtil.isKeepAlive(req)) {
            ctx.write(res, ctx.voidPromise());
          } else {
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
          }
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    private static FullHttpResponse respond(
        ByteBuf body, AsciiString contentType, AsciiString length) {
      FullHttpResponse res =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body, HEADERS, HEADERS);
      HttpHeaders h = res.headers();
      h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
      h.set(HttpHeaderNames.SERVER, SERVER);
      h.set(HttpHeaderNames.DATE, date);
      h.set(HttpHeaderNames.CONTENT_LENGTH, length);
      return res;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
