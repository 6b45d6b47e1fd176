package dev.keel.core.spi;

import dev.keel.core.AttributeKey;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;

/**
 * Hands an HTTP/1.1 connection over to another protocol (WebSocket, RFC 6455) once its handler has
 * accepted the request. The handler stores one under {@link #KEY} and sets status 101; instead of
 * writing that response the connection stops reading HTTP, leaves the channel's pipeline, and calls
 * {@link #upgrade} on the event loop with the HTTP codec still in place. Ignored on HTTP/2 streams,
 * which then answer the 101 as an ordinary response.
 *
 * <p>An extension point for protocol modules (keel-realtime's WebSocket); it exposes Netty's {@link
 * Channel}, so applications use those modules rather than this interface.
 */
@FunctionalInterface
public interface ProtocolUpgrade {
  AttributeKey<ProtocolUpgrade> KEY = AttributeKey.of("keel.upgrade", ProtocolUpgrade.class);

  /**
   * Takes the channel over: answers the handshake and replaces the HTTP handlers.
   *
   * @param request the request's line and headers, with an empty body; the callee releases it
   */
  void upgrade(Channel channel, FullHttpRequest request);
}
