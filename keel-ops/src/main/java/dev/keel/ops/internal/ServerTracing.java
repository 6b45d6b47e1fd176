package dev.keel.ops.internal;

import dev.keel.core.Context;
import dev.keel.core.HttpException;
import dev.keel.core.Middleware;
import dev.keel.core.ResponseListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.List;
import org.slf4j.MDC;

/**
 * A server span per request, named {@code METHOD /route/{template}} (OpenTelemetry's HTTP
 * conventions), child of the caller's W3C {@code traceparent}/{@code tracestate} when sent. The
 * span is current while the chain runs (so database and client spans become its children), its ids
 * sit in the SLF4J MDC as {@value #MDC_TRACE_ID} and {@value #MDC_SPAN_ID}, and the response
 * carries its {@code traceparent} (and {@code tracestate}) so a caller can find the trace. The span
 * ends with the final status; 5xx marks it as an error. Thread-safe.
 */
public final class ServerTracing {
  public static final String MDC_TRACE_ID = "traceId";
  public static final String MDC_SPAN_ID = "spanId";

  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
  private static final AttributeKey<String> PROTOCOL =
      AttributeKey.stringKey("network.protocol.version");
  private static final AttributeKey<Long> STATUS =
      AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("keel.request_id");

  private static final TextMapGetter<Context> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Context ctx) {
          return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(Context ctx, String key) {
          return ctx == null ? null : ctx.header(key).orElse(null);
        }
      };

  private static final TextMapSetter<Context> SETTER =
      (ctx, key, value) -> {
        if (ctx != null) ctx.header(key, value);
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  public ServerTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("dev.keel.ops");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  public Middleware middleware() {
    return next ->
        ctx -> {
          io.opentelemetry.context.Context parent =
              propagator.extract(io.opentelemetry.context.Context.root(), ctx, GETTER);
          String route = ctx.routeTemplate();
          Span span =
              tracer
                  .spanBuilder(route.isEmpty() ? ctx.method() : ctx.method() + " " + route)
                  .setSpanKind(SpanKind.SERVER)
                  .setParent(parent)
                  .setAttribute(METHOD, ctx.method())
                  .setAttribute(PATH, ctx.path())
                  .setAttribute(PROTOCOL, ctx.protocol().replace("HTTP/", ""))
                  .startSpan();
          if (!route.isEmpty()) span.setAttribute(ROUTE, route);
          io.opentelemetry.context.Context current = parent.with(span);
          propagator.inject(current, ctx, SETTER);
          SpanContext sc = span.getSpanContext();
          boolean attached =
              ResponseListener.attach(
                  ctx,
                  (status, bytes) -> {
                    span.setAttribute(REQUEST_ID, ctx.requestId());
                    end(span, status);
                  });
          String previousTrace = MDC.get(MDC_TRACE_ID);
          String previousSpan = MDC.get(MDC_SPAN_ID);
          MDC.put(MDC_TRACE_ID, sc.getTraceId());
          MDC.put(MDC_SPAN_ID, sc.getSpanId());
          int status = 500;
          Scope scope = current.makeCurrent();
          try {
            Object result = next.handle(ctx);
            status = result == null && ctx.status() == 200 ? 204 : ctx.status();
            return result;
          } catch (Exception | Error e) {
            status = e instanceof HttpException h ? h.status() : 500;
            if (status >= 500) span.recordException(e);
            throw e;
          } finally {
            scope.close();
            restore(MDC_TRACE_ID, previousTrace);
            restore(MDC_SPAN_ID, previousSpan);
            if (!attached) end(span, status);
          }
        };
  }

  private static void end(Span span, int status) {
    span.setAttribute(STATUS, (long) status);
    if (status >= 500) span.setStatus(StatusCode.ERROR);
    span.end();
  }

  private static void restore(String key, String previous) {
    if (previous == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, previous);
    }
  }
}
