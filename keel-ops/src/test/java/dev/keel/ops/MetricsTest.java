package dev.keel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.core.Problem;
import dev.keel.test.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

  static final class Teapot extends RuntimeException {}

  @Test
  void requestsAreTimedByRouteTemplateNeverByRawPath() {
    var ops = Ops.create();
    Keel app =
        HealthTest.app(Map.of())
            .install(ops)
            .get("/articles/{slug}", ctx -> Map.of("slug", ctx.pathParam("slug")))
            .get(
                "/boom",
                ctx -> {
                  throw new Teapot();
                })
            .exception(Teapot.class, e -> Problem.of(418, "I am a teapot."));
    try (var client = TestClient.inProcess(app)) {
      client.get("/articles/one").send();
      client.get("/articles/two").send();
      client.get("/no/such/page-123").send();
      client.get("/boom").send();
      client.delete("/articles/x").send();
      ops.meterRegistry().counter("greetings_sent", "lang", "en").increment(3);

      var r = client.get("/metrics").send();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
      String text = r.text();
      assertThat(text)
          .contains(
              "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",route=\"/articles/{slug}\",status=\"200\"} 2")
          .contains(
              "http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",route=\"NOT_FOUND\",status=\"404\"} 1")
          // the status an exception mapping chose, not a guess
          .contains(
              "http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",route=\"/boom\",status=\"418\"} 1")
          .contains(
              "http_server_requests_seconds_count{method=\"DELETE\",outcome=\"CLIENT_ERROR\",route=\"UNMATCHED\",status=\"405\"} 1")
          .contains("greetings_sent_total{lang=\"en\"} 3.0")
          .contains("jvm_memory_used_bytes")
          .contains("jvm_gc_")
          .contains("jvm_threads_live_threads")
          .doesNotContain("page-123")
          .doesNotContain("/articles/one");
    }
  }

  @Test
  void openMetricsWhenAsked() {
    Keel app = HealthTest.app(Map.of()).install(Ops.create());
    try (var client = TestClient.inProcess(app)) {
      var r = client.get("/metrics").header("Accept", "application/openmetrics-text").send();
      assertThat(r.header("Content-Type").orElseThrow()).startsWith("application/openmetrics-text");
      assertThat(r.text()).endsWith("# EOF\n");
    }
  }

  @Test
  void virtualThreadMetricsWhenEnabled() {
    Keel app =
        HealthTest.app(Map.of("keel.ops.metrics.virtual-threads", "true")).install(Ops.create());
    try (var client = TestClient.inProcess(app)) {
      assertThat(client.get("/metrics").send().text()).contains("jvm_threads_virtual_");
    }
  }

  @Test
  void metricsCanBeTurnedOff() {
    Keel app = HealthTest.app(Map.of("keel.ops.metrics.enabled", "false")).install(Ops.create());
    try (var client = TestClient.inProcess(app)) {
      assertThat(client.get("/metrics").send().status()).isEqualTo(404);
    }
  }
}
