package dev.keel.core.internal.server;

import dev.keel.core.Problem;
import dev.keel.core.ProblemTypes;
import dev.keel.core.internal.http.Exchange;
import dev.keel.core.internal.http.Pipeline;
import dev.keel.core.internal.http.Response;
import dev.keel.core.spi.ProtocolUpgrade;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 connection, or one HTTP/2 stream: validates each request strictly (RFC 9112),
 * enforces the size limits and the header and body deadlines, collects the body, and runs requests
 * one after another so that pipelined responses leave in request order. Handlers run on virtual
 * threads unless their route is non-blocking. Lives on the channel's event loop; not shared.
 */
final class HttpConnection extends ChannelInboundHandlerAdapter {

  private enum Phase {
    IDLE,
    HEADERS,
    BODY,
    CLOSING
  }

  private record Pending(
      Exchange exchange,
      Pipeline.Target target,
      boolean keepAlive,
      boolean head,
      HttpVersion version,
      RequestBody body) {}

  private static final Duration LINGER = Duration.ofSeconds(2);
  private static final InetSocketAddress LOOPBACK =
      new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0);

  private final ServerContext server;
  private final boolean stream;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();

  private ChannelHandlerContext ctx;
  private Phase phase = Phase.IDLE;
  private ScheduledFuture<?> timer; // at most one armed check per connection
  private long timerAt; // when it fires (System.nanoTime)
  private long deadline; // when the current phase must be over; 0 for none
  private HttpRequest reading;
  private RequestBody body;
  private boolean busy;
  private boolean needsFlush;
  private boolean inRead; // between channelRead and channelReadComplete, which flushes
  private boolean upgradeChecked;

  /**
   * @param stream true for an HTTP/2 stream channel (one request, no keep-alive or Host rules)
   */
  HttpConnection(ServerContext server, boolean stream) {
    this.server = server;
    this.stream = stream;
  }

  /** Sits before the HTTP decoder: the first byte of a request starts the header deadline. */
  final class FirstByteWatcher extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext c, Object msg) {
      if (phase == Phase.IDLE && reading == null) {
        phase = Phase.HEADERS;
        schedule(server.settings().headerTimeout());
      }
      c.fireChannelRead(msg);
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    if (!stream) {
      // A connection that sends nothing at all gets the header deadline, not the idle timeout.
      phase = Phase.HEADERS;
      schedule(server.settings().headerTimeout());
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    inRead = true;
    try {
      if (phase == Phase.CLOSING) {
        return; // after a rejection nothing more is read from this connection
      }
      if (msg instanceof HttpRequest request) {
        onRequest(request);
      }
      if (msg instanceof HttpContent content && reading != null) {
        onContent(content);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void onRequest(HttpRequest request) {
    cancelTimer();
    if (!upgradeChecked && !stream) {
      // Clients upgrade to h2c on their first request or never (RFC 9113 deprecates the upgrade
      // altogether), so the upgrade handler leaves the pipeline instead of inspecting every
      // message.
      upgradeChecked = true;
      var upgrade = ctx.pipeline().get(HttpServerUpgradeHandler.class);
      if (upgrade != null && !request.headers().contains(HttpHeaderNames.UPGRADE)) {
        ctx.pipeline().remove(upgrade);
      }
    }
    DecoderResult result = request.decoderResult();
    if (result.isFailure()) {
      reject(request, RequestChecks.decodeFailure(result.cause()).problem());
      return;
    }
    Rejection invalid = server.checks().check(request, stream);
    if (invalid != null) {
      reject(request, invalid.problem());
      return;
    }
    long max = server.settings().maxBodySize();
    long length = HttpUtil.getContentLength(request, -1L);
    if (length > max) {
      reject(request, RequestChecks.tooLarge(length, max).problem());
      return;
    }
    String expect = request.headers().get(HttpHeaderNames.EXPECT);
    if (expect != null) {
      if (!expect.equalsIgnoreCase("100-continue")) {
        reject(
            request,
            Problem.of(
                ProblemTypes.EXPECT_UNSUPPORTED,
                "Only 'Expect: 100-continue' is supported; remove the Expect header."));
        return;
      }
      if (!stream) {
        ctx.writeAndFlush(
            new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
      }
    }
    try {
      body = RequestBody.start(request, server);
    } catch (dev.keel.core.HttpException e) {
      reject(request, e.problem());
      return;
    }
    reading = request;
    phase = Phase.BODY;
    schedule(server.settings().bodyTimeout());
  }

  private void onContent(HttpContent content) {
    if (content.decoderResult().isFailure()) { // e.g. an invalid chunk size or chunk extension
      reject(reading, RequestChecks.decodeFailure(content.decoderResult().cause()).problem());
      return;
    }
    Rejection error = body.add(content, server.settings().maxBodySize());
    if (error != null) {
      reject(reading, error.problem());
      return;
    }
    if (content instanceof LastHttpContent) {
      cancelTimer();
      complete();
    }
  }

  /** The request is read: resolve its route now, queue it, and run it when its turn comes. */
  private void complete() {
    HttpRequest request = reading;
    RequestBody requestBody = body;
    reading = null;
    body = null;
    phase = Phase.IDLE;
    var exchange =
        new Exchange(
            request,
            requestBody.content(),
            remote(),
            stream ? "HTTP/2.0" : request.protocolVersion().text(),
            server.json(),
            requestBody); // it supplies the form: no lambda per request
    boolean keepAlive = !stream && HttpUtil.isKeepAlive(request);
    boolean head = request.method().equals(HttpMethod.HEAD);
    Pipeline.Target target = server.pipeline().resolve(exchange);
    server.requestStarted();
    queue.add(
        new Pending(exchange, target, keepAlive, head, request.protocolVersion(), requestBody));
    if (queue.size() >= server.settings().maxPipelined()) {
      ctx.channel().config().setAutoRead(false);
    }
    drain();
  }

  private void drain() {
    while (!busy && !queue.isEmpty()) {
      Pending p = queue.poll();
      busy = true;
      if (p.target().nonBlocking()) {
        Response response = server.pipeline().run(p.exchange(), p.target());
        if (response.isDeferred() && !p.head()) {
          server.executor().execute(() -> sendDeferred(p, response)); // never block the loop
        } else {
          finish(p, response, false);
        }
      } else {
        server.executor().execute(() -> runBlocking(p));
      }
    }
    if (queue.size() < server.settings().maxPipelined() && !ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  private void runBlocking(Pending p) {
    Response response = server.pipeline().run(p.exchange(), p.target());
    ProtocolUpgrade upgrade =
        stream || response.status() != 101
            ? null
            : p.exchange().attribute(ProtocolUpgrade.KEY).orElse(null);
    if (upgrade != null) {
      ctx.executor().execute(() -> handOver(p, response, upgrade));
      return;
    }
    if (response.isDeferred() && !p.head()) {
      sendDeferred(p, response);
    } else {
      ctx.executor().execute(() -> finish(p, response, true));
    }
  }

  /** The handler accepted a protocol upgrade (WebSocket): this connection stops being HTTP. */
  private void handOver(Pending p, Response response, ProtocolUpgrade upgrade) {
    if (response.body() != null) response.body().release();
    p.body().release();
    server.requestFinished();
    busy = false;
    cancelTimer();
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
    queue.forEach( // bytes pipelined after an upgrade request are not HTTP
        q -> {
          q.body().release();
          server.requestFinished();
        });
    queue.clear();
    phase = Phase.CLOSING;
    var request = p.exchange().request();
    var full =
        new DefaultFullHttpRequest(
            request.protocolVersion(),
            request.method(),
            request.uri(),
            Unpooled.EMPTY_BUFFER,
            request.headers().copy(),
            EmptyHttpHeaders.INSTANCE);
    var pipeline = ctx.pipeline();
    var watcher = pipeline.get(FirstByteWatcher.class);
    if (watcher != null) pipeline.remove(watcher);
    var h2cUpgrade = pipeline.get(HttpServerUpgradeHandler.class);
    if (h2cUpgrade != null) pipeline.remove(h2cUpgrade);
    pipeline.remove(this);
    if (!ctx.channel().config().isAutoRead()) ctx.channel().config().setAutoRead(true);
    upgrade.upgrade(ctx.channel(), full);
  }

  /** Sends a stream or file from a virtual thread: writing blocks while the client is slow. */
  private void sendDeferred(Pending p, Response response) {
    boolean ok =
        response.isStreamed()
            ? ResponseWriter.stream(ctx, p.exchange(), response, p.version(), p.keepAlive(), server)
            : ResponseWriter.file(
                ctx, p.exchange(), response, p.version(), p.keepAlive(), stream, server);
    boolean keepAlive = ok && p.keepAlive() && !server.draining();
    ctx.executor()
        .execute(
            () -> {
              afterResponse(p, keepAlive);
              if (!keepAlive) ctx.close(); // the last chunk was flushed before the send returned
            });
  }

  /** Writes a complete response on the event loop and moves on to the next request. */
  private void finish(Pending p, Response response, boolean flush) {
    boolean keepAlive = p.keepAlive() && !server.draining() && phase != Phase.CLOSING;
    var out = ResponseWriter.full(response, p.version(), keepAlive, p.head(), stream, server);
    if (!keepAlive) {
      ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
    } else if (flush || !inRead) {
      // outside a read (a pipelined request run after the one before it finished), no
      // channelReadComplete follows to flush it
      ctx.writeAndFlush(out, ctx.voidPromise());
    } else {
      ctx.write(out, ctx.voidPromise());
      needsFlush = true;
    }
    afterResponse(p, keepAlive);
  }

  private void afterResponse(Pending p, boolean keepAlive) {
    p.body().release();
    server.requestFinished();
    busy = false;
    if (!keepAlive) {
      phase = Phase.CLOSING;
      queue.forEach(
          q -> {
            q.body().release();
            server.requestFinished();
          });
      queue.clear();
      if (stream) ctx.close();
      return;
    }
    drain();
    if (!busy && queue.isEmpty() && reading == null && phase == Phase.IDLE && !stream) {
      schedule(server.settings().idleTimeout());
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    inRead = false;
    if (needsFlush) {
      needsFlush = false;
      ctx.flush();
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    // The connection became HTTP/2 (h2c upgrade or prior knowledge): streams take over from here.
    if (evt instanceof HttpServerUpgradeHandler.UpgradeEvent
        || evt instanceof CleartextHttp2ServerUpgradeHandler.PriorKnowledgeUpgradeEvent) {
      cancelTimer();
      phase = Phase.IDLE;
      var watcher = ctx.pipeline().get(FirstByteWatcher.class);
      if (watcher != null) ctx.pipeline().remove(watcher);
      ctx.pipeline().remove(this);
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancelTimer();
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
    if (body != null) {
      body.release();
      body = null;
    }
    if (!busy) {
      queue.forEach(
          q -> {
            q.body().release();
            server.requestFinished();
          });
      queue.clear();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    server.logConnectionError(cause);
    ctx.close();
  }

  // ---- rejections and deadlines

  /** Answers an error and closes the connection: the rest of its input cannot be trusted. */
  private void reject(HttpRequest request, Problem problem) {
    cancelTimer();
    phase = Phase.CLOSING;
    reading = null;
    if (body != null) {
      body.release();
      body = null;
    }
    if (busy || !queue.isEmpty()) {
      // an earlier pipelined request is still running: its response must go first, so just close
      ctx.close();
      return;
    }
    HttpRequest r =
        request != null && request.decoderResult().isSuccess()
            ? request
            : new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.GET, "/", Unpooled.EMPTY_BUFFER);
    var exchange =
        new Exchange(
            r,
            Unpooled.EMPTY_BUFFER,
            remote(),
            r.protocolVersion().text(),
            server.json(),
            e -> {
              throw new IllegalStateException("no form");
            });
    Response response = server.pipeline().problem(exchange, problem);
    var out = ResponseWriter.full(response, HttpVersion.HTTP_1_1, false, false, stream, server);
    ctx.writeAndFlush(out).addListener(f -> lingeringClose());
  }

  /**
   * Closes after an error response without destroying it: the client may still be sending (a body
   * we refused, a trickled header), and closing outright would make the kernel answer those bytes
   * with a reset that can discard our response before the client reads it. So: send FIN, drain and
   * ignore input for a moment, then close.
   */
  private void lingeringClose() {
    if (stream || !(ctx.channel() instanceof DuplexChannel duplex) || !ctx.channel().isActive()) {
      ctx.close();
      return;
    }
    duplex
        .shutdownOutput()
        .addListener(
            f -> {
              if (!f.isSuccess()) ctx.close();
            });
    ctx.channel().config().setAutoRead(true);
    phase = Phase.CLOSING;
    schedule(LINGER); // onDeadline in CLOSING closes
  }

  /** The armed check fired: act if the deadline passed, else re-arm for the time left. */
  private void check() {
    timer = null;
    if (deadline == 0) return;
    long left = deadline - System.nanoTime();
    if (left > 0) {
      arm(left);
    } else {
      deadline = 0;
      onDeadline();
    }
  }

  private void onDeadline() {
    switch (phase) {
      case IDLE -> {
        if (!busy && queue.isEmpty()) ctx.close();
      }
      case HEADERS ->
          reject(
              null,
              Problem.of(
                  ProblemTypes.REQUEST_TIMEOUT,
                  "The request headers did not arrive within "
                      + seconds(server.settings().headerTimeout())
                      + " (keel.server.header-timeout)."));
      case BODY ->
          reject(
              reading,
              Problem.of(
                  ProblemTypes.REQUEST_TIMEOUT,
                  "The request body did not arrive within "
                      + seconds(server.settings().bodyTimeout())
                      + " (keel.server.body-timeout)."));
      case CLOSING -> ctx.close();
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /**
   * Sets the deadline of the current phase. Deadlines change on every request but rarely come
   * sooner, so this usually only writes a field: the one armed check re-arms itself when it fires
   * early. Scheduling and cancelling a task per request cost over a tenth of the event loop's time.
   */
  private void schedule(Duration after) {
    long now = System.nanoTime();
    deadline = now + after.toNanos();
    if (timer == null || timerAt - deadline > 0) {
      if (timer != null) timer.cancel(false);
      arm(after.toNanos());
    }
  }

  private void arm(long nanos) {
    timerAt = System.nanoTime() + nanos;
    timer = ctx.executor().schedule(this::check, nanos, TimeUnit.NANOSECONDS);
  }

  /** Clears the deadline; the armed check, if any, finds nothing to do. */
  private void cancelTimer() {
    deadline = 0;
  }

  private InetSocketAddress remote() {
    var channel = stream && ctx.channel().parent() != null ? ctx.channel().parent() : ctx.channel();
    // an in-memory connection (Keel.connectLocally) comes from this machine
    return channel.remoteAddress() instanceof InetSocketAddress a ? a : LOOPBACK;
  }
}
