package dev.keel.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.ConfigException;
import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManagementTest {

  @Test
  void prodRequiresTheTokenForMetricsAndHealthDetails() {
    Keel app =
        HealthTest.app(Map.of("keel.profile", "prod", "keel.ops.management.token", "s3cret"))
            .install(Ops.create());
    try (var client = TestClient.inProcess(app)) {
      var denied = client.get("/metrics").send();
      assertThat(denied.status()).isEqualTo(401);
      assertThat(denied.header("WWW-Authenticate")).contains("Bearer realm=\"keel-ops\"");
      assertThat(denied.json().get("type").asString())
          .isEqualTo("https://keel.dev/problems/management-token");
      assertThat(denied.text()).doesNotContain("jvm_");
      assertThat(client.get("/metrics").header("Authorization", "Bearer wrong").send().status())
          .isEqualTo(401);
      assertThat(client.get("/metrics").header("Authorization", "Bearer s3cret").send().status())
          .isEqualTo(200);

      // probes answer anyone (orchestrators must reach them), but only with the status
      var probe = client.get("/health/ready").send();
      assertThat(probe.status()).isEqualTo(200);
      assertThat(probe.text()).isEqualTo("{\"status\":\"UP\"}");
      var detailed = client.get("/health/ready").header("Authorization", "Bearer s3cret").send();
      assertThat(detailed.json().has("checks")).isTrue();
    }
  }

  @Test
  void prodWithoutATokenRefusesToStartUnlessAdminIsOnLoopbackOnly() {
    Keel open = HealthTest.app(Map.of("keel.profile", "prod")).install(Ops.create());
    assertThatThrownBy(open::start)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("keel.ops.management.token")
        .hasMessageContaining("KEEL_OPS_MANAGEMENT_HOST=127.0.0.1");

    var ops = Ops.create();
    Keel local =
        HealthTest.app(
                Map.of(
                    "keel.profile", "prod",
                    "keel.ops.management.port", "0",
                    "keel.ops.management.host", "127.0.0.1"))
            .install(ops);
    try (var client = TestClient.overSocket(local)) {
      assertThat(client.get("/metrics").send().status()).isEqualTo(404); // not on the app port
      var http = HttpClient.newHttpClient();
      var r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + ops.managementPort() + "/metrics"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("http_server_requests_seconds_count");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
