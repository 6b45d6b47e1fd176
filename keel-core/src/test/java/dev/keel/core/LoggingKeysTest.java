package dev.keel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggingKeysTest {

  @Test
  void logLevelAndFormatAreKnownEvenWithoutKeelOps() {
    // KEEL_LOG_LEVEL is read by the logging set-up before the app exists; start-up must accept it.
    Config config =
        Config.builder()
            .args("--keel.server.port=0")
            .environment(Map.of("KEEL_LOG_LEVEL", "debug", "KEEL_LOG_FORMAT", "json"))
            .build();
    Keel app = Keel.create(config).get("/", ctx -> "ok").start();
    try {
      assertThat(app.port()).isPositive();
    } finally {
      app.stop();
    }
  }
}
