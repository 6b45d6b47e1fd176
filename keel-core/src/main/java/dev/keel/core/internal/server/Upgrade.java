package dev.keel.core.internal.server;

import dev.keel.core.AttributeKey;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;

/**
 * Hands an HTTP/1.1 connection over to another protocol (WebSocket, RFC 6455) once its handler has
 * accepted the request. The handler stores one under {@link #KEY} and sets status 101; instead of
 * writing that response the connection stops reading HTTP, leaves the channel's pipeline, and calls
 * {@link #upgrade} on the event loop with the HTTP codec still in place. Ignored on HTTP/2 streams
 * and in-process requests, which then answer the 101 as an ordinary response.
 */
@FunctionalInterface
public interface Upgrade {
  AttributeKey<Upgrade> KEY = AttributeKey.of("keel.upgrade", Upgrade.class);

  /**
   * Takes the channel over: answers the handshake and replaces the HTTP handlers.
   *
   * @param request the request's line and headers, with an empty body; the callee releases it
   */
  void upgrade(Channel channel, FullHttpRequest request);
}
