package dev.keel.core;

/**
 * A function from handler to handler: it may run code before and after {@code next}, change the
 * request context, short-circuit with its own result, or translate exceptions.
 *
 * <pre>{@code
 * Middleware timing = next -> ctx -> {
 *   long start = System.nanoTime();
 *   try {
 *     return next.handle(ctx);
 *   } finally {
 *     ctx.header("Server-Timing", "app;dur=" + (System.nanoTime() - start) / 1_000_000.0);
 *   }
 * };
 * }</pre>
 *
 * <p>Order: middleware added first is outermost, so it sees the request first and the result last.
 */
@FunctionalInterface
public interface Middleware {
  Handler apply(Handler next);
}
