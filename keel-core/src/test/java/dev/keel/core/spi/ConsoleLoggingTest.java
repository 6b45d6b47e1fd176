package dev.keel.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ConsoleLoggingTest {

  @Test
  void logbackFindsTheDefaultSetUpAndUsesIt() {
    var context = (LoggerContext) LoggerFactory.getILoggerFactory();
    var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    var console = (ConsoleAppender<?>) root.getAppender("console");
    assertThat(console.getEncoder()).isInstanceOf(PatternLayoutEncoder.class);
    assertThat(context.getLogger("io.netty").getLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void levelComesFromTheSystemProperty() {
    System.setProperty("keel.log.level", "debug");
    try {
      assertThat(ConsoleLogging.rootLevel()).isEqualTo(Level.DEBUG);
    } finally {
      System.clearProperty("keel.log.level");
    }
  }

  @Test
  void stepsAsideForTheApplicationsOwnConfiguration() {
    System.setProperty("logback.configurationFile", "/some/logback.xml");
    try {
      var context = new LoggerContext();
      var setup = new ConsoleLogging();
      setup.setContext(context);
      assertThat(setup.configure(context))
          .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console")).isNull();
    } finally {
      System.clearProperty("logback.configurationFile");
    }
  }
}
