package dev.keel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.test.TestClient;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * keel-db and keel-ops installed together, in either order and with no wiring: health, pool
 * metrics, statement spans.
 */
class DatabaseWiringTest {
  final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                  .build())
          .build();

  @AfterEach
  void close() {
    sdk.close();
  }

  @ParameterizedTest(name = "ops installed first: {0}")
  @ValueSource(booleans = {true, false})
  void theDatabaseReportsHealthPoolMetricsAndQuerySpans(boolean opsFirst, @TempDir Path dir) {
    var ops = Ops.builder().openTelemetry(sdk).build();
    var db = Database.create();
    Keel app = HealthTest.app(Map.of("keel.db.url", "jdbc:sqlite:" + dir.resolve("app.db")));
    if (opsFirst) {
      app.install(ops).install(db);
    } else {
      app.install(db).install(ops);
    }
    app.get(
        "/answer",
        ctx -> Map.of("answer", db.sql("select 42 as answer").one(Answer.class).answer()));
    try (var client = TestClient.inProcess(app)) {
      var ready = client.get("/health/ready").send();
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.text()).contains("\"database\"").contains("UP");

      assertThat(client.get("/answer").send().json().get("answer").asInt()).isEqualTo(42);
      SpanData server =
          exporter.getFinishedSpanItems().stream()
              .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().equals("GET /answer"))
              .findFirst()
              .orElseThrow();
      // the query is a child of the request's span
      assertThat(exporter.getFinishedSpanItems())
          .anySatisfy(
              s -> {
                assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT);
                assertThat(s.getParentSpanId()).isEqualTo(server.getSpanId());
                assertThat(s.getTraceId()).isEqualTo(server.getTraceId());
              });

      assertThat(client.get("/metrics").send().text())
          .contains("hikaricp_connections_active{pool=\"keel-db\"}")
          .contains("hikaricp_connections_max{pool=\"keel-db\"}");

      // a database that stops answering turns readiness to 503, naming the check
      db.close();
      var down = client.get("/health/ready").send();
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.text()).contains("\"database\"").contains("DOWN");
    }
  }

  record Answer(int answer) {}
}
