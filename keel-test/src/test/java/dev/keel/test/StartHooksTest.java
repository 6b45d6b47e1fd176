package dev.keel.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Plugins connect in {@code onStart} hooks: the in-process client runs them, once, before its first
 * request, as {@code start()} does before the port opens.
 */
class StartHooksTest {

  @Test
  void theInProcessClientRunsStartHooksOnceBeforeTheFirstRequest() {
    var runs = new AtomicInteger();
    var connected = new java.util.concurrent.atomic.AtomicBoolean();
    Keel app =
        Keel.create("--keel.server.port=0")
            .onStart(
                () -> {
                  runs.incrementAndGet();
                  connected.set(true);
                })
            .get("/", ctx -> connected.get() ? "connected" : "not connected");
    try (var client = TestClient.inProcess(app)) {
      assertThat(client.get("/").send().text()).isEqualTo("connected");
      assertThat(client.get("/").send().text()).isEqualTo("connected");
    }
    assertThat(runs).hasValue(1);
  }
}
