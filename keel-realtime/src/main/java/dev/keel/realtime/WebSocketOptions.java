package dev.keel.realtime;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Limits and checks of a WebSocket route. The defaults come from configuration:
 *
 * <table>
 *   <caption>Keys and defaults</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code keel.realtime.ws.allowed-origins}</td><td>empty</td><td>origins allowed besides
 *       the server's own; {@code *} allows any. A handshake without {@code Origin} (not a browser)
 *       is allowed.</td></tr>
 *   <tr><td>{@code keel.realtime.ws.max-frame-size}</td><td>64 KiB</td><td>largest frame; larger
 *       closes with 1009</td></tr>
 *   <tr><td>{@code keel.realtime.ws.max-message-size}</td><td>1 MiB</td><td>largest message after
 *       reassembling fragments; larger closes with 1009</td></tr>
 *   <tr><td>{@code keel.realtime.ws.messages-per-second}</td><td>100</td><td>inbound messages per
 *       second and connection; more closes with 1008</td></tr>
 *   <tr><td>{@code keel.realtime.ws.outbound-queue}</td><td>1024</td><td>messages queued for a
 *       slow client; more closes with 1013</td></tr>
 *   <tr><td>{@code keel.realtime.ws.ping-interval}</td><td>30 s</td><td>a ping after this long
 *       without traffic</td></tr>
 *   <tr><td>{@code keel.realtime.ws.idle-timeout}</td><td>75 s</td><td>nothing read for this long
 *       (not even a pong): the peer is dead, the connection closes (1006)</td></tr>
 *   <tr><td>{@code keel.realtime.ws.compression}</td><td>true</td><td>permessage-deflate (RFC
 *       7692) when the client offers it</td></tr>
 * </table>
 */
public record WebSocketOptions(
    List<String> allowedOrigins,
    Authenticator authenticator,
    int maxFrameSize,
    int maxMessageSize,
    int messagesPerSecond,
    int outboundQueue,
    Duration pingInterval,
    Duration idleTimeout,
    boolean compression,
    List<String> subprotocols) {

  public WebSocketOptions {
    allowedOrigins = List.copyOf(allowedOrigins);
    subprotocols = List.copyOf(subprotocols);
    Objects.requireNonNull(authenticator, "authenticator");
    positive("maxFrameSize", maxFrameSize);
    positive("maxMessageSize", maxMessageSize);
    positive("messagesPerSecond", messagesPerSecond);
    positive("outboundQueue", outboundQueue);
    if (pingInterval.isNegative()
        || pingInterval.isZero()
        || idleTimeout.compareTo(pingInterval) <= 0) {
      throw new IllegalArgumentException(
          "WebSocket idleTimeout ("
              + idleTimeout
              + ") must be longer than pingInterval ("
              + pingInterval
              + "), which must be positive; a peer gets a ping before it counts as dead.");
    }
  }

  /** The options without subprotocols, as before they were added. */
  public WebSocketOptions(
      List<String> allowedOrigins,
      Authenticator authenticator,
      int maxFrameSize,
      int maxMessageSize,
      int messagesPerSecond,
      int outboundQueue,
      Duration pingInterval,
      Duration idleTimeout,
      boolean compression) {
    this(
        allowedOrigins,
        authenticator,
        maxFrameSize,
        maxMessageSize,
        messagesPerSecond,
        outboundQueue,
        pingInterval,
        idleTimeout,
        compression,
        List.of());
  }

  /**
   * The subprotocols this endpoint speaks, in order of preference: the handshake answers the first
   * of the client's {@code Sec-WebSocket-Protocol} values that is among them (RFC 6455 section
   * 4.2.2), e.g. {@code graphql-transport-ws}. None by default.
   */
  public WebSocketOptions withSubprotocols(String... protocols) {
    return new WebSocketOptions(
        allowedOrigins,
        authenticator,
        maxFrameSize,
        maxMessageSize,
        messagesPerSecond,
        outboundQueue,
        pingInterval,
        idleTimeout,
        compression,
        List.of(protocols));
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          "WebSocket option " + name + " : " + value + " (expected: > 0)");
    }
  }

  public WebSocketOptions withAllowedOrigins(String... origins) {
    return new WebSocketOptions(
        List.of(origins),
        authenticator,
        maxFrameSize,
        maxMessageSize,
        messagesPerSecond,
        outboundQueue,
        pingInterval,
        idleTimeout,
        compression,
        subprotocols);
  }

  public WebSocketOptions withAuthenticator(Authenticator a) {
    return new WebSocketOptions(
        allowedOrigins,
        a,
        maxFrameSize,
        maxMessageSize,
        messagesPerSecond,
        outboundQueue,
        pingInterval,
        idleTimeout,
        compression,
        subprotocols);
  }

  public WebSocketOptions withMaxMessageSize(int frame, int message) {
    return new WebSocketOptions(
        allowedOrigins,
        authenticator,
        frame,
        message,
        messagesPerSecond,
        outboundQueue,
        pingInterval,
        idleTimeout,
        compression,
        subprotocols);
  }

  public WebSocketOptions withMessagesPerSecond(int n) {
    return new WebSocketOptions(
        allowedOrigins,
        authenticator,
        maxFrameSize,
        maxMessageSize,
        n,
        outboundQueue,
        pingInterval,
        idleTimeout,
        compression,
        subprotocols);
  }

  public WebSocketOptions withOutboundQueue(int n) {
    return new WebSocketOptions(
        allowedOrigins,
        authenticator,
        maxFrameSize,
        maxMessageSize,
        messagesPerSecond,
        n,
        pingInterval,
        idleTimeout,
        compression,
        subprotocols);
  }

  public WebSocketOptions withKeepAlive(Duration ping, Duration idle) {
    return new WebSocketOptions(
        allowedOrigins,
        authenticator,
        maxFrameSize,
        maxMessageSize,
        messagesPerSecond,
        outboundQueue,
        ping,
        idle,
        compression,
        subprotocols);
  }

  public WebSocketOptions withCompression(boolean on) {
    return new WebSocketOptions(
        allowedOrigins,
        authenticator,
        maxFrameSize,
        maxMessageSize,
        messagesPerSecond,
        outboundQueue,
        pingInterval,
        idleTimeout,
        on,
        subprotocols);
  }
}
