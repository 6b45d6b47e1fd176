package dev.keel.realtime;

/**
 * What a WebSocket route does with its connections. Callbacks are plain blocking code on virtual
 * threads; the callbacks of one connection run one at a time and in the order its messages arrived,
 * so a handler needs no locking for per-connection state. {@link #onOpen} comes first and {@link
 * #onClose} exactly once, last — also when the peer vanished without a close frame (code 1006). An
 * exception thrown by a callback closes the connection with code 1011.
 */
public interface WebSocketHandler {
  default void onOpen(WebSocket socket) throws Exception {}

  default void onText(WebSocket socket, String text) throws Exception {}

  default void onBinary(WebSocket socket, byte[] data) throws Exception {}

  /**
   * The connection closed: {@code code} is the peer's (or the server's) close code, 1006 when the
   * connection was lost without one.
   */
  default void onClose(WebSocket socket, int code, String reason) throws Exception {}
}
