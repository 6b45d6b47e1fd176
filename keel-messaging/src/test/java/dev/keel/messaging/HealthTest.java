package dev.keel.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.HealthCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HealthTest {
  @ParameterizedTest
  @EnumSource(
      value = Brokers.class,
      names = {"NATS", "RABBITMQ"})
  void theReadinessCheckFollowsTheBrokerConnection(Brokers broker) throws Exception {
    var app = TestApp.start(null, broker.messaging());
    HealthCheck check =
        app.app.services(HealthCheck.class).stream()
            .filter(c -> c.name().equals("messaging"))
            .findFirst()
            .orElseThrow();
    check.check(); // connected
    app.close();
    assertThatThrownBy(check::check).hasMessage("messaging is not started");
    assertThat(check.probe()).isEqualTo(HealthCheck.Probe.READINESS);
  }
}
