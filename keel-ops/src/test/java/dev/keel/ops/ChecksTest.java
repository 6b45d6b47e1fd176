package dev.keel.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.HealthCheck;
import dev.keel.test.TestClient;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against the machine's real Redis (6379) and NATS (4222). */
class ChecksTest {

  @Test
  void redisAndNatsAreUp() throws Exception {
    Checks.redis("127.0.0.1", 6379).check();
    Checks.nats("127.0.0.1", 4222).check();
  }

  @Test
  void aServerThatIsNotThereIsDown() throws Exception {
    int closed;
    try (var s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    assertThatThrownBy(() -> Checks.redis("127.0.0.1", closed).check())
        .hasMessageContaining("Connection refused");
  }

  @Test
  void theyShowInReadiness() {
    var app =
        HealthTest.app(Map.of())
            .install(Ops.create())
            .provide(HealthCheck.class, Checks.redis("127.0.0.1", 6379))
            .provide(HealthCheck.class, Checks.nats("127.0.0.1", 4222));
    try (var client = TestClient.inProcess(app)) {
      var r = client.get("/health/ready").send();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().get("checks").size()).isEqualTo(2);
    }
  }
}
