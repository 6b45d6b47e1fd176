package dev.keel.core;

import dev.keel.core.internal.http.Exchange;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per request at INFO on the logger {@value #LOGGER}:
 *
 * <pre>
 * GET /articles/hello?page&amp;size 200 3.1 ms 512 B route=/articles/{slug} id=4f0c2a9e1b7d3c55
 * </pre>
 *
 * <table>
 *   <caption>Fields (also attached as SLF4J key-value pairs, for JSON log encoders)</caption>
 *   <tr><th>key</th><th>value</th></tr>
 *   <tr><td>{@code method}</td><td>the request method</td></tr>
 *   <tr><td>{@code path}</td><td>the path as sent (percent-encoded)</td></tr>
 *   <tr><td>{@code query}</td><td>the query parameter <em>names</em>, comma-separated; never
 *       their values, which may hold tokens</td></tr>
 *   <tr><td>{@code status}</td><td>the status sent, including error responses mapped from
 *       exceptions</td></tr>
 *   <tr><td>{@code durationMs}</td><td>from entering this middleware to the encoded response,
 *       in milliseconds with one decimal</td></tr>
 *   <tr><td>{@code bytes}</td><td>the body size; {@code -} for streamed bodies, whose size is
 *       not known in advance</td></tr>
 *   <tr><td>{@code route}</td><td>the matched route template; {@code -} for 404s</td></tr>
 *   <tr><td>{@code requestId}</td><td>{@link Context#requestId()}</td></tr>
 * </table>
 *
 * <p>Headers (so {@code Authorization} and cookies), query values and bodies are never logged.
 * Control characters in logged names are replaced by {@code ?}, so a request cannot forge log
 * lines. Requests the server rejects before routing (malformed, too large, timed out while
 * arriving) do not reach middleware and are not logged here. When INFO is off for {@value #LOGGER}
 * the middleware costs one check per request. Stateless and thread-safe.
 */
public final class AccessLog {
  /** The logger's name; set its level to WARN to silence the access log. */
  public static final String LOGGER = "dev.keel.access";

  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  private static final Middleware MIDDLEWARE =
      next ->
          ctx -> {
            if (!log.isInfoEnabled()) return next.handle(ctx);
            long start = System.nanoTime();
            if (ctx instanceof Exchange exchange) {
              // the pipeline reports the final status, after user-registered exception mappings
              exchange.onResponse(
                  r ->
                      write(
                          ctx, r.status(), r.isStreamed() ? -1 : r.body().readableBytes(), start));
              return next.handle(ctx);
            }
            Object result;
            try {
              result = next.handle(ctx);
            } catch (Exception | Error e) {
              write(ctx, e instanceof HttpException http ? http.status() : 500, -1, start);
              throw e;
            }
            write(ctx, statusOf(ctx, result), -1, start);
            return result;
          };

  private AccessLog() {}

  /** The access log middleware; see the class description. */
  public static Middleware middleware() {
    return MIDDLEWARE;
  }

  /** The status for a context that is not Keel's own, where the encoded response is not seen. */
  private static int statusOf(Context ctx, Object result) {
    if (result instanceof Problem p) return p.status();
    return result == null && ctx.status() == 200 ? 204 : ctx.status();
  }

  private static void write(Context ctx, int status, long bytes, long start) {
    long micros = (System.nanoTime() - start) / 1_000;
    String duration = micros / 1_000 + "." + micros % 1_000 / 100;
    String path = clean(ctx.path());
    List<String> names = queryNames(ctx);
    String route = ctx.routeTemplate().isEmpty() ? "-" : ctx.routeTemplate();
    String size = bytes < 0 ? "-" : Long.toString(bytes);
    String id = ctx.requestId();
    log.atInfo()
        .addKeyValue("method", ctx.method())
        .addKeyValue("path", path)
        .addKeyValue("query", String.join(",", names))
        .addKeyValue("status", status)
        .addKeyValue("durationMs", duration)
        .addKeyValue("bytes", size)
        .addKeyValue("route", route)
        .addKeyValue("requestId", id)
        .log(
            "{} {}{} {} {} ms {} B route={} id={}",
            ctx.method(),
            path,
            names.isEmpty() ? "" : "?" + String.join("&", names),
            status,
            duration,
            size,
            route,
            id);
  }

  private static List<String> queryNames(Context ctx) {
    Map<String, ?> params;
    try {
      params = ctx.queryParams();
    } catch (IllegalArgumentException malformed) {
      return List.of("(malformed)");
    }
    if (params.isEmpty()) return List.of();
    return params.keySet().stream().map(AccessLog::clean).toList();
  }

  /** Replaces control characters, so decoded text cannot break or forge log lines. */
  private static String clean(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        var b = new StringBuilder(s.length());
        s.chars().forEach(c -> b.append(Character.isISOControl(c) ? '?' : (char) c));
        return b.toString();
      }
    }
    return s;
  }
}
