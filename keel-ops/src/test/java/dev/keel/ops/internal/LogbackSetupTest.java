package dev.keel.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogbackSetupTest {

  @Test
  void logbackFindsTheSetupAndUsesIt() {
    var context = (LoggerContext) LoggerFactory.getILoggerFactory();
    var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    assertThat(root.getAppender("console")).isInstanceOf(ConsoleAppender.class);
    assertThat(context.getLogger("io.netty").getLevel()).isEqualTo(Level.WARN);
    // keel-core's ConsoleLogging is on the classpath too: keel-ops' set-up outranks it
    var console = (ConsoleAppender<?>) root.getAppender("console");
    assertThat(console.getEncoder()).isInstanceOf(RedactingEncoder.class);
  }

  @Test
  void configuresAFreshContext() {
    var context = new LoggerContext();
    var setup = new LogbackSetup();
    setup.setContext(context);
    assertThat(setup.configure(context))
        .isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console")).isNotNull();
  }

  @Test
  void stepsAsideForTheApplicationsOwnConfiguration() {
    System.setProperty("logback.configurationFile", "/some/logback.xml");
    try {
      var context = new LoggerContext();
      var setup = new LogbackSetup();
      setup.setContext(context);
      assertThat(setup.configure(context))
          .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console")).isNull();
    } finally {
      System.clearProperty("logback.configurationFile");
    }
  }
}
