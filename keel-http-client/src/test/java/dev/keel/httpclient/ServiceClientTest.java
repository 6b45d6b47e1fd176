package dev.keel.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Keel;
import dev.keel.core.KeelJson;
import dev.keel.core.NotFound;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

/** ServiceClient against a real Keel server on a socket: flaky, slow, down, busy and healthy. */
class ServiceClientTest {
  /** Nothing listens here (a port of this module's range, 25500-25999). */
  static final URI NOBODY = URI.create("http://127.0.0.1:25999");

  record Event(String name, Instant at) {}

  static final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  static final AtomicBoolean healthy = new AtomicBoolean();
  static final AtomicInteger inFlight = new AtomicInteger();
  static volatile CountDownLatch release = new CountDownLatch(0);
  static Keel server;

  static int hit(String key) {
    return hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  static int hits(String key) {
    return hits.getOrDefault(key, new AtomicInteger()).get();
  }

  @BeforeAll
  static void start() {
    server =
        Keel.create("--keel.server.port=0")
            .get(
                "/flaky/{key}",
                ctx -> {
                  int n = hit(ctx.pathParam("key"));
                  int failures = Integer.parseInt(ctx.query("fail").orElse("2"));
                  if (n <= failures) {
                    ctx.status(503);
                    return "busy";
                  }
                  return Map.of("attempt", n);
                })
            .get(
                "/retry-after",
                ctx -> {
                  if (hit("retry-after") == 1) {
                    ctx.status(503).header("Retry-After", "1");
                    return "later";
                  }
                  return Map.of("ok", true);
                })
            .post(
                "/count",
                ctx -> {
                  hit("count");
                  ctx.status(503);
                  return "busy";
                })
            .get(
                "/down",
                ctx -> {
                  hit("down");
                  if (healthy.get()) return Map.of("ok", true);
                  ctx.status(500);
                  return "broken";
                })
            .get(
                "/slow",
                ctx -> {
                  hit("slow");
                  Thread.sleep(Long.parseLong(ctx.query("ms").orElse("2000")));
                  return Map.of("ok", true);
                })
            .get(
                "/block",
                ctx -> {
                  inFlight.incrementAndGet();
                  try {
                    release.await(10, TimeUnit.SECONDS);
                  } finally {
                    inFlight.decrementAndGet();
                  }
                  return Map.of("ok", true);
                })
            .get(
                "/users/{id}",
                ctx -> {
                  throw new NotFound("No user " + ctx.pathParam("id") + ".");
                })
            .get("/trace", ctx -> Map.of("traceparent", ctx.header("traceparent").orElse("")))
            .post("/raw", ctx -> ctx.bodyText())
            .post("/events", ctx -> KeelJson.mapper().readValue(ctx.body(), Event.class))
            .get(
                "/proxy",
                ctx ->
                    ServiceClient.builder("nobody", NOBODY)
                        .retries(
                            2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1))
                        .build()
                        .get("/anything", String.class))
            .start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static URI base() {
    return URI.create(server.url());
  }

  static ServiceClient.Builder client(String name) {
    return ServiceClient.builder(name, base())
        .retries(3, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(2));
  }

  @Test
  void aFlakyServerIsRetriedUntilItAnswers() {
    var meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ServiceClient c = client("flaky").meterRegistry(meters).build();
    Map<String, Integer> answer =
        c.get("/flaky/a?fail=2", new TypeReference<Map<String, Integer>>() {});
    assertThat(answer).containsEntry("attempt", 3);
    assertThat(hits("a")).isEqualTo(3);
    String scrape = meters.scrape();
    assertThat(scrape)
        .contains("keel_http_client_retries_total{service=\"flaky\"} 2.0")
        .contains(
            "keel_http_client_requests_seconds_count{method=\"GET\",service=\"flaky\",status=\"503\"} 2")
        .contains(
            "keel_http_client_requests_seconds_count{method=\"GET\",service=\"flaky\",status=\"200\"} 1");
  }

  @Test
  void retriesGiveUpAfterTheLastAttemptWithTheRemoteStatus() {
    ServiceClient c = client("flaky").build();
    assertThatThrownBy(() -> c.get("/flaky/b?fail=10", String.class))
        .isInstanceOfSatisfying(
            RemoteProblem.class,
            e -> {
              assertThat(e.remoteStatus()).isEqualTo(503);
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.getMessage()).isEqualTo("GET flaky /flaky/b answered 503.");
            });
    assertThat(hits("b")).isEqualTo(3);
  }

  @Test
  void retryAfterIsHonoured() {
    ServiceClient c = client("later").build();
    long start = System.nanoTime();
    assertThat(c.get("/retry-after", String.class)).isEqualTo("{\"ok\":true}");
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(hits("retry-after")).isEqualTo(2);
    assertThat(waited).as("Retry-After: 1, not the 20 ms backoff").isGreaterThanOrEqualTo(950);
  }

  @Test
  void aPostIsNotRetried() {
    ServiceClient c = client("orders").build();
    assertThatThrownBy(() -> c.post("/count", Map.of("n", 1), String.class))
        .isInstanceOfSatisfying(
            RemoteProblem.class, e -> assertThat(e.remoteStatus()).isEqualTo(503));
    assertThat(hits("count")).isEqualTo(1);
    // marked idempotent (an Idempotency-Key the server deduplicates), it is
    assertThatThrownBy(
            () ->
                c.send(
                    ServiceRequest.of("POST", "/count")
                        .header("Idempotency-Key", "k1")
                        .idempotent(true),
                    String.class))
        .isInstanceOf(RemoteProblem.class);
    assertThat(hits("count")).isEqualTo(4);
  }

  @Test
  void theBreakerOpensFailsFastThenHalfOpensAndCloses() throws Exception {
    var meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ServiceClient c =
        client("down")
            .retries(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10))
            .circuitBreaker(50, 4, 4, Duration.ofMillis(500), 1)
            .meterRegistry(meters)
            .build();
    healthy.set(false);
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> c.get("/down", String.class))
          .isInstanceOfSatisfying(
              RemoteProblem.class, e -> assertThat(e.remoteStatus()).isEqualTo(500));
    }
    assertThat(c.circuitState()).isEqualTo("OPEN");
    assertThatThrownBy(() -> c.get("/down", String.class))
        .isInstanceOfSatisfying(
            RemoteUnavailable.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RemoteUnavailable.Reason.CIRCUIT_OPEN);
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "GET down /down was not sent: the circuit breaker of 'down' is open after"
                          + " repeated failures; it lets calls probe again 0 s after it opened.");
            });
    assertThat(hits("down")).as("the open breaker sent nothing").isEqualTo(4);
    assertThat(meters.scrape())
        .contains("resilience4j_circuitbreaker_state{name=\"down\",state=\"open\"} 1.0")
        .contains("keel_http_client_rejected_total{reason=\"CIRCUIT_OPEN\",service=\"down\"} 1.0");

    healthy.set(true);
    Thread.sleep(600);
    assertThat(c.get("/down", String.class)).isEqualTo("{\"ok\":true}");
    assertThat(c.circuitState()).isEqualTo("CLOSED");
    assertThat(meters.scrape())
        .contains("resilience4j_circuitbreaker_state{name=\"down\",state=\"closed\"} 1.0");
  }

  @Test
  void theBulkheadRejectsACallOverItsLimit() throws Exception {
    ServiceClient c = client("busy").bulkhead(2, Duration.ZERO).build();
    release = new CountDownLatch(1);
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<String>> running =
          List.of(
              threads.submit(() -> c.get("/block", String.class)),
              threads.submit(() -> c.get("/block", String.class)));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (inFlight.get() < 2 && System.nanoTime() < deadline) Thread.sleep(10);
      assertThat(inFlight.get()).isEqualTo(2);
      long start = System.nanoTime();
      assertThatThrownBy(() -> c.get("/block", String.class))
          .isInstanceOfSatisfying(
              RemoteUnavailable.class,
              e -> {
                assertThat(e.reason()).isEqualTo(RemoteUnavailable.Reason.BULKHEAD_FULL);
                assertThat(e.getMessage())
                    .isEqualTo(
                        "GET busy /block was not sent: 'busy' already has 2 calls in flight (the"
                            + " bulkhead's limit).");
              });
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
      release.countDown();
      for (Future<String> f : running) assertThat(f.get(5, TimeUnit.SECONDS)).contains("ok");
    }
  }

  @Test
  void aSlowServerTimesOutAndAnIdempotentCallIsTriedAgain() {
    var meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ServiceClient c =
        client("slow")
            .requestTimeout(Duration.ofMillis(1000))
            .retries(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10))
            .meterRegistry(meters)
            .build();
    long start = System.nanoTime();
    assertThatThrownBy(() -> c.get("/slow?ms=10000", String.class))
        .isInstanceOfSatisfying(
            RemoteTimeout.class,
            e -> {
              assertThat(e.status()).isEqualTo(504);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "GET slow /slow timed out: request timed out (after 2 attempts at most).");
            });
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(took).as("two attempts of 1 s, not the server's 10 s").isBetween(1900L, 6000L);
    assertThat(meters.scrape())
        .contains(
            "keel_http_client_requests_seconds_count{method=\"GET\",service=\"slow\",status=\"TIMEOUT\"} 2");
  }

  @Test
  void theRemoteProblemIsCarriedInTheException() {
    ServiceClient c = client("users").build();
    assertThatThrownBy(() -> c.get("/users/7", String.class))
        .isInstanceOfSatisfying(
            RemoteProblem.class,
            e -> {
              assertThat(e.remoteStatus()).isEqualTo(404);
              assertThat(e.remoteProblem()).isPresent();
              assertThat(e.remoteProblem().get().detail()).isEqualTo("No user 7.");
              assertThat(e.getMessage()).isEqualTo("GET users /users/7 answered 404 (Not Found).");
              assertThat(e.problem().type()).isEqualTo("https://keel.dev/problems/remote-error");
              assertThat(e.problem().extensions()).containsEntry("remoteStatus", 404);
            });
  }

  @Test
  void anUnreachableServiceBecomesA503ProblemForTheCaller() throws Exception {
    var http = HttpClient.newHttpClient();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/proxy")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(r.body())
        .contains("\"type\":\"https://keel.dev/problems/remote-unavailable\"")
        .contains("\"reason\":\"CONNECTION_FAILED\"")
        .contains("GET nobody /anything failed: ConnectException")
        .doesNotContain("at java.");
  }

  @Test
  void bodiesUseTheServersJsonSettings() {
    ServiceClient c = client("events").build();
    var event = new Event("launch", Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(c.send(ServiceRequest.of("POST", "/raw").body(event), String.class))
        .isEqualTo("{\"name\":\"launch\",\"at\":\"2026-01-01T00:00:00.000Z\"}");
    assertThat(c.post("/events", event, Event.class)).isEqualTo(event);
  }

  @Test
  void theTraceparentContinuesTheCallersTrace() {
    var exporter = InMemorySpanExporter.create();
    try (var sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build()) {
      ServiceClient c = client("traced").openTelemetry(sdk).build();
      Map<String, String> seen = c.get("/trace", new TypeReference<Map<String, String>>() {});
      List<SpanData> spans = exporter.getFinishedSpanItems();
      assertThat(spans).hasSize(1);
      SpanData span = spans.getFirst();
      assertThat(span.getName()).isEqualTo("GET");
      assertThat(seen.get("traceparent"))
          .startsWith("00-" + span.getTraceId() + "-" + span.getSpanId() + "-");
    }
  }

  @Test
  void badSettingsAreRefusedWithTheValueAndWhatIsExpected() {
    assertThatThrownBy(() -> ServiceClient.builder("users", URI.create("ftp://x")))
        .hasMessage("baseUri: 'ftp://x' (expected: an http:// or https:// URI)");
    assertThatThrownBy(() -> client("x").requestTimeout(Duration.ZERO))
        .hasMessage("requestTimeout: PT0S (expected: > 0)");
    assertThatThrownBy(() -> ServiceRequest.of("GET", "users"))
        .hasMessage("path: 'users' (expected: a path starting with '/', relative to the base URI)");
  }
}
