package dev.keel.httpclient;

import dev.keel.core.KeelJson;
import dev.keel.httpclient.internal.Backoff;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resilient client of one remote service (ADR 0042): the JDK {@code HttpClient} with connect and
 * request timeouts, retries with exponential backoff and jitter for idempotent requests (honouring
 * {@code Retry-After}), a circuit breaker and a bulkhead (Resilience4j), W3C {@code traceparent}
 * propagation (OpenTelemetry), Micrometer metrics, and JSON bodies with the server's own Jackson
 * settings ({@link KeelJson}).
 *
 * <pre>{@code
 * ServiceClient users = ServiceClient.builder("users", URI.create("http://users:8080")).build();
 * User user = users.get("/api/users/" + ServiceRequest.segment(id), User.class);
 * }</pre>
 *
 * <p>Failures are exceptions that answer a problem when a handler lets them through: {@link
 * RemoteProblem} (502, the remote status and problem inside), {@link RemoteUnavailable} (503),
 * {@link RemoteTimeout} (504). Thread-safe; make one per service and share it.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>connect timeout</td><td>2 s</td></tr>
 *   <tr><td>request timeout (per attempt)</td><td>10 s</td></tr>
 *   <tr><td>attempts (idempotent requests)</td><td>3, backoff 100 ms doubling to 2 s, jittered;
 *       {@code Retry-After} honoured up to 10 s; on connection errors, timeouts, 429, 502, 503,
 *       504</td></tr>
 *   <tr><td>circuit breaker</td><td>opens at 50% failures (I/O errors, timeouts, 5xx) over the
 *       last 20 calls (at least 10), stays open 30 s, then lets 3 calls probe</td></tr>
 *   <tr><td>bulkhead</td><td>64 calls in flight, no waiting</td></tr>
 * </table>
 */
public final class ServiceClient {
  private final Exchange exchange;

  private ServiceClient(Builder b) {
    this.exchange = new Exchange(b);
  }

  /** A builder for the service {@code name} (metric tag, breaker name) at {@code baseUri}. */
  public static Builder builder(String name, URI baseUri) {
    return new Builder(name, baseUri);
  }

  public <T> T get(String path, Class<T> type) {
    return send(ServiceRequest.of("GET", path), type);
  }

  public <T> T get(String path, TypeReference<T> type) {
    return send(ServiceRequest.of("GET", path), type);
  }

  /** POST {@code body} as JSON; not retried (see {@link ServiceRequest#idempotent(boolean)}). */
  public <T> T post(String path, Object body, Class<T> type) {
    return send(ServiceRequest.of("POST", path).body(body), type);
  }

  public <T> T put(String path, Object body, Class<T> type) {
    return send(ServiceRequest.of("PUT", path).body(body), type);
  }

  public void delete(String path) {
    send(ServiceRequest.of("DELETE", path), Void.class);
  }

  /**
   * Sends {@code request} and reads a 2xx body as {@code type}: {@code Void} for none, {@code
   * String} for text, {@code byte[]} for bytes, anything else from JSON.
   */
  public <T> T send(ServiceRequest request, Class<T> type) {
    return exchange.send(request, exchange.json().constructType(type));
  }

  public <T> T send(ServiceRequest request, TypeReference<T> type) {
    return exchange.send(request, exchange.json().constructType(type));
  }

  /** The circuit breaker's state: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, … */
  public String circuitState() {
    return exchange.circuitState();
  }

  /** Options of a {@link ServiceClient}; every setting has a default (see the class comment). */
  public static final class Builder {
    final String name;
    final URI baseUri;
    Duration connectTimeout = Duration.ofSeconds(2);
    Duration requestTimeout = Duration.ofSeconds(10);
    int maxAttempts = 3;
    Backoff backoff =
        new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(10));
    float failureRate = 50;
    int slidingWindow = 20;
    int minimumCalls = 10;
    Duration openFor = Duration.ofSeconds(30);
    int halfOpenCalls = 3;
    int maxConcurrentCalls = 64;
    Duration maxWait = Duration.ZERO;
    final Map<String, String> headers = new LinkedHashMap<>();
    JsonMapper json = KeelJson.mapper();
    MeterRegistry meters = new SimpleMeterRegistry();
    OpenTelemetry openTelemetry = OpenTelemetry.noop();

    private Builder(String name, URI baseUri) {
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
        throw new IllegalArgumentException(
            "name: '" + name + "' (expected: letters, digits, '.', '_' or '-', e.g. 'users')");
      }
      String scheme = Objects.requireNonNull(baseUri, "baseUri").getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme)) {
        throw new IllegalArgumentException(
            "baseUri: '" + baseUri + "' (expected: an http:// or https:// URI)");
      }
      this.name = name;
      this.baseUri = baseUri;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /** The longest one attempt may wait for the response's headers. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive("requestTimeout", timeout);
      return this;
    }

    /**
     * Attempts for idempotent requests (1 turns retries off) and the backoff between them; {@code
     * maxRetryAfter} caps how long a {@code Retry-After} may make it wait.
     */
    public Builder retries(
        int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts: " + maxAttempts + " (expected: >= 1)");
      }
      this.maxAttempts = maxAttempts;
      this.backoff =
          new Backoff(
              positive("initialBackoff", initialBackoff),
              positive("maxBackoff", maxBackoff),
              positive("maxRetryAfter", maxRetryAfter));
      return this;
    }

    /**
     * Opens the breaker when {@code failureRatePercent} of the last {@code slidingWindow} calls
     * (once there were {@code minimumCalls}) failed; it stays open {@code openFor}, then lets
     * {@code halfOpenCalls} through to decide whether to close.
     */
    public Builder circuitBreaker(
        float failureRatePercent,
        int slidingWindow,
        int minimumCalls,
        Duration openFor,
        int halfOpenCalls) {
      if (failureRatePercent <= 0 || failureRatePercent > 100) {
        throw new IllegalArgumentException(
            "failureRatePercent: " + failureRatePercent + " (expected: > 0 and <= 100)");
      }
      if (slidingWindow < 1 || minimumCalls < 1 || halfOpenCalls < 1) {
        throw new IllegalArgumentException(
            "slidingWindow, minimumCalls, halfOpenCalls: "
                + slidingWindow
                + ", "
                + minimumCalls
                + ", "
                + halfOpenCalls
                + " (expected: >= 1)");
      }
      this.failureRate = failureRatePercent;
      this.slidingWindow = slidingWindow;
      this.minimumCalls = minimumCalls;
      this.openFor = positive("openFor", openFor);
      this.halfOpenCalls = halfOpenCalls;
      return this;
    }

    /** At most {@code maxConcurrentCalls} in flight; a call waits {@code maxWait} for a slot. */
    public Builder bulkhead(int maxConcurrentCalls, Duration maxWait) {
      if (maxConcurrentCalls < 1) {
        throw new IllegalArgumentException(
            "maxConcurrentCalls: " + maxConcurrentCalls + " (expected: >= 1)");
      }
      this.maxConcurrentCalls = maxConcurrentCalls;
      this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
      return this;
    }

    /** A header sent with every request, e.g. {@code Authorization}. */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The JSON mapper; {@link KeelJson#mapper()} (the server's settings) by default. */
    public Builder json(JsonMapper json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /** Where the metrics go, e.g. keel-ops' {@code Ops.meterRegistry()} (Prometheus). */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meters = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** Spans and {@code traceparent}, e.g. keel-ops' {@code Ops.openTelemetry()}. */
    public Builder openTelemetry(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
      return this;
    }

    public ServiceClient build() {
      return new ServiceClient(this);
    }

    private static Duration positive(String what, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + ": " + d + " (expected: > 0)");
      }
      return d;
    }
  }
}
