package dev.keel.realtime.internal;

import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import java.nio.charset.StandardCharsets;

/**
 * Close frames: what RFC 6455 section 7.4 allows in them, received or sent, and which code answers
 * which failure.
 */
final class CloseFrames {
  static final int PROTOCOL_ERROR = 1002;
  static final int INVALID_PAYLOAD = 1007;
  static final int MESSAGE_TOO_BIG = 1009;

  /** A close frame's body is at most 125 bytes, two of them the code. */
  static final int MAX_REASON_BYTES = 123;

  private CloseFrames() {}

  /**
   * Codes an endpoint may put on the wire: those RFC 6455 defines (1000-1003, 1007-1011), those
   * IANA registered since (1012-1014), and the ranges for libraries and applications (3000-4999).
   * 1004 is reserved; 1005, 1006 and 1015 only report what happened and are never sent.
   */
  static boolean sendable(int code) {
    return (code >= 1000 && code <= 1003)
        || (code >= 1007 && code <= 1014)
        || (code >= 3000 && code <= 4999);
  }

  static void requireSendable(int code) {
    if (!sendable(code)) {
      throw new IllegalArgumentException(
          "WebSocket close code "
              + code
              + " may not be sent (expected: 1000-1003, 1007-1014 or 3000-4999; RFC 6455 section"
              + " 7.4)");
    }
  }

  /**
   * The code that answers what the WebSocket codecs rejected: Netty's own for a malformed frame
   * (1002) or text that is not UTF-8 (1007); 1009 for too large; 1007 for compressed data that does
   * not inflate. 0 for anything else (an I/O error), which no close frame can answer.
   */
  static int codeFor(Throwable cause) {
    return switch (cause) {
      case TooLongFrameException e -> MESSAGE_TOO_BIG;
      case CorruptedWebSocketFrameException e ->
          e.closeStatus() == null ? PROTOCOL_ERROR : e.closeStatus().code();
      // inflating hit the message limit (WsRoute makes it the inflater's maxAllocation), or corrupt
      case DecompressionException e ->
          String.valueOf(e.getMessage()).contains("maximum size")
              ? MESSAGE_TOO_BIG
              : INVALID_PAYLOAD;
      default -> 0;
    };
  }

  /** The reason, cut to the bytes a close frame has room for, never inside a character. */
  static String fit(String reason) {
    byte[] utf8 = reason.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= MAX_REASON_BYTES) return reason;
    int end = MAX_REASON_BYTES; // the first byte left out; back off while it continues a character
    while ((utf8[end] & 0xC0) == 0x80) end--;
    return new String(utf8, 0, end, StandardCharsets.UTF_8);
  }
}
