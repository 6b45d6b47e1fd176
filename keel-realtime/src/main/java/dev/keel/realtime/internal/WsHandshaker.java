package dev.keel.realtime.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker13;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Netty's RFC 6455 (version 13) handshake, with a frame decoder that holds close frames to the
 * rules of section 7.4: Netty's own check accepts every code from 3000 up, 5000 and 65535 included,
 * and misses a reason cut off inside a character. A close frame that breaks the rules fails the
 * connection with 1002 like any other malformed frame.
 */
final class WsHandshaker extends WebSocketServerHandshaker13 {
  WsHandshaker(String url, java.util.List<String> subprotocols, WebSocketDecoderConfig config) {
    // Netty answers the first offered subprotocol that is among these (RFC 6455 section 4.2.2)
    super(url, subprotocols.isEmpty() ? null : String.join(",", subprotocols), config);
  }

  @Override
  protected WebSocketFrameDecoder newWebsocketDecoder() {
    return new Decoder(decoderConfig());
  }

  private static final class Decoder extends WebSocket13FrameDecoder {
    Decoder(WebSocketDecoderConfig config) {
      super(config);
    }

    @Override
    protected void checkCloseFrameBody(ChannelHandlerContext ctx, ByteBuf body) {
      if (!body.isReadable()) return; // no code at all is allowed (section 5.5.1)
      if (body.readableBytes() < 2) throw violation("Close frame with a 1-byte body");
      int code = body.getUnsignedShort(body.readerIndex());
      if (!CloseFrames.sendable(code)) {
        throw violation("Close code " + code + " may not be sent (RFC 6455 section 7.4)");
      }
      try {
        StandardCharsets.UTF_8
            .newDecoder() // reports malformed input rather than replacing it
            .decode(body.nioBuffer(body.readerIndex() + 2, body.readableBytes() - 2));
      } catch (CharacterCodingException e) {
        throw violation("Close reason is not valid UTF-8");
      }
    }

    private static CorruptedWebSocketFrameException violation(String message) {
      return new CorruptedWebSocketFrameException(WebSocketCloseStatus.PROTOCOL_ERROR, message);
    }
  }
}
