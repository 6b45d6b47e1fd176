package dev.keel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;
import dev.keel.core.HealthCheck;
import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import io.micrometer.core.instrument.Counter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example of keel-ops/README.md, compiled and run. */
class ReadmeExampleTest {

  // README: begin
  static Keel app(Config config) {
    Ops ops = Ops.create(); // health, metrics, tracing, request ids, access log
    Counter greetings = ops.meterRegistry().counter("greetings"); // your own meters
    return Keel.create(config)
        .install(ops) // install first: its middleware wraps every request
        .provide(HealthCheck.class, Checks.redis("127.0.0.1", 6379)) // readiness follows Redis
        .provide(HealthCheck.class, HealthCheck.of("disk", () -> checkDiskSpace()))
        .get(
            "/hello/{name}",
            ctx -> {
              greetings.increment();
              return Map.of("greeting", "Hello, " + ctx.pathParam("name") + "!");
            });
  }

  static void checkDiskSpace() {
    if (new java.io.File(".").getUsableSpace() < 10_000_000) {
      throw new IllegalStateException("less than 10 MB of disk left");
    }
  }

  // README: end

  @Test
  void theReadmeExampleRuns() {
    Keel app = app(Config.builder().defaults(Map.of("keel.server.port", "0")).build());
    try (var client = TestClient.overSocket(app)) {
      assertThat(client.get("/hello/ops").send().status()).isEqualTo(200);
      var ready = client.get("/health/ready").send();
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.text()).contains("\"name\":\"redis\"", "\"name\":\"disk\"");
      assertThat(client.get("/metrics").send().text())
          .contains("greetings_total 1.0")
          .contains("route=\"/hello/{name}\"");
    }
  }
}
