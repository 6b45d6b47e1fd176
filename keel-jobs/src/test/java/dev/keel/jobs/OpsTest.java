package dev.keel.jobs;

import static dev.keel.jobs.JobsTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.db.Dialect;
import dev.keel.ops.Ops;
import dev.keel.test.TestClient;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With keel-ops installed: a run's span continues the enqueuing request's trace; metrics. */
class OpsTest {
  record Work(int n) {}

  @Test
  void aJobRunsInTheTraceOfTheRequestThatEnqueuedItAndIsCounted() throws Exception {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (var sdk =
            OpenTelemetrySdk.builder()
                .setTracerProvider(
                    SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        var db = TestDatabase.create(Dialect.SQLITE)) {
      Ops ops = Ops.builder().openTelemetry(sdk).build();
      Jobs jobs =
          Jobs.create()
              .handle(
                  Work.class,
                  (job, ctx) -> {
                    if (job.n() < 0) throw new IllegalArgumentException("negative");
                  });
      Keel app =
          Keel.create(
                  Config.builder()
                      .defaults(
                          Map.of(
                              "keel.db.url", db.url,
                              "keel.jobs.poll-interval", "50ms",
                              "keel.jobs.backoff", "10ms"))
                      .build())
              .install(ops)
              .install(Database.create())
              .install(jobs)
              .post("/work", ctx -> Map.of("id", jobs.enqueue(new Work(1))));
      try (var client = TestClient.inProcess(app)) {
        assertThat(client.post("/work").send().status()).isEqualTo(200);
        jobs.enqueue(new Work(-1), JobOptions.defaults().maxAttempts(2));
        waitFor(
            () ->
                exporter.getFinishedSpanItems().stream()
                    .anyMatch(s -> s.getName().equals("job OpsTest$Work")));
        SpanData server =
            exporter.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER)
                .findFirst()
                .orElseThrow();
        SpanData run =
            exporter.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("job OpsTest$Work"))
                .findFirst()
                .orElseThrow();
        assertThat(run.getTraceId()).isEqualTo(server.getTraceId());
        assertThat(run.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(run.getKind()).isEqualTo(SpanKind.CONSUMER);

        waitFor(() -> !jobs.failed(5).isEmpty());
        var registry = ops.meterRegistry();
        waitFor(() -> registry.find("keel.jobs.runs").tag("outcome", "failed").counter() != null);
        assertThat(registry.get("keel.jobs.runs").tag("outcome", "success").counter().count())
            .isEqualTo(1);
        assertThat(registry.get("keel.jobs.runs").tag("outcome", "retry").counter().count())
            .isEqualTo(1);
        assertThat(registry.get("keel.jobs.duration").tag("outcome", "success").timer().count())
            .isEqualTo(1);
        assertThat(registry.get("keel.jobs.start.delay").timer().count()).isEqualTo(3);
        waitFor(() -> registry.find("keel.jobs.queue.depth").gauges().size() == 1, 10);
        String scrape = client.get("/metrics").send().text();
        assertThat(scrape).contains("keel_jobs_runs_total").contains("keel_jobs_queue_depth");
      } finally {
        app.stop();
      }
    }
  }
}
