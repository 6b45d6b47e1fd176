package dev.keel.core;

import dev.keel.core.internal.http.Exchange;
import dev.keel.core.internal.http.RequestIds;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Gives every request an id that ties its log lines, its error responses and the caller's logs
 * together.
 *
 * <pre>{@code
 * app.use(RequestId.middleware());   // outermost, so every later log line carries the id
 * }</pre>
 *
 * <ul>
 *   <li>A valid incoming {@value #HEADER} (1-128 of {@code A-Z a-z 0-9 . _ -}) is kept, so a proxy
 *       or a calling service can choose it; anything else is replaced by 16 random hex characters.
 *   <li>The id becomes {@link Context#requestId()}, is echoed in the response's {@value #HEADER}
 *       (error responses included), and sits in the SLF4J {@link MDC} under {@value #MDC_KEY} while
 *       the rest of the chain runs; the previous MDC value is restored afterwards.
 * </ul>
 *
 * <p>Only the thread that runs the chain sees the MDC entry: copy it into threads you start.
 * Without this middleware, {@link Context#requestId()} is a generated id and no header is sent.
 * Stateless and thread-safe.
 */
public final class RequestId {
  /** The request and response header carrying the id. */
  public static final String HEADER = "X-Request-Id";

  /** The SLF4J MDC key holding the id while the chain runs. */
  public static final String MDC_KEY = "requestId";

  private static final Middleware MIDDLEWARE =
      next ->
          ctx -> {
            String id = accept(ctx);
            ctx.header(HEADER, id);
            String previous = MDC.get(MDC_KEY);
            MDC.put(MDC_KEY, id);
            try {
              return next.handle(ctx);
            } finally {
              if (previous == null) {
                MDC.remove(MDC_KEY);
              } else {
                MDC.put(MDC_KEY, previous);
              }
            }
          };

  private RequestId() {}

  /** The request id middleware; see the class description. */
  public static Middleware middleware() {
    return MIDDLEWARE;
  }

  /** Adopts a valid incoming id; a context that is not Keel's own keeps the id it reports. */
  private static String accept(Context ctx) {
    Optional<String> incoming = ctx.header(HEADER).filter(RequestIds::isValid);
    if (incoming.isPresent() && ctx instanceof Exchange exchange) {
      exchange.requestId(incoming.get());
    }
    return ctx.requestId();
  }
}
