package dev.keel.realtime.internal;

import dev.keel.core.BadRequest;
import dev.keel.core.Context;
import dev.keel.core.Forbidden;
import dev.keel.core.Handler;
import dev.keel.core.HttpException;
import dev.keel.core.ProblemTypes;
import dev.keel.core.Unauthorized;
import dev.keel.core.spi.ProtocolUpgrade;
import dev.keel.realtime.Authenticator;
import dev.keel.realtime.RealtimeProblems;
import dev.keel.realtime.WebSocketHandler;
import dev.keel.realtime.WebSocketOptions;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionUtil;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.URI;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of a WebSocket route: checks the handshake request inside the application's
 * pipeline (so its middleware runs), then asks the connection to hand itself over.
 */
public final class WsRoute implements Handler {
  private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)}");
  private static final AtomicLong IDS = new AtomicLong();

  private final WebSocketOptions options;
  private final WebSocketHandler handler;
  private final Executor executor;
  private final Consumer<WsConnection> onConnection;

  public WsRoute(
      WebSocketOptions options,
      WebSocketHandler handler,
      Executor executor,
      Consumer<WsConnection> onConnection) {
    this.options = options;
    this.handler = handler;
    this.executor = executor;
    this.onConnection = onConnection;
  }

  @Override
  public Object handle(Context ctx) throws Exception {
    boolean upgrade = ctx.header("Upgrade").map(v -> v.equalsIgnoreCase("websocket")).orElse(false);
    if (!upgrade || !"HTTP/1.1".equals(ctx.protocol())) {
      throw new HttpException(
          RealtimeProblems.WEBSOCKET_REQUIRED,
          ctx.path()
              + " is a WebSocket endpoint: connect with a WebSocket client over HTTP/1.1"
              + " (ws:// or wss://), not a plain request.");
    }
    checkHandshake(ctx);
    checkOrigin(ctx);
    Authenticator auth = options.authenticator();
    String user =
        auth.authenticate(ctx)
            .orElseThrow(
                () ->
                    new Unauthorized(
                        ProblemTypes.UNAUTHENTICATED,
                        "The WebSocket at "
                            + ctx.path()
                            + " needs an authenticated user; log in or send the token its"
                            + " authenticator expects."));
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(ctx.routeTemplate());
    while (m.find()) params.put(m.group(1), ctx.pathParam(m.group(1)));
    var connection =
        new WsConnection(
            Long.toString(IDS.incrementAndGet(), 36) + "-" + Long.toHexString(System.nanoTime()),
            user,
            ctx.path(),
            params,
            ctx.queryParams(),
            options,
            handler,
            executor);
    ctx.attribute(
        ProtocolUpgrade.KEY, (channel, request) -> handshake(channel, request, connection));
    ctx.status(101);
    return null;
  }

  /**
   * RFC 6455 section 4.2.1, checked here so that a bad handshake gets a problem+json answer:
   * version 13 (the protocol's only final version), {@code Connection: Upgrade} and a well-formed
   * key.
   */
  private static void checkHandshake(Context ctx) {
    String version = ctx.header("Sec-WebSocket-Version").orElse("");
    if (!version.trim().equals("13")) {
      ctx.header("Sec-WebSocket-Version", "13");
      throw new HttpException(
          RealtimeProblems.WEBSOCKET_VERSION,
          "WebSocket version '"
              + version
              + "' is not supported; send Sec-WebSocket-Version: 13 (RFC 6455).");
    }
    boolean connectionUpgrade =
        ctx.headers("Connection").stream()
            .flatMap(v -> Arrays.stream(v.split(",")))
            .anyMatch(token -> token.trim().equalsIgnoreCase("upgrade"));
    if (!connectionUpgrade) {
      throw new BadRequest(
          RealtimeProblems.WEBSOCKET_HANDSHAKE,
          "The WebSocket handshake needs 'Connection: Upgrade' beside 'Upgrade: websocket'"
              + " (RFC 6455 section 4.1).");
    }
    String key = ctx.header("Sec-WebSocket-Key").orElse("").trim();
    if (!validKey(key)) {
      throw new BadRequest(
          RealtimeProblems.WEBSOCKET_HANDSHAKE,
          "The WebSocket handshake needs a Sec-WebSocket-Key header: 16 random bytes in base64"
              + " (RFC 6455 section 4.1); got '"
              + key
              + "'.");
    }
  }

  private static boolean validKey(String key) {
    try {
      return Base64.getDecoder().decode(key).length == 16;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void checkOrigin(Context ctx) {
    var origin = ctx.header("Origin");
    if (origin.isEmpty()) return; // not a browser: Origin protects browsers' users only
    String o = origin.get().toLowerCase(Locale.ROOT);
    if (options.allowedOrigins().contains("*") || options.allowedOrigins().contains(o)) return;
    String host = ctx.header("Host").orElse("").toLowerCase(Locale.ROOT);
    try {
      URI uri = URI.create(o);
      String authority = uri.getRawAuthority();
      if (authority != null && authority.equals(host)) return; // same origin
    } catch (IllegalArgumentException e) {
      // falls through to the refusal
    }
    throw new Forbidden(
        RealtimeProblems.WEBSOCKET_ORIGIN,
        "WebSocket handshake from origin "
            + origin.get()
            + " refused; add it to keel.realtime.ws.allowed-origins if it is yours.");
  }

  /** On the event loop, with the HTTP codec still in the pipeline. */
  private void handshake(Channel channel, FullHttpRequest request, WsConnection connection) {
    try {
      String url =
          "ws://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + request.uri();
      HttpHeaders extra = new DefaultHttpHeaders();
      WebSocketServerExtension deflate = options.compression() ? deflate(request, extra) : null;
      var config =
          WebSocketDecoderConfig.newBuilder()
              .maxFramePayloadLength(options.maxFrameSize())
              // reserved bits only where an extension negotiated for this connection uses them
              .allowExtensions(deflate != null)
              // violations reach WsConnection, which sends the one close frame with their code
              .closeOnProtocolViolation(false)
              .build();
      var handshaker = new WsHandshaker(url, options.subprotocols(), config);
      var p = channel.pipeline();
      if (deflate != null) {
        p.addLast(new DeflateReservedBits());
        p.addLast(deflate.newExtensionDecoder());
        p.addLast(deflate.newExtensionEncoder());
      }
      // after inflating, before reassembling: each fragment is checked as it comes, and a code
      // point split across fragments is fine (RFC 6455 section 8.1; invalid text closes with 1007)
      p.addLast(new Utf8FrameValidator(false));
      long ping = options.pingInterval().toMillis();
      p.addLast(
          new IdleStateHandler(options.idleTimeout().toMillis(), 0, ping, TimeUnit.MILLISECONDS));
      p.addLast(new WebSocketFrameAggregator(options.maxMessageSize()));
      p.addLast(connection);
      handshaker
          .handshake(channel, request, extra, channel.newPromise()) // checked in handle()
          .addListener(
              f -> {
                if (f.isSuccess()) {
                  onConnection.accept(connection);
                  connection.opened();
                } else {
                  channel.close();
                }
              });
    } finally {
      request.release();
    }
  }

  private WebSocketServerExtension deflate(FullHttpRequest request, HttpHeaders extra) {
    String offered = request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS);
    if (offered == null) return null;
    // no frame inflates past the message limit: a small compressed frame cannot allocate much
    var handshaker =
        new PerMessageDeflateServerExtensionHandshaker(
            6, false, 15, false, false, options.maxMessageSize());
    for (WebSocketExtensionData data : WebSocketExtensionUtil.extractExtensions(offered)) {
      WebSocketServerExtension ext = handshaker.handshakeExtension(data);
      if (ext != null) {
        WebSocketExtensionData answer = ext.newReponseData();
        var value = new StringBuilder(answer.name());
        answer
            .parameters()
            .forEach(
                (k, v) -> {
                  value.append("; ").append(k);
                  if (v != null) value.append('=').append(v);
                });
        extra.set(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS, value.toString());
        return ext;
      }
    }
    return null;
  }
}
