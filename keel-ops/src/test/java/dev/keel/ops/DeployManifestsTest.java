package dev.keel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** deploy/conduit cannot be deployed here; its structure and settings are checked instead. */
class DeployManifestsTest {
  static final Path DIR = Path.of("").toAbsolutePath().getParent().resolve("deploy/conduit");
  static final YAMLMapper YAML = YAMLMapper.builder().build();

  static JsonNode read(String name) throws IOException {
    return YAML.readTree(Files.readString(DIR.resolve(name)));
  }

  @Test
  void deploymentHasProbesResourcesAndGracefulTermination() throws IOException {
    JsonNode d = read("deployment.yaml");
    assertThat(d.get("apiVersion").asString()).isEqualTo("apps/v1");
    assertThat(d.get("kind").asString()).isEqualTo("Deployment");
    JsonNode spec = d.get("spec");
    assertThat(spec.get("selector").get("matchLabels"))
        .isEqualTo(spec.get("template").get("metadata").get("labels"));
    JsonNode pod = spec.get("template").get("spec");
    JsonNode container = pod.get("containers").get(0);

    Set<String> portNames = new HashSet<>();
    container.get("ports").forEach(p -> portNames.add(p.get("name").asString()));
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      JsonNode get = container.get(probe).get("httpGet");
      assertThat(get).as(probe).isNotNull();
      assertThat(portNames).as(probe + " port").contains(get.get("port").asString());
    }
    assertThat(container.get("readinessProbe").get("httpGet").get("path").asString())
        .isEqualTo("/health/ready");
    assertThat(container.get("livenessProbe").get("httpGet").get("path").asString())
        .isEqualTo("/health/live");
    JsonNode resources = container.get("resources");
    assertThat(resources.get("requests").has("cpu")).isTrue();
    assertThat(resources.get("requests").has("memory")).isTrue();
    assertThat(resources.get("limits").has("memory")).isTrue();

    Map<String, String> env = env(container);
    Duration grace = Duration.parse("PT" + env.get("KEEL_SERVER_SHUTDOWN_GRACE").toUpperCase());
    Duration drain = Duration.parse("PT" + env.get("KEEL_OPS_HEALTH_DRAIN_DELAY").toUpperCase());
    assertThat(pod.get("terminationGracePeriodSeconds").asLong())
        .as("Kubernetes must wait longer than Keel drains")
        .isGreaterThan(grace.plus(drain).toSeconds());
  }

  @Test
  void theDeploymentsKeelSettingsAreRealSettings() throws IOException {
    Map<String, String> env =
        new HashMap<>(env(read("deployment.yaml").at("/spec/template/spec/containers/0")));
    env.remove("KEEL_DB_URL"); // keel-db's and keel-security's, which this module does not install;
    env.remove("KEEL_SECURITY_JWT_SECRET"); // ConduitDeploymentTest boots Conduit with all of them
    env.put("KEEL_OPS_MANAGEMENT_PORT", "0");
    env.put("KEEL_SERVER_PORT", "0");
    Keel app = Keel.create(Config.builder().environment(env).build()).install(Ops.create());
    try (var client = TestClient.inProcess(app)) {
      // an unknown or malformed KEEL_* key would fail here, as it fails start-up
      assertThat(client.get("/anything").send().status()).isEqualTo(404);
    }
  }

  @Test
  void serviceAndAutoscalerPointAtTheDeployment() throws IOException {
    JsonNode d = read("deployment.yaml");
    JsonNode labels = d.at("/spec/template/metadata/labels");
    Set<String> portNames = new HashSet<>();
    d.at("/spec/template/spec/containers/0/ports")
        .forEach(p -> portNames.add(p.get("name").asString()));

    JsonNode s = read("service.yaml");
    assertThat(s.get("kind").asString()).isEqualTo("Service");
    s.at("/spec/selector")
        .properties()
        .forEach(e -> assertThat(labels.get(e.getKey())).isEqualTo(e.getValue()));
    s.at("/spec/ports")
        .forEach(p -> assertThat(portNames).contains(p.get("targetPort").asString()));

    JsonNode h = read("hpa.yaml");
    assertThat(h.get("apiVersion").asString()).isEqualTo("autoscaling/v2");
    assertThat(h.get("kind").asString()).isEqualTo("HorizontalPodAutoscaler");
    assertThat(h.at("/spec/scaleTargetRef/kind").asString()).isEqualTo("Deployment");
    assertThat(h.at("/spec/scaleTargetRef/name").asString())
        .isEqualTo(d.at("/metadata/name").asString());
    assertThat(h.at("/spec/minReplicas").asInt())
        .isPositive()
        .isLessThanOrEqualTo(h.at("/spec/maxReplicas").asInt());
    assertThat(h.at("/spec/metrics").size()).isPositive();
  }

  @Test
  void dockerfileRunsThePackagedScriptAsANonRootUser() throws IOException {
    List<String> lines =
        Files.readAllLines(DIR.resolve("Dockerfile")).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    assertThat(lines.getFirst()).startsWith("FROM ");
    assertThat(lines).contains("ENTRYPOINT [\"/app/bin/conduit\"]");
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("USER (?!root).+"));
    assertThat(lines).contains("EXPOSE 8080 9090");
  }

  private static Map<String, String> env(JsonNode container) {
    var out = new HashMap<String, String>();
    container
        .get("env")
        .forEach(
            e ->
                out.put(
                    e.get("name").asString(),
                    e.has("value") ? e.get("value").asString() : "from-a-secret"));
    return out;
  }
}
