package dev.keel.test.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.keel.core.Keel;
import dev.keel.core.RequestId;
import dev.keel.test.TestClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class RequestIdTest {
  static final String HANDLER_LOG = "dev.keel.test.middleware.handler";

  /** What the MDC held after the request id middleware returned, seen by an outer middleware. */
  final List<String> mdcAfter = new CopyOnWriteArrayList<>();

  Keel app() {
    var handlerLog = LoggerFactory.getLogger(HANDLER_LOG);
    return Transports.app()
        .use(
            next ->
                ctx -> {
                  try {
                    return next.handle(ctx);
                  } finally {
                    mdcAfter.add(String.valueOf(MDC.get(RequestId.MDC_KEY)));
                  }
                })
        .use(RequestId.middleware())
        .get(
            "/id",
            ctx -> {
              handlerLog.info("handling");
              return ctx.requestId() + "|" + MDC.get(RequestId.MDC_KEY);
            })
        .get(
            "/boom",
            ctx -> {
              throw new IllegalStateException("broken");
            });
  }

  static List<Function<Keel, TestClient>> transports() {
    return Transports.all().toList();
  }

  @ParameterizedTest
  @MethodSource("transports")
  void generatesAnIdWhenNoneIsSent(Function<Keel, TestClient> transport) {
    try (var log = LogCapture.of(HANDLER_LOG);
        var client = transport.apply(app())) {
      var r = client.get("/id").send();
      String id = r.header(RequestId.HEADER).orElseThrow();
      assertThat(id).matches("[0-9a-f]{16}");
      assertThat(r.text()).isEqualTo(id + "|" + id); // ctx.requestId() and the MDC agree
      ILoggingEvent event = log.events().getFirst();
      assertThat(event.getMDCPropertyMap()).containsEntry(RequestId.MDC_KEY, id);
      assertThat(mdcAfter).containsExactly("null"); // removed once the chain returned
      assertThat(client.get("/id").send().header(RequestId.HEADER))
          .hasValueSatisfying(next -> assertThat(next).isNotEqualTo(id)); // one per request
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void acceptsAValidIncomingId(Function<Keel, TestClient> transport) {
    try (var log = LogCapture.of(HANDLER_LOG);
        var client = transport.apply(app())) {
      String incoming = "Gw-7.edge_42";
      var r = client.get("/id").header("X-Request-Id", incoming).send();
      assertThat(r.header(RequestId.HEADER)).contains(incoming);
      assertThat(r.text()).isEqualTo(incoming + "|" + incoming);
      assertThat(log.events().getFirst().getMDCPropertyMap())
          .containsEntry(RequestId.MDC_KEY, incoming);
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void replacesAnInvalidIncomingId(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app())) {
      for (String invalid : List.of("has space", "semi;colon", "new%0Aline", "\"quoted\"", "a/b")) {
        var r = client.get("/id").header("X-Request-Id", invalid).send();
        String id = r.header(RequestId.HEADER).orElseThrow();
        assertThat(id).as("replacing %s", invalid).matches("[0-9a-f]{16}");
        assertThat(r.text()).isEqualTo(id + "|" + id);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void replacesAnOverlongIncomingId(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app())) {
      var ok = client.get("/id").header("X-Request-Id", "x".repeat(128)).send();
      assertThat(ok.header(RequestId.HEADER)).contains("x".repeat(128));
      var tooLong = client.get("/id").header("X-Request-Id", "x".repeat(129)).send();
      assertThat(tooLong.header(RequestId.HEADER).orElseThrow()).matches("[0-9a-f]{16}");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void errorResponsesCarryTheIdTheErrorLogNames(Function<Keel, TestClient> transport) {
    try (var errors = LogCapture.of("dev.keel.core.errors");
        var client = transport.apply(app())) {
      var r = client.get("/boom").header("X-Request-Id", "caller-1").send();
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.header(RequestId.HEADER)).contains("caller-1");
      assertThat(errors.messages()).singleElement().asString().contains("request id caller-1");
      var missing = client.get("/nothing").send();
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.header(RequestId.HEADER)).isPresent();
      assertThat(mdcAfter).containsExactly("null", "null");
    }
  }
}
