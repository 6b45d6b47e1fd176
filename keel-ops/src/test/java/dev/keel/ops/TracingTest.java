package dev.keel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import org.sqlite.SQLiteDataSource;

class TracingTest {
  static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  static final String PARENT = "b7ad6b7169203331";

  final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                  .build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();

  @AfterEach
  void close() {
    sdk.close();
  }

  @Test
  void aServerSpanPerRequestContinuesTheCallersTrace() {
    Keel app =
        HealthTest.app(Map.of())
            .install(Ops.builder().openTelemetry(sdk).build())
            .get(
                "/articles/{slug}",
                ctx -> Map.of("traceId", MDC.get("traceId"), "spanId", MDC.get("spanId")));
    try (var client = TestClient.inProcess(app)) {
      var r =
          client
              .get("/articles/hello")
              .header("traceparent", "00-" + TRACE_ID + "-" + PARENT + "-01")
              .header("tracestate", "congo=t61rcWkgMzE")
              .send();
      assertThat(r.status()).isEqualTo(200);
      SpanData span = exporter.getFinishedSpanItems().getFirst();
      assertThat(span.getName()).isEqualTo("GET /articles/{slug}");
      assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
      assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
      assertThat(span.getParentSpanId()).isEqualTo(PARENT);
      assertThat(span.getAttributes().get(AttributeKey.stringKey("http.route")))
          .isEqualTo("/articles/{slug}");
      assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
          .isEqualTo(200L);
      // the trace reaches the logs and the response
      assertThat(r.json().get("traceId").asString()).isEqualTo(TRACE_ID);
      assertThat(r.json().get("spanId").asString()).isEqualTo(span.getSpanId());
      assertThat(r.header("traceparent"))
          .contains("00-" + TRACE_ID + "-" + span.getSpanId() + "-01");
      assertThat(r.header("tracestate")).contains("congo=t61rcWkgMzE");
    }
  }

  @Test
  void withoutTraceparentANewTraceStartsAndUnmatchedRoutesAreNamedByMethod() {
    Keel app = HealthTest.app(Map.of()).install(Ops.builder().openTelemetry(sdk).build());
    try (var client = TestClient.inProcess(app)) {
      assertThat(client.get("/secret/123").send().status()).isEqualTo(404);
      SpanData span = exporter.getFinishedSpanItems().getFirst();
      assertThat(span.getName()).isEqualTo("GET");
      assertThat(span.getParentSpanContext().isValid()).isFalse();
      assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
          .isEqualTo(404L);
    }
  }

  @Test
  void databaseQueriesAreChildSpansOfTheRequest(@TempDir Path dir) {
    var sqlite = new SQLiteDataSource();
    sqlite.setUrl("jdbc:sqlite:" + dir.resolve("test.db"));
    var ops = Ops.builder().openTelemetry(sdk).build();
    var db = ops.traced(sqlite);
    Keel app =
        HealthTest.app(Map.of())
            .install(ops)
            .get(
                "/count",
                ctx -> {
                  try (var c = db.getConnection();
                      var s = c.createStatement()) {
                    s.execute("create table if not exists note (id integer primary key)");
                    try (var rs = s.executeQuery("select count(*) from note where id > 42")) {
                      rs.next();
                      return Map.of("count", rs.getInt(1));
                    }
                  }
                });
    try (var client = TestClient.inProcess(app)) {
      assertThat(client.get("/count").send().status()).isEqualTo(200);
    }
    List<SpanData> spans = exporter.getFinishedSpanItems();
    SpanData server = spans.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().get();
    List<SpanData> queries = spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT).toList();
    assertThat(queries).hasSize(2);
    assertThat(queries)
        .allSatisfy(
            q -> {
              assertThat(q.getParentSpanId()).isEqualTo(server.getSpanId());
              assertThat(q.getTraceId()).isEqualTo(server.getTraceId());
            });
    assertThat(queries.get(1).getAttributes().asMap().values().toString())
        .contains("select count(*) from note where id > ?");
  }

  @Test
  void exportsOverOtlpHttpWhenConfigured() throws Exception {
    var received = new CopyOnWriteArrayList<String>();
    var contentTypes = new CopyOnWriteArrayList<String>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/v1/traces",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              exchange.getRequestMethod() + " " + new String(body, StandardCharsets.ISO_8859_1));
          contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    try {
      String endpoint = "http://127.0.0.1:" + receiver.getAddress().getPort();
      var ops =
          Ops.builder()
              .openTelemetryProperties(
                  Map.of("otel.exporter.otlp.endpoint", endpoint, "otel.service.name", "ops-test"))
              .build();
      Keel app = HealthTest.app(Map.of()).install(ops).get("/hello/{name}", ctx -> "hi");
      try (var client = TestClient.inProcess(app)) {
        assertThat(client.get("/hello/x").send().status()).isEqualTo(200);
      }
      app.stop(); // closes the SDK, which flushes the batch
      assertThat(received).hasSize(1);
      assertThat(received.getFirst()).startsWith("POST ").contains("GET /hello/{name}", "ops-test");
      assertThat(contentTypes.getFirst()).isEqualTo("application/x-protobuf");
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void exportIsOffUnlessConfigured() {
    var ops = Ops.create();
    assertThat(ops.openTelemetry().toString()).doesNotContain("OtlpHttpSpanExporter");
    var configured =
        Ops.builder()
            .openTelemetryProperties(Map.of("otel.exporter.otlp.endpoint", "http://127.0.0.1:1"))
            .build();
    assertThat(configured.openTelemetry().toString()).contains("OtlpHttpSpanExporter");
    ((OpenTelemetrySdk) ops.openTelemetry()).close();
    ((OpenTelemetrySdk) configured.openTelemetry()).close();
  }

  static String read(Path p) throws java.io.IOException {
    return Files.readString(p);
  }
}
