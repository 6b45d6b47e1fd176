package dev.keel.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SecurityEventsTest {
  final ListAppender<ILoggingEvent> events = new ListAppender<>();
  final Logger logger = (Logger) LoggerFactory.getLogger(SecurityEvents.LOGGER);

  @BeforeEach
  void capture() {
    events.start();
    logger.addAppender(events);
  }

  @AfterEach
  void release() {
    logger.detachAppender(events);
  }

  static Map<String, String> pairs(ILoggingEvent e) {
    return e.getKeyValuePairs().stream()
        .collect(Collectors.toMap(kv -> kv.key, kv -> String.valueOf(kv.value)));
  }

  @Test
  void rejectionsAndDenialsAreStructuredEventsWithoutSecrets() {
    Keel app = Keel.create(JwtTest.config("--keel.security.jwt.secret=" + JwtTest.SECRET));
    Security security = Security.create();
    app.install(security);
    app.group(
        "/admin",
        g -> {
          g.use(Security.requiresRole("admin"));
          g.get("/stats", ctx -> "ok");
        });
    String forged = security.jwt().issue(Principal.of("mallory")) + "x";
    String user = security.jwt().issue(Principal.of("bob"));
    try (var client = TestClient.inProcess(app)) {
      client
          .get("/admin/stats")
          .header("Authorization", "Bearer " + forged)
          .header("X-Request-Id", "r-1")
          .send();
      client.get("/admin/stats").header("Authorization", "Bearer " + user).send();
    }

    assertThat(events.list)
        .extracting(ILoggingEvent::getMessage)
        .containsExactly("token_rejected", "permission_denied");
    Map<String, String> rejected = pairs(events.list.get(0));
    assertThat(rejected)
        .containsEntry("event", "token_rejected")
        .containsEntry("reason", "bad signature")
        .containsEntry("route", "GET /admin/stats")
        .containsKeys("request_id", "ip");
    Map<String, String> denied = pairs(events.list.get(1));
    assertThat(denied)
        .containsEntry("principal", "bob")
        .containsEntry("event", "permission_denied");
    for (ILoggingEvent e : events.list) {
      assertThat(e.getFormattedMessage() + pairs(e))
          .doesNotContain(forged)
          .doesNotContain(user)
          .doesNotContain(JwtTest.SECRET);
    }
  }
}
