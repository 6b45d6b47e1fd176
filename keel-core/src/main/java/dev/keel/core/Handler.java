package dev.keel.core;

/**
 * Handles one request. The return value becomes the response body, encoded by its type:
 *
 * <table>
 *   <caption>Return types</caption>
 *   <tr><th>returned</th><th>response</th></tr>
 *   <tr><td>{@code null}</td><td>204 No Content (unless a status was set)</td></tr>
 *   <tr><td>{@link String} / {@link CharSequence}</td><td>{@code text/plain; charset=UTF-8}</td></tr>
 *   <tr><td>{@code byte[]}, {@link java.io.InputStream}</td><td>{@code application/octet-stream}</td></tr>
 *   <tr><td>{@link StreamingBody}</td><td>chunked stream written by the handler</td></tr>
 *   <tr><td>{@link RenderedBody} (e.g. an HTML view)</td><td>its own content type, rendered in full</td></tr>
 *   <tr><td>any other object (records, collections, maps)</td><td>{@code application/json}</td></tr>
 * </table>
 *
 * <p>A handler always returns a value: a lambda that only does work ends with {@code return null;}
 * to answer 204, e.g. {@code ctx -> { store.clear(); return null; }}. (In a keel-web
 * {@code @Controller}, a {@code void} method answers 204: its generated route returns {@code null}
 * for it.)
 *
 * <p>Handlers run on a virtual thread of their own, so plain blocking code is fine. Wrap a handler
 * in {@link #nonBlocking(Handler)} only when it never blocks: it then runs on the network thread.
 */
@FunctionalInterface
public interface Handler {
  Object handle(Context ctx) throws Exception;

  /**
   * Marks a handler that never blocks (no I/O, no locks, no sleeping) so it runs directly on the
   * Netty event loop and skips the hop to a virtual thread. Blocking inside it stalls every
   * connection on that event loop.
   */
  static Handler nonBlocking(Handler handler) {
    return handler instanceof NonBlocking ? handler : new NonBlocking(handler);
  }

  /** A handler marked by {@link #nonBlocking(Handler)}. */
  record NonBlocking(Handler delegate) implements Handler {
    @Override
    public Object handle(Context ctx) throws Exception {
      return delegate.handle(ctx);
    }
  }
}
