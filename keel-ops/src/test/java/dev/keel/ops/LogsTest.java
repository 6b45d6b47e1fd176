package dev.keel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What reaches the console: every event through the encoder Keel configured. */
class LogsTest {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private Capture capture;

  final class Capture extends AppenderBase<ILoggingEvent> {
    private final Encoder<ILoggingEvent> encoder;

    Capture(Encoder<ILoggingEvent> encoder) {
      this.encoder = encoder;
    }

    @Override
    protected void append(ILoggingEvent e) {
      lines.add(new String(encoder.encode(e), StandardCharsets.UTF_8));
    }
  }

  @BeforeEach
  @SuppressWarnings("unchecked")
  void capture() {
    var context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    var console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("console");
    capture = new Capture(console.getEncoder());
    capture.setContext(context);
    capture.start();
    root.addAppender(capture);
  }

  @AfterEach
  void release() {
    var context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(capture);
  }

  @Test
  void secretsNeverReachTheLog() {
    var log = LoggerFactory.getLogger("app.login");
    Keel app =
        HealthTest.app(Map.of())
            .install(Ops.create())
            .post(
                "/login",
                ctx -> {
                  log.info("login body {}", ctx.bodyText());
                  log.info("Authorization: {}", ctx.header("Authorization").orElseThrow());
                  log.info("Cookie: {}", ctx.header("Cookie").orElseThrow());
                  log.atInfo().addKeyValue("password", "kv-secret-111").log("kv");
                  throw new IllegalStateException("login failed for password=exc-secret-222");
                });
    try (var client = TestClient.inProcess(app)) {
      var r =
          client
              .post("/login")
              .query("password", "query-secret-333")
              .header("Authorization", "Bearer header-secret-444")
              .header("Cookie", "session=cookie-secret-555")
              .body("{\"user\":\"ann\",\"password\":\"body-secret-666\"}", "application/json")
              .send();
      assertThat(r.status()).isEqualTo(500);
    }
    String all = String.join("", lines);
    assertThat(all)
        .doesNotContain(
            "kv-secret-111",
            "exc-secret-222",
            "query-secret-333",
            "header-secret-444",
            "cookie-secret-555",
            "body-secret-666")
        .contains("\"password\":\"****\"", "Authorization: ****", "Cookie: ****")
        .contains("IllegalStateException: login failed for password=****");
    // the access log line: route and status, query parameter names only
    assertThat(lines)
        .anySatisfy(
            l -> assertThat(l).contains("POST /login?password 500").contains("route=/login"));
  }
}
