package dev.keel.ops.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
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
 *
 * <p>The format comes from {@code KEEL_LOG_FORMAT} ({@code -Dkeel.log.format}): {@code text}, one
 * human-readable line per event, or {@code json}, one JSON object per line (Logback's {@code
 * JsonEncoder}: {@code timestamp}, {@code level}, {@code threadName}, {@code loggerName}, {@code
 * message}, {@code mdc} with {@code requestId}, {@code traceId}, {@code spanId} and {@code
 * principal} when set, {@code kvpList}, {@code throwable}). The default is {@code json} in the
 * {@code prod} profile ({@code KEEL_PROFILE=prod}) and {@code text} otherwise. Either way every
 * event passes through {@link RedactingEncoder} first, so credentials, cookies and password fields
 * are masked.
 */
public final class LogbackSetup extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{32} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (userConfigurationPresent()) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    boolean json = json();
    var encoder = new RedactingEncoder(json ? jsonEncoder(context) : textEncoder(context), json);
    encoder.setContext(context);
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

  private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
    var encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    return encoder;
  }

  private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
    var encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithArguments(false);
    encoder.setWithMessage(true); // RedactingEncoder hands it the formatted message
    encoder.setWithFormattedMessage(false);
    return encoder;
  }

  /** Whether events are written as JSON lines; see the class description. */
  static boolean json() {
    String format = setting("keel.log.format", "KEEL_LOG_FORMAT");
    if (format != null) return format.trim().equalsIgnoreCase("json");
    String profile = setting("keel.profile", "KEEL_PROFILE");
    return profile != null && profile.trim().equalsIgnoreCase("prod");
  }

  private static String setting(String property, String env) {
    String v = System.getProperty(property);
    return v != null ? v : System.getenv(env);
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
