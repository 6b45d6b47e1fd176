package dev.keel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoppingHookTest {

  @Test
  void stoppingHooksRunBeforeTheServerStopsAndResourcesClose() {
    List<String> order = new ArrayList<>();
    Keel app = Keel.create("--keel.server.port=0");
    app.onStopping(() -> order.add("stopping, port still " + (app.port() > 0 ? "bound" : "?")));
    app.onStopping(
        () -> {
          throw new IllegalStateException("a failing hook does not stop the others");
        });
    app.onStopping(() -> order.add("second stopping hook"));
    app.onStop(() -> order.add("resource closed"));
    app.start();
    app.stop();
    assertThat(order)
        .containsExactly("stopping, port still bound", "second stopping hook", "resource closed");
  }
}
