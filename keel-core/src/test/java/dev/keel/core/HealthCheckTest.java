package dev.keel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health checks as services, and the drain hook that keel-ops builds on. */
class HealthCheckTest {

  static Keel app() {
    return Keel.create(Config.builder().defaults(Map.of("keel.server.port", "0")).build());
  }

  @Test
  void checksAreKeptInRegistrationOrder() throws Exception {
    var db = HealthCheck.of("database", () -> {});
    var broker = HealthCheck.of("broker", HealthCheck.Probe.LIVENESS, () -> {});
    Keel app = app().provide(HealthCheck.class, db).provide(HealthCheck.class, broker);
    assertThat(app.services(HealthCheck.class)).containsExactly(db, broker);
    assertThat(db.probe()).isEqualTo(HealthCheck.Probe.READINESS);
    assertThat(broker.probe()).isEqualTo(HealthCheck.Probe.LIVENESS);
    assertThat(db.toString()).isEqualTo("HealthCheck[database, READINESS]");
    assertThatThrownBy(() -> HealthCheck.of(" ", () -> {}))
        .hasMessage("health check name must not be blank");
  }

  @Test
  void drainHooksRunWhileThePortStillAnswers() {
    var seen = new ArrayList<Integer>();
    Keel app = app().get("/ping", ctx -> "pong");
    app.onDrain(() -> seen.add(get(app.url() + "/ping")));
    app.onStop(() -> seen.add(-1));
    app.start();
    app.stop();
    assertThat(seen).isEqualTo(List.of(200, -1));
  }

  private static int get(String url) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
