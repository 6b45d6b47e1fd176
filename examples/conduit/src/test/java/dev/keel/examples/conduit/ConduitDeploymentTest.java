package dev.keel.examples.conduit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Conduit starts in the prod profile with the settings of {@code deploy/conduit/deployment.yaml}
 * (secrets filled in, the database an SQLite file migrated first as {@code ./keel db migrate}
 * would): the API answers, and the management port serves readiness with the database check.
 */
class ConduitDeploymentTest {
  @TempDir Path dir;

  @Test
  void theDeploymentsSettingsStartConduitInProd() throws Exception {
    JsonNode container =
        YAMLMapper.builder()
            .build()
            .readTree(Path.of("../../deploy/conduit/deployment.yaml").toFile())
            .at("/spec/template/spec/containers/0");
    Map<String, String> env = new HashMap<>();
    container
        .get("env")
        .forEach(e -> env.put(e.get("name").asString(), e.path("value").asString("")));
    assertThat(env)
        .containsKeys("KEEL_DB_URL", "KEEL_SECURITY_JWT_SECRET", "KEEL_OPS_MANAGEMENT_TOKEN");
    env.keySet().removeIf(k -> k.startsWith("OTEL_")); // no collector here
    String db = "jdbc:sqlite:" + dir.resolve("conduit.db");
    byte[] secret = new byte[48];
    new SecureRandom().nextBytes(secret);
    int management = freePort();
    env.put("KEEL_DB_URL", db);
    env.put("KEEL_SECURITY_JWT_SECRET", Base64.getEncoder().encodeToString(secret));
    env.put("KEEL_OPS_MANAGEMENT_TOKEN", "a-management-token-of-enough-length-1234");
    env.put("KEEL_OPS_MANAGEMENT_PORT", Integer.toString(management));
    env.put("KEEL_SERVER_PORT", "0");
    try (Database migrations = Database.connect(db)) {
      migrations.migrate(); // prod does not migrate at start-up
    }

    Keel app = ConduitApp.app(Config.builder().environment(env).build(), false).start();
    try (HttpClient http = HttpClient.newHttpClient()) {
      assertThat(app.config().profile()).isEqualTo("prod");
      var register =
          http.send(
              HttpRequest.newBuilder(URI.create(app.url() + "/api/users"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"user\":{\"username\":\"ann\",\"email\":\"ann@example.com\","
                              + "\"password\":\"secret-123\"}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(register.statusCode()).as(register.body()).isEqualTo(201);
      var ready =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/health/ready"))
                  .header("Authorization", "Bearer a-management-token-of-enough-length-1234")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
      assertThat(ready.body()).contains("database");
    } finally {
      app.stop();
    }
  }

  private static int freePort() throws Exception {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
