package dev.keel.realtime;

import dev.keel.core.Context;

/**
 * Produces a Server-Sent Events stream: plain blocking code on the request's virtual thread. The
 * response ends when the handler returns.
 */
@FunctionalInterface
public interface SseHandler {
  void stream(Context ctx, EventSink events) throws Exception;
}
