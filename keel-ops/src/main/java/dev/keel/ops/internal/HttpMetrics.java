package dev.keel.ops.internal;

import dev.keel.core.Context;
import dev.keel.core.HttpException;
import dev.keel.core.Middleware;
import dev.keel.core.ResponseListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every request into {@code http.server.requests} (Prometheus: {@code
 * http_server_requests_seconds}) tagged {@code method}, {@code route}, {@code status} and {@code
 * outcome}. The route is the matched template, never the raw path, so label values stay bounded: an
 * unmatched request is {@code NOT_FOUND} (404) or {@code UNMATCHED} (405, automatic OPTIONS,
 * malformed paths), and a method outside the standard ones is {@code OTHER}. The time runs from
 * entering this middleware to the encoded response. Timers are cached per tag set, so a request
 * costs a map look-up and a timer update. Thread-safe; safe on the event loop.
 */
public final class HttpMetrics {
  public static final String METER = "http.server.requests";

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

  private final MeterRegistry registry;
  private final boolean histogram;
  private final ConcurrentHashMap<Key, Timer> timers = new ConcurrentHashMap<>();

  private record Key(String method, String route, int status) {}

  public HttpMetrics(MeterRegistry registry, boolean histogram) {
    this.registry = registry;
    this.histogram = histogram;
  }

  public Middleware middleware() {
    return next ->
        ctx -> {
          long start = System.nanoTime();
          if (ResponseListener.attach(ctx, (status, bytes) -> record(ctx, status, start))) {
            return next.handle(ctx);
          }
          Object result; // a context that is not Keel's own: the handler's outcome is all we see
          try {
            result = next.handle(ctx);
          } catch (Exception | Error e) {
            record(ctx, e instanceof HttpException h ? h.status() : 500, start);
            throw e;
          }
          record(ctx, result == null && ctx.status() == 200 ? 204 : ctx.status(), start);
          return result;
        };
  }

  private void record(Context ctx, int status, long start) {
    String method = ctx.method();
    if (!METHODS.contains(method)) method = "OTHER";
    String route = ctx.routeTemplate();
    if (route.isEmpty()) route = status == 404 ? "NOT_FOUND" : "UNMATCHED";
    Key key = new Key(method, route, status);
    Timer timer = timers.get(key);
    if (timer == null) timer = timers.computeIfAbsent(key, this::timer);
    timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  private Timer timer(Key key) {
    return Timer.builder(METER)
        .description("HTTP requests handled, by route template")
        .tag("method", key.method())
        .tag("route", key.route())
        .tag("status", Integer.toString(key.status()))
        .tag("outcome", outcome(key.status()))
        .publishPercentileHistogram(histogram)
        .register(registry);
  }

  private static String outcome(int status) {
    if (status < 200) return "INFORMATIONAL";
    if (status < 300) return "SUCCESS";
    if (status < 400) return "REDIRECTION";
    if (status < 500) return "CLIENT_ERROR";
    return "SERVER_ERROR";
  }
}
