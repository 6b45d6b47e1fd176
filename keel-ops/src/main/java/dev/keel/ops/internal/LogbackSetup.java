package dev.keel.ops.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Keel's default logging, configured in code rather than from XML: Logback's XML configurator
 * (Joran) costs a quarter of Keel's start-up time, and an application without opinions about
 * logging should not pay it. Found by Logback through {@code ServiceLoader}.
 *
 * <p>An application that ships {@code logback.xml} or {@code logback-test.xml}, or sets {@code
 * -Dlogback.configurationFile}, gets exactly that file: this configurator then steps aside. The
 * root level comes from {@code KEEL_LOG_LEVEL} (or {@code -Dkeel.log.level}), {@code INFO} by
 * default; Netty logs at {@code WARN}.
 */
public final class LogbackSetup extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{32} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (userConfigurationPresent()) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    var encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    var console = new ConsoleAppender<ILoggingEvent>();
    console.setContext(context);
    console.setName("console");
    console.setEncoder(encoder);
    console.start();
    var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(rootLevel());
    root.addAppender(console);
    context.getLogger("io.netty").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static boolean userConfigurationPresent() {
    if (System.getProperty("logback.configurationFile") != null) return true;
    ClassLoader loader = LogbackSetup.class.getClassLoader();
    return loader.getResource("logback-test.xml") != null
        || loader.getResource("logback.xml") != null;
  }

  static Level rootLevel() {
    String level = System.getProperty("keel.log.level", System.getenv("KEEL_LOG_LEVEL"));
    return Level.toLevel(level, Level.INFO);
  }
}
