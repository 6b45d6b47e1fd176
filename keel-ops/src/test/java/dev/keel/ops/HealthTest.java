package dev.keel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;
import dev.keel.core.HealthCheck;
import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthTest {

  static Keel app(Map<String, String> settings) {
    var all = new java.util.HashMap<>(settings);
    all.putIfAbsent("keel.server.port", "0");
    all.putIfAbsent("keel.ops.metrics.virtual-threads", "false");
    return Keel.create(Config.builder().defaults(all).build());
  }

  @Test
  void readinessFollowsACheckThatFlipsAndRecoversByItself() {
    var up = new AtomicBoolean(true);
    Keel app =
        app(Map.of())
            .install(Ops.create())
            .provide(
                HealthCheck.class,
                HealthCheck.of(
                    "flaky",
                    () -> {
                      if (!up.get()) throw new IllegalStateException("flaky is switched off");
                    }));
    try (var client = TestClient.inProcess(app)) {
      var ready = client.get("/health/ready").send();
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().get("status").asString()).isEqualTo("UP");
      assertThat(ready.json().get("checks").get(0).get("name").asString()).isEqualTo("flaky");
      assertThat(ready.json().get("checks").get(0).has("durationMs")).isTrue();

      up.set(false);
      var down = client.get("/health/ready").send();
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.json().get("status").asString()).isEqualTo("DOWN");
      assertThat(down.json().get("checks").get(0).get("error").asString())
          .isEqualTo("IllegalStateException: flaky is switched off");
      // a readiness check does not make the process "dead"
      assertThat(client.get("/health/live").send().status()).isEqualTo(200);

      up.set(true);
      assertThat(client.get("/health/ready").send().status()).isEqualTo(200);
    }
  }

  @Test
  void aSlowCheckIsDownAfterTheTimeout() {
    Keel app =
        app(Map.of("keel.ops.health.timeout", "100ms"))
            .install(Ops.create())
            .provide(
                HealthCheck.class,
                HealthCheck.of("stuck", () -> new java.util.concurrent.CountDownLatch(1).await()));
    try (var client = TestClient.inProcess(app)) {
      var r = client.get("/health/ready").send();
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.json().get("checks").get(0).get("error").asString())
          .contains("did not answer within PT0.1S (keel.ops.health.timeout)");
    }
  }

  @Test
  void livenessChecksCountOnlyForLiveness() {
    Keel app =
        app(Map.of())
            .install(Ops.create())
            .provide(
                HealthCheck.class,
                HealthCheck.of(
                    "deadlock",
                    HealthCheck.Probe.LIVENESS,
                    () -> {
                      throw new IllegalStateException("threads deadlocked");
                    }));
    try (var client = TestClient.inProcess(app)) {
      assertThat(client.get("/health/live").send().status()).isEqualTo(503);
      assertThat(client.get("/health/ready").send().status()).isEqualTo(200);
    }
  }

  @Test
  void pathsAreConfigurable() {
    Keel app =
        app(Map.of("keel.ops.health.live-path", "/livez", "keel.ops.health.ready-path", "/readyz"))
            .install(Ops.create());
    try (var client = TestClient.inProcess(app)) {
      assertThat(client.get("/livez").send().status()).isEqualTo(200);
      assertThat(client.get("/readyz").send().status()).isEqualTo(200);
      assertThat(client.get("/health/live").send().status()).isEqualTo(404);
    }
  }

  @Test
  void readinessFailsWhileDrainingAndTheAppStillAnswers() throws Exception {
    var ops = Ops.builder().build();
    var release = new java.util.concurrent.CountDownLatch(1);
    var entered = new java.util.concurrent.CountDownLatch(1);
    Keel app =
        app(Map.of("keel.ops.management.port", "0", "keel.ops.management.host", "127.0.0.1"))
            .install(ops)
            .get(
                "/slow",
                ctx -> {
                  entered.countDown();
                  release.await();
                  return "done";
                });
    app.start();
    var http = java.net.http.HttpClient.newHttpClient();
    var ready = java.net.URI.create("http://127.0.0.1:" + ops.managementPort() + "/health/ready");
    assertThat(get(http, ready)).isEqualTo(200);
    var slow =
        http.sendAsync(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url() + "/slow")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    entered.await();
    Thread stopper = Thread.ofPlatform().start(app::stop);
    // readiness on the management port turns 503 while the slow request is still running
    long deadline = System.nanoTime() + 10_000_000_000L;
    int status = 200;
    while (status == 200 && System.nanoTime() < deadline) {
      status = get(http, ready);
    }
    assertThat(status).isEqualTo(503);
    assertThat(ops.draining()).isTrue();
    release.countDown();
    assertThat(slow.get().body()).isEqualTo("done");
    stopper.join();
  }

  private static int get(java.net.http.HttpClient http, java.net.URI uri) throws Exception {
    return http.send(
            java.net.http.HttpRequest.newBuilder(uri).build(),
            java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
