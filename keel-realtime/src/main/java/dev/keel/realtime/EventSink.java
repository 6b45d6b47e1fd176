package dev.keel.realtime;

import java.util.Optional;

/**
 * The open end of a Server-Sent Events stream (the WHATWG {@code text/event-stream} format). Each
 * {@code send} writes and flushes one event, blocking while the client is slow. Thread-safe. When
 * the client has gone, {@link #isOpen()} turns false (noticed at the latest by the next heartbeat)
 * and sends return false, so a producing loop ends: {@code while (events.isOpen()) ...}.
 */
public interface EventSink {
  /** Sends an unnamed event (a {@code message}) without an id. */
  boolean send(String data);

  /** Sends {@code event}; returns false when the client has gone. */
  boolean send(ServerSentEvent event);

  /** The client's {@code Last-Event-ID}: the last event it saw before reconnecting. */
  Optional<String> lastEventId();

  boolean isOpen();
}
