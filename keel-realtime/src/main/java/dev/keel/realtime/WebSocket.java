package dev.keel.realtime;

import java.util.Map;
import java.util.Optional;

/**
 * One open WebSocket connection (RFC 6455). Thread-safe: {@link #send} and {@link #close} may be
 * called from any thread. Sending never blocks: each message joins the connection's bounded
 * outbound queue ({@code keel.realtime.ws.outbound-queue}); a client too slow to drain it is closed
 * with code 1013 (try again later) instead of making the server buffer without bound.
 */
public interface WebSocket {
  /** A unique id for this connection, e.g. for logs and presence. */
  String id();

  /** The user the handshake's {@link Authenticator} accepted; empty for anonymous connections. */
  Optional<String> user();

  /** The request path of the handshake. */
  String path();

  /** The handshake's path parameters by name ({@code /rooms/{room}} gives {@code room}). */
  Map<String, String> pathParams();

  /** The first value of a query parameter of the handshake. */
  Optional<String> query(String name);

  /** Queues a text message; returns false when the connection is closed or was just closed. */
  boolean send(String text);

  /** Queues a binary message; returns false when the connection is closed or was just closed. */
  boolean send(byte[] data);

  /**
   * Sends a close frame with {@code code} and {@code reason} and closes the connection. The reason
   * is cut to the 123 bytes of UTF-8 a close frame has room for.
   *
   * @throws IllegalArgumentException for a code an endpoint may not send; allowed are 1000-1003,
   *     1007-1014 and 3000-4999 (RFC 6455 section 7.4)
   */
  void close(int code, String reason);

  boolean isOpen();

  /** Close codes Keel uses (RFC 6455 section 7.4.1). */
  final class CloseCodes {
    public static final int NORMAL = 1000;
    public static final int GOING_AWAY = 1001;
    public static final int ABNORMAL = 1006;
    public static final int POLICY_VIOLATION = 1008;
    public static final int MESSAGE_TOO_BIG = 1009;
    public static final int INTERNAL_ERROR = 1011;
    public static final int TRY_AGAIN_LATER = 1013;

    private CloseCodes() {}
  }
}
