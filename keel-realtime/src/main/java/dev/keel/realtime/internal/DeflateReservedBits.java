package dev.keel.realtime.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtension;

/**
 * Sits between the frame decoder and permessage-deflate's decoder on connections that negotiated
 * it. The frame decoder then lets every reserved bit through, but RFC 7692 gives meaning to RSV1 on
 * the first frame of a text or binary message only (section 6): RSV2, RSV3, or RSV1 on a
 * continuation or control frame fail the connection with 1002 (RFC 6455 section 5.2).
 */
final class DeflateReservedBits extends ChannelInboundHandlerAdapter {
  private boolean failed;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof WebSocketFrame frame) {
      if (failed) {
        frame.release(); // the connection is closing; nothing after the bad frame counts
        return;
      }
      int rsv = frame.rsv();
      boolean startsMessage =
          frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame;
      if (rsv != 0 && !(rsv == WebSocketExtension.RSV1 && startsMessage)) {
        failed = true;
        frame.release();
        ctx.fireExceptionCaught(
            new CorruptedWebSocketFrameException(
                WebSocketCloseStatus.PROTOCOL_ERROR,
                "RSV bits "
                    + Integer.toBinaryString(rsv | 8).substring(1)
                    + " on a "
                    + frame.getClass().getSimpleName()
                    + "; permessage-deflate allows RSV1 on a message's first frame only"));
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }
}
