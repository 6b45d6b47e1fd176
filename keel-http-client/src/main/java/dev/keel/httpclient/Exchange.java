package dev.keel.httpclient;

import dev.keel.core.Problem;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One call's path: span → retry (idempotent only) → circuit breaker → bulkhead → JDK HttpClient;
 * then the response decoded or turned into the exception that says what went wrong.
 */
final class Exchange {
  private static final Logger log = LoggerFactory.getLogger(ServiceClient.class);

  /** Statuses worth another attempt of an idempotent request: the server said "later". */
  private static final Set<Integer> RETRIED = Set.of(429, 502, 503, 504);

  private final String name;
  private final URI baseUri;
  private final Duration requestTimeout;
  private final Map<String, String> headers;
  private final JsonMapper json;
  private final HttpClient http;
  private final CircuitBreaker breaker;
  private final Bulkhead bulkhead;
  private final Retry retry;
  private final MeterRegistry meters;
  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final Duration openFor;

  Exchange(ServiceClient.Builder b) {
    this.name = b.name;
    this.baseUri = URI.create(b.baseUri.toString().replaceAll("/+$", ""));
    this.requestTimeout = b.requestTimeout;
    this.headers = Map.copyOf(b.headers);
    this.json = b.json;
    this.openFor = b.openFor;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(b.connectTimeout)
            // h2 by ALPN over TLS; plain http/1.1 otherwise (no h2c upgrade dance on every call)
            .version(
                "https".equals(baseUri.getScheme())
                    ? HttpClient.Version.HTTP_2
                    : HttpClient.Version.HTTP_1_1)
            .build();
    var breakers =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .failureRateThreshold(b.failureRate)
                .slidingWindowSize(b.slidingWindow)
                .minimumNumberOfCalls(b.minimumCalls)
                .waitDurationInOpenState(b.openFor)
                .permittedNumberOfCallsInHalfOpenState(b.halfOpenCalls)
                .recordExceptions(IOException.class)
                .ignoreExceptions(BulkheadFullException.class)
                .recordResult(r -> r instanceof HttpResponse<?> h && h.statusCode() >= 500)
                .build());
    this.breaker = breakers.circuitBreaker(name);
    var bulkheads =
        BulkheadRegistry.of(
            BulkheadConfig.custom()
                .maxConcurrentCalls(b.maxConcurrentCalls)
                .maxWaitDuration(b.maxWait)
                .build());
    this.bulkhead = bulkheads.bulkhead(name);
    this.retry =
        Retry.of(
            name,
            RetryConfig.custom()
                .maxAttempts(b.maxAttempts)
                .intervalBiFunction(b.backoff)
                .retryExceptions(IOException.class)
                .ignoreExceptions(CallNotPermittedException.class, BulkheadFullException.class)
                .retryOnResult(
                    r -> r instanceof HttpResponse<?> h && RETRIED.contains(h.statusCode()))
                .build());
    this.meters = b.meters;
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    retry
        .getEventPublisher()
        .onRetry(
            e -> {
              Counter.builder("keel.http.client.retries")
                  .description("Attempts sent again after a failure or a 429/502/503/504")
                  .tag("service", name)
                  .register(meters)
                  .increment();
              log.debug(
                  "{}: retry {} in {}", name, e.getNumberOfRetryAttempts(), e.getWaitInterval());
            });
    this.tracer = b.openTelemetry.getTracer("dev.keel.http-client");
    this.propagator = b.openTelemetry.getPropagators().getTextMapPropagator();
  }

  JsonMapper json() {
    return json;
  }

  String circuitState() {
    return breaker.getState().name();
  }

  <T> T send(ServiceRequest request, JavaType type) {
    URI uri = URI.create(baseUri + request.target());
    // the query stays out of messages: they become problem details, and queries carry secrets
    String what = request.method() + " " + name + " " + request.path().replaceFirst("\\?.*", "");
    Span span =
        tracer
            .spanBuilder(request.method())
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("http.request.method", request.method())
            .setAttribute("url.full", uri.toString())
            .setAttribute("server.address", String.valueOf(uri.getHost()))
            .setAttribute("peer.service", name)
            .startSpan();
    Scope scope = span.makeCurrent();
    try {
      HttpRequest built = build(request, uri);
      CheckedSupplier<HttpResponse<byte[]>> attempt =
          CircuitBreaker.decorateCheckedSupplier(
              breaker, Bulkhead.decorateCheckedSupplier(bulkhead, () -> attempt(built)));
      HttpResponse<byte[]> response =
          request.idempotent()
              ? Retry.decorateCheckedSupplier(retry, attempt).get()
              : attempt.get();
      span.setAttribute("http.response.status_code", response.statusCode());
      if (response.statusCode() >= 500) span.setStatus(StatusCode.ERROR);
      return decode(what, response, type);
    } catch (Throwable e) {
      span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
      if (e instanceof dev.keel.core.HttpException h) throw h;
      if (e instanceof Error x) throw x;
      throw failure(what, request, e);
    } finally {
      scope.close();
      span.end();
    }
  }

  private HttpRequest build(ServiceRequest request, URI uri) {
    var b =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Accept", "application/json, application/problem+json");
    headers.forEach(b::header);
    request.headers().forEach(b::header);
    // W3C traceparent (and tracestate) of the client span, so the remote span is its child
    propagator.inject(Context.current(), b, HttpRequest.Builder::header);
    if (request.body().isPresent()) {
      b.header("Content-Type", "application/json");
      b.method(
          request.method(),
          HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request.body().get())));
    } else {
      b.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }
    return b.build();
  }

  private HttpResponse<byte[]> attempt(HttpRequest request)
      throws IOException, InterruptedException {
    Timer.Sample sample = Timer.start(meters);
    String outcome = "IO_ERROR";
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      outcome = String.valueOf(response.statusCode());
      return response;
    } catch (HttpTimeoutException e) {
      outcome = "TIMEOUT";
      throw e;
    } finally {
      sample.stop(
          Timer.builder("keel.http.client.requests")
              .description("Attempts sent to a remote service, by status (or IO_ERROR, TIMEOUT)")
              .tag("service", name)
              .tag("method", request.method())
              .tag("status", outcome)
              .publishPercentileHistogram()
              .register(meters));
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T decode(String what, HttpResponse<byte[]> response, JavaType type) {
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    byte[] body = response.body();
    if (response.statusCode() / 100 != 2) {
      Optional<Problem> problem = problem(contentType, body);
      String detail =
          what
              + " answered "
              + response.statusCode()
              // the remote title, not its detail: remoteProblem() has that, for logs and code
              + problem.map(p -> " (" + p.title() + ")").orElse("")
              + ".";
      throw new RemoteProblem(
          name, detail, response.statusCode(), contentType, body, problem, json);
    }
    Class<?> raw = type.getRawClass();
    if (raw == Void.class || raw == void.class) return null;
    if (raw == String.class) return (T) new String(body, StandardCharsets.UTF_8);
    if (raw == byte[].class) return (T) body;
    try {
      return json.readValue(body, type);
    } catch (JacksonException e) {
      throw new RemoteProblem(
          name,
          what
              + " answered "
              + response.statusCode()
              + " with a body that is not a "
              + type.getRawClass().getSimpleName()
              + ": "
              + e.getOriginalMessage(),
          response.statusCode(),
          contentType,
          body,
          Optional.empty(),
          json);
    }
  }

  /** The remote RFC 9457 problem, read by hand: Keel's {@code Problem} has no null members. */
  private Optional<Problem> problem(String contentType, byte[] body) {
    if (!contentType.startsWith("application/problem+json")) return Optional.empty();
    try {
      JsonNode n = json.readTree(body);
      int status = n.path("status").asInt(0);
      if (status < 400 || status > 599) return Optional.empty();
      var errors = new ArrayList<Problem.FieldError>();
      for (JsonNode e : n.path("errors")) {
        errors.add(
            new Problem.FieldError(e.path("field").asString(""), e.path("message").asString("")));
      }
      return Optional.of(
          new Problem(
              n.path("type").asString("about:blank"),
              n.path("title").asString(""),
              status,
              n.path("detail").asString(""),
              List.copyOf(errors),
              Map.of()));
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  private RuntimeException failure(String what, ServiceRequest request, Throwable e) {
    String attempts =
        request.idempotent()
            ? " (after " + retry.getRetryConfig().getMaxAttempts() + " attempts at most)"
            : " (not retried: " + request.method() + " is not idempotent)";
    return switch (e) {
      case CallNotPermittedException x -> {
        reject("CIRCUIT_OPEN");
        yield new RemoteUnavailable(
            name,
            RemoteUnavailable.Reason.CIRCUIT_OPEN,
            what
                + " was not sent: the circuit breaker of '"
                + name
                + "' is open after repeated failures; it lets calls probe again "
                + openFor.toSeconds()
                + " s after it opened.");
      }
      case BulkheadFullException x -> {
        reject("BULKHEAD_FULL");
        yield new RemoteUnavailable(
            name,
            RemoteUnavailable.Reason.BULKHEAD_FULL,
            what
                + " was not sent: '"
                + name
                + "' already has "
                + bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
                + " calls in flight (the bulkhead's limit).");
      }
      case HttpTimeoutException x ->
          new RemoteTimeout(name, what + " timed out: " + x.getMessage() + attempts + ".");
      case InterruptedException x -> {
        Thread.currentThread().interrupt();
        yield new RemoteUnavailable(
            name, RemoteUnavailable.Reason.CONNECTION_FAILED, what + " was interrupted.");
      }
      default ->
          new RemoteUnavailable(
              name,
              RemoteUnavailable.Reason.CONNECTION_FAILED,
              what
                  + " failed: "
                  + e.getClass().getSimpleName()
                  + " "
                  + e.getMessage()
                  + attempts
                  + ".");
    };
  }

  private void reject(String reason) {
    Counter.builder("keel.http.client.rejected")
        .description("Calls refused before sending: circuit open or bulkhead full")
        .tag("service", name)
        .tag("reason", reason)
        .register(meters)
        .increment();
  }
}
