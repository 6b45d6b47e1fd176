package dev.keel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.spi.LocalConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How plugins are installed, find each other and share services (ADR 0024). */
class PluginsTest {
  record Counter(List<String> seen) {}

  static final class Metrics implements Plugin {
    final List<String> seen = new ArrayList<>();

    @Override
    public void install(Keel app) {
      app.useOutermost(
          next ->
              ctx -> {
                try {
                  return next.handle(ctx);
                } finally {
                  seen.add(ctx.method() + " " + ctx.path());
                }
              });
      app.provide(Counter.class, new Counter(seen));
    }
  }

  static final class Guard implements Plugin {
    @Override
    public void install(Keel app) {
      app.use(
          next ->
              ctx -> {
                if (ctx.header("Authorization").isEmpty()) throw new Unauthorized("sign in");
                return next.handle(ctx);
              });
    }
  }

  static final class Admin implements Plugin {
    @Override
    public void install(Keel app) {
      app.get("/admin", ctx -> "admin");
    }

    @Override
    public List<Class<? extends Plugin>> requires() {
      return List.of(Guard.class);
    }
  }

  private static Keel app() {
    return Keel.create(Config.builder().defaults(Map.of("keel.server.port", "0")).build());
  }

  @Test
  void outermostMiddlewareSeesWhatOtherMiddlewareEndsEarlyWhateverTheInstallOrder() {
    var metrics = new Metrics();
    Keel app = app().install(new Guard()).install(metrics).get("/x", ctx -> "x");
    try (LocalConnection c = app.connectLocally()) {
      var reply = c.send(new LocalConnection.Request("GET", "/x", Map.of(), new byte[0]));
      assertThat(reply.status()).isEqualTo(401);
    }
    assertThat(metrics.seen).containsExactly("GET /x");
    assertThat(app.routeTable()).startsWith("middleware, outermost first:\n  1. PluginsTest");
  }

  @Test
  void pluginsAreFoundByClassAndServicesByType() {
    var metrics = new Metrics();
    Keel app = app().install(metrics);
    assertThat(app.plugin(Metrics.class)).containsSame(metrics);
    assertThat(app.plugin(Guard.class)).isEmpty();
    assertThat(app.services(Counter.class)).hasSize(1);
    app.provide(Counter.class, new Counter(List.of()));
    assertThat(app.services(Counter.class)).hasSize(2);
    assertThat(app.services(String.class)).isEmpty();
  }

  @Test
  void aPluginIsInstalledOnce() {
    Keel app = app().install(new Metrics());
    assertThatThrownBy(() -> app.install(new Metrics()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Metrics is installed twice; install each plugin once");
  }

  @Test
  void aRequiredPluginMustBeInstalledFirst() {
    assertThatThrownBy(() -> app().install(new Admin()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Admin needs Guard: install it first, e.g. app.install(Guard.create()) before"
                + " app.install(admin)");
    assertThat(app().install(new Guard()).install(new Admin()).plugin(Admin.class)).isPresent();
  }

  @Test
  void nothingIsRegisteredOnceTheApplicationServes() {
    Keel app = app().get("/x", ctx -> "x");
    app.connectLocally().close();
    assertThatThrownBy(() -> app.get("/y", ctx -> "y"))
        .hasMessageStartingWith("the application has started");
    assertThatThrownBy(() -> app.install(new Metrics()))
        .hasMessageStartingWith("the application has started");
    assertThatThrownBy(() -> app.provide(Counter.class, new Counter(List.of())))
        .hasMessageStartingWith("the application has started");
  }
}
