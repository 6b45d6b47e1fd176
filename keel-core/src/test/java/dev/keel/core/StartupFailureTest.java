package dev.keel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A start-up that fails closes what it opened and says why in one message. */
class StartupFailureTest {

  private static String printed(Throwable e) {
    var out = new ByteArrayOutputStream();
    e.printStackTrace(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aTakenPortClosesResourcesAndNamesHostPortAndSetting() throws Exception {
    List<String> closed = new CopyOnWriteArrayList<>();
    try (var taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Keel app =
          Keel.create("--keel.server.host=127.0.0.1", "--keel.server.port=" + port)
              .onStop(() -> closed.add("pool"))
              .get("/", ctx -> "ok");
      assertThatThrownBy(app::start)
          .isInstanceOf(StartupException.class)
          .hasMessage(
              "Keel could not listen on 127.0.0.1:"
                  + port
                  + " because another process uses that port; stop it, or choose another port"
                  + " with KEEL_SERVER_PORT (keel.server.port).")
          .satisfies(
              e ->
                  assertThat(printed(e))
                      .isEqualTo("dev.keel.core.StartupException: " + e.getMessage() + "\n"));
      assertThat(closed).containsExactly("pool");
      assertThatThrownBy(app::port).isInstanceOf(IllegalStateException.class);
      app.stop(); // a second stop after the failed start does nothing
      assertThat(closed).containsExactly("pool");
    }
  }

  @Test
  void aFailingStartHookClosesWhatEarlierHooksOpenedAndNeverOpensThePort() {
    List<String> events = new CopyOnWriteArrayList<>();
    Keel app = Keel.create("--keel.server.port=0");
    app.onStart(() -> events.add("pool opened"));
    app.onStop(() -> events.add("pool closed"));
    app.onStart(
        () -> {
          throw new StartupException("the database \"shop\" does not exist; createdb shop");
        });
    app.onStart(() -> events.add("never"));
    assertThatThrownBy(app::start)
        .isInstanceOf(StartupException.class)
        .hasMessage("the database \"shop\" does not exist; createdb shop");
    assertThat(events).containsExactly("pool opened", "pool closed");
    assertThatThrownBy(app::port).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void startHooksRunAfterTheConfigurationIsValidated() {
    List<String> events = new CopyOnWriteArrayList<>();
    Keel app =
        Keel.create(Config.builder().args("--keel.server.port=0", "--keel.servr.h2c=false").build())
            .onStart(() -> events.add("side effect"));
    assertThatThrownBy(app::start)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("did you mean keel.server.h2c?")
        .satisfies(e -> assertThat(printed(e)).doesNotContain("\tat "));
    assertThat(events).isEmpty();
  }

  @Test
  void theCauseStaysAvailableForLoggersAndCode() {
    var cause = new java.io.IOException("bind(..) failed with error(-98): Address already in use");
    var e = new StartupException("Keel could not listen on 0.0.0.0:8080 ...", cause);
    assertThat(e.getCause()).isSameAs(cause);
    assertThat(e.getStackTrace()).isEmpty();
    assertThat(printed(e)).doesNotContain("IOException");
  }
}
