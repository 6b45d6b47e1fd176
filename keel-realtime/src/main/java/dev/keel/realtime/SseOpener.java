package dev.keel.realtime;

import dev.keel.core.Context;

/**
 * Opens a Server-Sent Events stream in two steps: {@link #open} runs before the response starts, so
 * it can check the request and answer with an ordinary error (a 400 problem for a bad query, a 404,
 * a 401), and the stream it returns then writes the events. With an {@link SseHandler} the response
 * has started (200, {@code text/event-stream}) before the handler runs.
 */
@FunctionalInterface
public interface SseOpener {
  /** Checks the request; returns what writes the events, or throws an {@code HttpException}. */
  Stream open(Context ctx) throws Exception;

  /** Writes the events of one opened stream; the response ends when it returns. */
  @FunctionalInterface
  interface Stream {
    void stream(EventSink events) throws Exception;
  }
}
