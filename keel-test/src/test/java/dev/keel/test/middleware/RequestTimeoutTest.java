package dev.keel.test.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import dev.keel.core.ConfigException;
import dev.keel.core.Handler;
import dev.keel.core.Keel;
import dev.keel.core.RequestTimeout;
import dev.keel.test.TestClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequestTimeoutTest {
  /** What handlers and the outer middleware observed, in order. */
  final Queue<String> seen = new ConcurrentLinkedQueue<>();

  Keel app(RequestTimeout timeout) {
    return routes(Transports.app(), timeout);
  }

  Keel routes(Keel app, RequestTimeout timeout) {
    return app.use(
            next ->
                ctx -> {
                  try {
                    return next.handle(ctx);
                  } finally {
                    if (Thread.currentThread().isInterrupted()) seen.add("interrupt leaked");
                  }
                })
        .use(timeout)
        .get(
            "/sleep",
            ctx -> {
              try {
                Thread.sleep(10_000);
                return "woke up";
              } catch (InterruptedException e) {
                seen.add("interrupted");
                throw e;
              }
            })
        .get(
            "/stubborn",
            ctx -> {
              long until = System.nanoTime() + 400_000_000L;
              while (System.nanoTime() < until) Thread.onSpinWait(); // ignores interrupts
              seen.add("stubborn done, interrupted=" + Thread.currentThread().isInterrupted());
              ctx.status(201);
              return "finished anyway";
            })
        .get(
            "/fast",
            ctx -> {
              Thread.sleep(5);
              return "fast";
            })
        .get(
            "/loop",
            Handler.nonBlocking(
                ctx -> {
                  long until = System.nanoTime() + 300_000_000L;
                  while (System.nanoTime() < until) Thread.onSpinWait();
                  return "event loop, interrupted=" + Thread.currentThread().isInterrupted();
                }));
  }

  static List<Function<Keel, TestClient>> transports() {
    return Transports.all().toList();
  }

  @ParameterizedTest
  @MethodSource("transports")
  void aSlowHandlerIsInterruptedAndAnswers503(Function<Keel, TestClient> transport) {
    try (var log = LogCapture.of(RequestTimeout.class);
        var client = transport.apply(app(RequestTimeout.of(Duration.ofMillis(200))))) {
      long start = System.nanoTime();
      var r = client.get("/sleep").send();
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.header("Content-Type")).contains("application/problem+json");
      assertThat(r.json().get("detail").asString())
          .isEqualTo(
              "The request took longer than 200 ms and was stopped; try again later, or ask for"
                  + " less at once.");
      assertThat(tookMs).isBetween(150L, 5_000L);
      assertThat(seen).containsExactly("interrupted"); // and the flag did not leak outwards
      String warning = log.messages().getFirst();
      assertThat(warning)
          .startsWith("GET /sleep (request id ")
          .endsWith("took longer than 200 ms; its thread was interrupted");
      IThrowableProxy where = log.events().getFirst().getThrowableProxy();
      assertThat(Arrays.stream(where.getStackTraceElementProxyArray()))
          .map(StackTraceElementProxy::getSTEAsString)
          .anyMatch(frame -> frame.contains("Thread.sleep"));
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void workThatIgnoresInterruptsStillEndsIn503(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app(RequestTimeout.of(Duration.ofMillis(100))))) {
      var r = client.get("/stubborn").send();
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.text()).doesNotContain("finished anyway");
      assertThat(seen).containsExactly("stubborn done, interrupted=true");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void fastHandlersAreUntouched(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app(RequestTimeout.of(Duration.ofSeconds(2))))) {
      for (int i = 0; i < 20; i++) {
        var r = client.get("/fast").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("fast");
      }
      assertThat(seen).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void nonBlockingRoutesAreNeverInterrupted(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app(RequestTimeout.of(Duration.ofMillis(50))))) {
      var r = client.get("/loop").send();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.text()).isEqualTo("event loop, interrupted=false");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void theLimitComesFromConfig(Function<Keel, TestClient> transport) {
    Keel app = Transports.app("--keel.server.request-timeout=150ms");
    try (var client = transport.apply(routes(app, RequestTimeout.from(app.config())))) {
      var r = client.get("/sleep").send();
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.json().get("detail").asString())
          .isEqualTo(
              "The request took longer than 150 ms and was stopped"
                  + " (keel.server.request-timeout); try again later, or ask for less at once.");
    }
  }

  @Test
  void aLimitMustBePositive() {
    assertThatThrownBy(() -> RequestTimeout.of(Duration.ZERO))
        .hasMessage("request timeout PT0S must be positive, e.g. Duration.ofSeconds(30)");
    assertThat(RequestTimeout.from(Transports.app().config()).limit())
        .isEqualTo(Duration.ofSeconds(30));
    Keel app = Transports.app("--keel.server.request-timeout=0s");
    app.use(RequestTimeout.from(app.config()));
    assertThatThrownBy(app::start)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("keel.server.request-timeout = \"0s\"")
        .hasMessageContaining("expected a positive duration such as 30s");
  }
}
