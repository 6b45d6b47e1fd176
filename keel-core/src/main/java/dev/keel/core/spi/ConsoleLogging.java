package dev.keel.core.spi;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Keel's default logging, so that every application logs its start-up, warnings and errors (with
 * their stack traces) without a logging file: one console appender writing one readable line per
 * event, {@value #PATTERN}. Configured in code rather than from XML (Logback's XML configurator,
 * Joran, costs a quarter of Keel's start-up time), found by Logback through {@code ServiceLoader}.
 * keel-ops ranks above it with the same appender, JSON lines and redaction of secrets: the static
 * methods here are the extension point for such logging modules.
 *
 * <p>An application that ships {@code logback.xml} or {@code logback-test.xml}, or sets {@code
 * -Dlogback.configurationFile}, gets exactly that file: this configurator then steps aside. The
 * root level comes from {@code KEEL_LOG_LEVEL} (or {@code -Dkeel.log.level}), {@code INFO} by
 * default; Netty logs at {@code WARN}. Both are read from the environment and system properties
 * only, since logging starts before any configuration is loaded.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
  public static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{32} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    return configure(context, () -> textEncoder(context));
  }

  /**
   * Logs to the console through the encoder {@code encoder} makes, at {@link #rootLevel()}, unless
   * the application brings its own Logback file.
   */
  public static ExecutionStatus configure(
      LoggerContext context, Supplier<Encoder<ILoggingEvent>> encoder) {
    if (userConfigurationPresent()) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    Encoder<ILoggingEvent> e = encoder.get();
    e.setContext(context);
    e.start();
    var console = new ConsoleAppender<ILoggingEvent>();
    console.setContext(context);
    console.setName("console");
    console.setEncoder(e);
    console.start();
    var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(rootLevel());
    root.addAppender(console);
    context.getLogger("io.netty").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** One readable line per event, {@value #PATTERN}. */
  public static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
    var encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    return encoder;
  }

  /** The root level: {@code keel.log.level} / {@code KEEL_LOG_LEVEL}, {@code INFO} by default. */
  public static Level rootLevel() {
    return Level.toLevel(setting("keel.log.level", "KEEL_LOG_LEVEL"), Level.INFO);
  }

  /** A system property, else an environment variable; null when neither is set. */
  public static String setting(String property, String env) {
    String v = System.getProperty(property);
    return v != null ? v : System.getenv(env);
  }

  private static boolean userConfigurationPresent() {
    if (System.getProperty("logback.configurationFile") != null) return true;
    ClassLoader loader = ConsoleLogging.class.getClassLoader();
    return loader.getResource("logback-test.xml") != null
        || loader.getResource("logback.xml") != null;
  }
}
