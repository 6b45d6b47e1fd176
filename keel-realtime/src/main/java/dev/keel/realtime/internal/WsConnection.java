package dev.keel.realtime.internal;

import dev.keel.realtime.WebSocket;
import dev.keel.realtime.WebSocketHandler;
import dev.keel.realtime.WebSocketOptions;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upgraded connection: the last handler of its pipeline. Inbound messages are checked on the
 * event loop (rate, size) and handed in order to one virtual thread at a time; outbound messages
 * wait in a bounded queue and go to Netty only while the channel is writable.
 */
public final class WsConnection extends ChannelInboundHandlerAdapter implements WebSocket {
  private static final Logger log = LoggerFactory.getLogger(WsConnection.class);
  private static final int INBOUND_PAUSE = 64; // stop reading while this many messages wait

  private final String id;
  private final String user;
  private final String path;
  private final Map<String, String> pathParams;
  private final Map<String, java.util.List<String>> query;
  private final WebSocketOptions options;
  private final WebSocketHandler handler;
  private final Executor executor;

  private final Queue<Runnable> inbound = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inboundSize = new AtomicInteger();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final Queue<WebSocketFrame> outbound = new ConcurrentLinkedQueue<>();
  private final AtomicInteger outboundSize = new AtomicInteger();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean closeDelivered = new AtomicBoolean();
  private volatile boolean opened;
  private volatile Runnable onClosed = () -> {};

  private volatile Channel channel;
  private long windowStart; // event loop only
  private int windowCount;
  private int closeCode = CloseCodes.ABNORMAL;
  private String closeReason = "connection lost";

  public WsConnection(
      String id,
      String user,
      String path,
      Map<String, String> pathParams,
      Map<String, java.util.List<String>> query,
      WebSocketOptions options,
      WebSocketHandler handler,
      Executor executor) {
    this.id = id;
    this.user = user;
    this.path = path;
    this.pathParams = Map.copyOf(pathParams);
    this.query = query;
    this.options = options;
    this.handler = handler;
    this.executor = executor;
  }

  // ---- WebSocket

  @Override
  public String id() {
    return id;
  }

  @Override
  public Optional<String> user() {
    return user.isEmpty() ? Optional.empty() : Optional.of(user);
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Map<String, String> pathParams() {
    return pathParams;
  }

  @Override
  public Optional<String> query(String name) {
    var values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public boolean send(String text) {
    return enqueue(
        new TextWebSocketFrame(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8))));
  }

  @Override
  public boolean send(byte[] data) {
    return enqueue(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(data)));
  }

  /**
   * Queues a text frame whose buffer is shared with other connections (a broadcast) without waking
   * the event loop: when this returns {@link #NEEDS_FLUSH} the caller must run {@link
   * #flushOutbound} on {@link #eventLoop}, once for many connections.
   */
  public int offerShared(ByteBuf text) {
    return offer(new TextWebSocketFrame(text.retainedDuplicate()));
  }

  public static final int REFUSED = 0;
  public static final int QUEUED = 1;
  public static final int NEEDS_FLUSH = 2;

  public EventLoop eventLoop() {
    return channel.eventLoop();
  }

  @Override
  public void close(int code, String reason) {
    CloseFrames.requireSendable(code);
    Channel ch = channel;
    if (ch == null) return;
    ch.eventLoop().execute(() -> closeWith(code, reason));
  }

  @Override
  public boolean isOpen() {
    Channel ch = channel;
    return ch != null && ch.isActive() && !closing.get();
  }

  private boolean enqueue(WebSocketFrame frame) {
    int r = offer(frame);
    if (r == NEEDS_FLUSH) channel.eventLoop().execute(this::flushOutbound);
    return r != REFUSED;
  }

  private int offer(WebSocketFrame frame) {
    Channel ch = channel;
    if (ch == null || closing.get() || !ch.isActive()) {
      frame.release();
      return REFUSED;
    }
    if (outboundSize.incrementAndGet() > options.outboundQueue()) {
      outboundSize.decrementAndGet();
      frame.release();
      if (closing.compareAndSet(false, true)) { // closed for senders at once, the frame follows
        String reason =
            "Client too slow: "
                + options.outboundQueue()
                + " messages waiting (keel.realtime.ws.outbound-queue)";
        ch.eventLoop().execute(() -> sendClose(CloseCodes.TRY_AGAIN_LATER, reason));
      }
      return REFUSED;
    }
    outbound.add(frame);
    return flushScheduled.compareAndSet(false, true) ? NEEDS_FLUSH : QUEUED;
  }

  /** On the event loop: hands queued frames to Netty while the channel is writable. */
  public void flushOutbound() {
    flushScheduled.set(false);
    Channel ch = channel;
    boolean wrote = false;
    WebSocketFrame f;
    while (ch.isWritable() && (f = outbound.poll()) != null) {
      outboundSize.decrementAndGet();
      ch.write(f, ch.voidPromise());
      wrote = true;
    }
    if (wrote) ch.flush();
  }

  private void dropOutbound() {
    WebSocketFrame f;
    while ((f = outbound.poll()) != null) {
      outboundSize.decrementAndGet();
      f.release();
    }
  }

  /** Event loop: a close frame goes out ahead of whatever still waits, then the channel closes. */
  private void closeWith(int code, String reason) {
    if (closing.compareAndSet(false, true)) sendClose(code, reason);
  }

  private void sendClose(int code, String reason) {
    Channel ch = channel;
    closeCode = code;
    closeReason = reason;
    dropOutbound();
    if (!ch.isActive()) return;
    ch.writeAndFlush(new CloseWebSocketFrame(code, CloseFrames.fit(reason)))
        .addListener(ChannelFutureListener.CLOSE);
    // a client that reads nothing would keep the close frame (and the channel) forever
    ch.eventLoop().schedule(() -> ch.close(), 2, TimeUnit.SECONDS);
  }

  // ---- Netty

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    windowStart = System.nanoTime();
  }

  /** Called once the handshake response went out. */
  public void opened() {
    opened = true;
    submit(() -> handler.onOpen(this));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof WebSocketFrame frame)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    try {
      if (closing.get()) return;
      switch (frame) {
        case PingWebSocketFrame ping ->
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
        case PongWebSocketFrame pong -> {} // reading it reset the idle timer
        case CloseWebSocketFrame close -> { // its code and reason are valid: WsHandshaker checked
          int code = close.statusCode() < 0 ? 1005 : close.statusCode();
          String reason = close.reasonText() == null ? "" : close.reasonText();
          closing.set(true);
          closeCode = code;
          closeReason = reason;
          dropOutbound();
          ctx.writeAndFlush(new CloseWebSocketFrame(code < 0 || code == 1005 ? 1000 : code, ""))
              .addListener(ChannelFutureListener.CLOSE);
        }
        case TextWebSocketFrame text -> { // valid UTF-8: Utf8FrameValidator checked
          if (overSize(text) || overRate()) return;
          String s = text.text();
          submit(() -> handler.onText(this, s));
        }
        case BinaryWebSocketFrame binary -> {
          if (overSize(binary) || overRate()) return;
          byte[] data = ByteBufUtil.getBytes(binary.content());
          submit(() -> handler.onBinary(this, data));
        }
        default -> {}
      }
    } finally {
      frame.release();
    }
  }

  /**
   * The aggregator limits fragmented messages only; one frame larger than the message limit (the
   * frame limit may be the larger one) or inflated past it is stopped here.
   */
  private boolean overSize(WebSocketFrame message) {
    if (message.content().readableBytes() <= options.maxMessageSize()) return false;
    closeWith(CloseCodes.MESSAGE_TOO_BIG, tooBig());
    return true;
  }

  private String tooBig() {
    return "Message larger than "
        + options.maxMessageSize()
        + " bytes or frame larger than "
        + options.maxFrameSize()
        + " (keel.realtime.ws.max-message-size)";
  }

  private boolean overRate() {
    long now = System.nanoTime();
    if (now - windowStart >= 1_000_000_000L) {
      windowStart = now;
      windowCount = 0;
    }
    if (++windowCount > options.messagesPerSecond()) {
      closeWith(
          CloseCodes.POLICY_VIOLATION,
          "More than "
              + options.messagesPerSecond()
              + " messages per second (keel.realtime.ws.messages-per-second)");
      return true;
    }
    return false;
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) flushOutbound();
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent idle) {
      if (idle.state() == IdleState.READER_IDLE) {
        closeCode = CloseCodes.ABNORMAL;
        closeReason =
            "No traffic for " + options.idleTimeout() + " (keel.realtime.ws.idle-timeout)";
        closing.set(true);
        ctx.close(); // a dead peer cannot read a close frame
      } else if (idle.state() == IdleState.ALL_IDLE) {
        ctx.writeAndFlush(new PingWebSocketFrame(Unpooled.EMPTY_BUFFER));
      }
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  /** Whatever the codecs reject fails the connection with one close frame carrying its code. */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    int code = CloseFrames.codeFor(cause);
    switch (code) {
      case 0 -> {
        log.debug("WebSocket {} on {} failed; closing it", id, path, cause);
        ctx.close();
      }
      case CloseCodes.MESSAGE_TOO_BIG -> closeWith(code, tooBig());
      case CloseFrames.INVALID_PAYLOAD -> closeWith(code, "Invalid payload: " + cause.getMessage());
      default -> closeWith(code, "Protocol error: " + cause.getMessage());
    }
  }

  /** Runs once the channel has closed (on the event loop). */
  public void onClosed(Runnable r) {
    onClosed = r;
    if (channel != null && !channel.isActive()) r.run();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    onClosed.run();
    closing.set(true);
    dropOutbound();
    int code = closeCode;
    String reason = closeReason;
    deliverClose(code, reason);
    ctx.fireChannelInactive();
  }

  private void deliverClose(int code, String reason) {
    if (opened && closeDelivered.compareAndSet(false, true))
      submit(() -> handler.onClose(this, code, reason));
  }

  // ---- ordered delivery on virtual threads

  @FunctionalInterface
  private interface Callback {
    void run() throws Exception;
  }

  private void submit(Callback callback) {
    inbound.add(
        () -> {
          try {
            callback.run();
          } catch (Exception | Error e) {
            log.warn("WebSocket handler for {} failed; closing connection {}", path, id, e);
            close(CloseCodes.INTERNAL_ERROR, "Internal error");
          }
        });
    if (inboundSize.incrementAndGet() >= INBOUND_PAUSE && channel != null) {
      channel.config().setAutoRead(false);
    }
    if (draining.compareAndSet(false, true)) executor.execute(this::drainInbound);
  }

  private void drainInbound() {
    while (true) {
      Runnable r;
      while ((r = inbound.poll()) != null) {
        r.run();
        if (inboundSize.decrementAndGet() == INBOUND_PAUSE / 2 && channel != null) {
          Channel ch = channel;
          ch.eventLoop().execute(() -> ch.config().setAutoRead(true));
        }
      }
      draining.set(false);
      if (inbound.isEmpty() || !draining.compareAndSet(false, true)) return;
    }
  }
}
