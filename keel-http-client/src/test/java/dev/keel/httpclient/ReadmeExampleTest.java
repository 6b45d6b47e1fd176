package dev.keel.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Keel;
import dev.keel.core.NotFound;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's example, run against a real Keel "users" service; the README quotes it. */
class ReadmeExampleTest {
  public record User(long id, String name) {}

  @Test
  void theReadmeExampleRuns() throws Exception {
    Keel usersService =
        Keel.create("--keel.server.port=0")
            .get(
                "/api/users/{id}",
                ctx -> {
                  long id = Long.parseLong(ctx.pathParam("id"));
                  if (id != 7) throw new NotFound("No user " + id + ".");
                  return new User(7, "Ada");
                })
            .start();
    try {
      URI baseUri = URI.create(usersService.url());
      var meterRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      var openTelemetry = OpenTelemetry.noop();
      // README-START
      ServiceClient users =
          ServiceClient.builder("users", baseUri) // e.g. http://users:8080
              .requestTimeout(Duration.ofSeconds(2))
              .retries(3, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(10))
              .circuitBreaker(50, 20, 10, Duration.ofSeconds(30), 3)
              .bulkhead(32, Duration.ZERO)
              .meterRegistry(meterRegistry) // ops.meterRegistry() with keel-ops
              .openTelemetry(openTelemetry) // ops.openTelemetry() with keel-ops
              .build();

      User ada = users.get("/api/users/" + ServiceRequest.segment(7), User.class);

      try {
        users.get("/api/users/8", User.class);
      } catch (RemoteProblem e) { // uncaught: a 502 problem for your own caller
        int status = e.remoteStatus(); // 404
        String detail = e.remoteProblem().orElseThrow().detail(); // "No user 8."
      }
      // README-END
      assertThat(ada).isEqualTo(new User(7, "Ada"));
      assertThatThrownBy(() -> users.get("/api/users/8", User.class))
          .isInstanceOfSatisfying(
              RemoteProblem.class,
              e -> {
                assertThat(e.remoteStatus()).isEqualTo(404);
                assertThat(e.remoteProblem().orElseThrow().detail()).isEqualTo("No user 8.");
              });
      assertThat(meterRegistry.scrape()).contains("keel_http_client_requests_seconds_count");
      assertThat(Map.of("state", users.circuitState())).containsEntry("state", "CLOSED");
    } finally {
      usersService.stop();
    }
  }

  @Test
  void theReadmeQuotesTheExample() throws Exception {
    String source =
        Files.readString(Path.of("src/test/java/dev/keel/httpclient/ReadmeExampleTest.java"));
    String example =
        source
            .substring(
                source.indexOf("// README-START\n") + 16, source.indexOf("      // README-END"))
            .lines()
            .map(l -> l.length() >= 6 ? l.substring(6) : l.strip())
            .reduce("", (a, b) -> a + b + "\n");
    assertThat(Files.readString(Path.of("README.md"))).contains(example);
  }
}
