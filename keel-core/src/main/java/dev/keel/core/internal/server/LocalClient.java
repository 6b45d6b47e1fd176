package dev.keel.core.internal.server;

import dev.keel.core.spi.LocalConnection;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The client end of a {@link LocalConnection}: Netty's HTTP client codec over an in-JVM channel
 * whose other end is an ordinary server connection (see {@link NettyServer#connectLocally()}).
 */
final class LocalClient implements LocalConnection {
  private static final long TIMEOUT_SECONDS = 60;
  private static final Object CLOSED = new Object();

  private final BlockingQueue<Object> replies = new LinkedBlockingQueue<>();
  private Channel client;

  /** Called once the channel exists; before that the client is unusable. */
  void attach(Channel client) {
    this.client = client;
  }

  /** The last handler of the client's pipeline: hands each aggregated response to the sender. */
  final class Receiver extends SimpleChannelInboundHandler<FullHttpResponse> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
      var headers = new LinkedHashMap<String, List<String>>();
      for (Map.Entry<String, String> h : response.headers()) {
        headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>(1)).add(h.getValue());
      }
      replies.add(
          new Reply(response.status().code(), headers, ByteBufUtil.getBytes(response.content())));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      replies.add(CLOSED);
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      replies.add(cause);
      ctx.close();
    }
  }

  @Override
  public Reply send(Request r) {
    client.writeAndFlush(toNetty(r));
    return await(r);
  }

  @Override
  public List<Reply> sendAll(List<Request> requests) {
    for (Request r : requests) client.write(toNetty(r));
    client.flush();
    var replies = new ArrayList<Reply>(requests.size());
    for (Request r : requests) replies.add(await(r));
    return replies;
  }

  private static DefaultFullHttpRequest toNetty(Request r) {
    var request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1,
            HttpMethod.valueOf(r.method()),
            r.target(),
            Unpooled.wrappedBuffer(r.body()));
    r.headers().forEach((name, values) -> request.headers().add(name, values));
    if (!request.headers().contains(HttpHeaderNames.HOST)) {
      request.headers().set(HttpHeaderNames.HOST, "localhost");
    }
    request.headers().set(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
    return request;
  }

  private Reply await(Request r) {
    Object reply;
    try {
      reply = replies.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the response", e);
    }
    if (reply instanceof Reply answer) return answer;
    if (reply instanceof Throwable error) {
      throw new IllegalStateException("the in-memory connection failed: " + error, error);
    }
    throw new IllegalStateException(
        reply == CLOSED
            ? "the server closed the connection without answering " + r.method() + " " + r.target()
            : "no response to "
                + r.method()
                + " "
                + r.target()
                + " within "
                + TIMEOUT_SECONDS
                + " s");
  }

  @Override
  public void close() {
    client.close().awaitUninterruptibly(); // and with it the one-connection listener
  }
}
