package dev.keel.core;

import dev.keel.core.internal.http.Exchange;

/**
 * Told the final status of a response once the chain has returned or failed and any exception is
 * mapped to its problem response, i.e. the status the client receives. For metrics and tracing
 * middleware, which cannot know the status of an exception mapped by {@link Keel#exception}.
 *
 * <pre>{@code
 * Middleware m = next -> ctx -> {
 *   long start = System.nanoTime();
 *   ResponseListener.attach(ctx, (status, bytes) -> record(ctx.routeTemplate(), status, start));
 *   return next.handle(ctx);
 * };
 * }</pre>
 *
 * <p>Runs on the request's thread after encoding; a listener that throws is logged and does not
 * change the response. Listeners run in the order attached.
 */
@FunctionalInterface
public interface ResponseListener {

  /**
   * @param status the status sent
   * @param bytes the body size, or -1 when streamed or sent from a file
   */
  void responded(int status, long bytes);

  /**
   * Attaches {@code listener} to the request of {@code ctx}.
   *
   * @return false when {@code ctx} is not Keel's own (a hand-made context in a unit test): nothing
   *     is attached, and the caller should fall back to the handler's outcome
   */
  static boolean attach(Context ctx, ResponseListener listener) {
    if (ctx instanceof Exchange exchange) {
      exchange.onResponse(
          r -> listener.responded(r.status(), r.isDeferred() ? -1 : r.body().readableBytes()));
      return true;
    }
    return false;
  }
}
