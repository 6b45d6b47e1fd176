package dev.keel.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonLogsTest {

  @Test
  @SuppressWarnings("unchecked")
  void prodWritesOneJsonObjectPerLineWithTheRequestAndTraceIds() {
    System.setProperty("keel.profile", "prod");
    try {
      var context = new LoggerContext();
      var setup = new LogbackSetup();
      setup.setContext(context);
      setup.configure(context);
      var console =
          (OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent>)
              context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("console");
      var logger = context.getLogger("app.orders");
      var event =
          new LoggingEvent(
              "fqcn",
              logger,
              Level.INFO,
              "order {} paid with token={}",
              null,
              new Object[] {42, "tok-secret"});
      event.setMDCPropertyMap(
          Map.of(
              "requestId", "4f0c2a9e1b7d3c55",
              "traceId", "0af7651916cd43dd8448eb211c80319c",
              "spanId", "b7ad6b7169203331",
              "principal", "ann"));
      String line = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);

      assertThat(line).endsWith("\n");
      assertThat(line.strip()).doesNotContain("\n");
      JsonNode json = JsonMapper.shared().readTree(line);
      assertThat(json.get("level").asString()).isEqualTo("INFO");
      assertThat(json.get("loggerName").asString()).isEqualTo("app.orders");
      assertThat(json.get("message").asString()).isEqualTo("order 42 paid with token=****");
      assertThat(json.get("timestamp").asLong()).isPositive();
      assertThat(json.get("mdc").get("requestId").asString()).isEqualTo("4f0c2a9e1b7d3c55");
      assertThat(json.get("mdc").get("traceId").asString())
          .isEqualTo("0af7651916cd43dd8448eb211c80319c");
      assertThat(json.get("mdc").get("spanId").asString()).isEqualTo("b7ad6b7169203331");
      assertThat(json.get("mdc").get("principal").asString()).isEqualTo("ann");
    } finally {
      System.clearProperty("keel.profile");
    }
  }

  @Test
  void textIsTheDefaultOutsideProd() {
    assertThat(LogbackSetup.json()).isFalse();
    System.setProperty("keel.log.format", "json");
    try {
      assertThat(LogbackSetup.json()).isTrue();
    } finally {
      System.clearProperty("keel.log.format");
    }
  }

  @Test
  void redactorMasksTheUsualShapes() {
    assertThat(Redactor.redact("Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l"))
        .isEqualTo("Authorization: ****");
    assertThat(Redactor.redact("sent Bearer eyJhbGciOi.x.y to upstream"))
        .isEqualTo("sent Bearer **** to upstream");
    assertThat(Redactor.redact("Set-Cookie: sid=abc; HttpOnly")).isEqualTo("Set-Cookie: ****");
    assertThat(Redactor.redact("{\"user\":\"ann\",\"newPassword\":\"p\\\"w\"}"))
        .isEqualTo("{\"user\":\"ann\",\"newPassword\":\"****\"}");
    assertThat(Redactor.redact("db_password=hunter2&user=ann"))
        .isEqualTo("db_password=****&user=ann");
    assertThat(Redactor.redact("nothing to see here")).isEqualTo("nothing to see here");
  }
}
