package dev.keel.ops.internal;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.keel.core.spi.ConsoleLogging;

/**
 * keel-ops' logging: keel-core's default console set-up ({@link ConsoleLogging}: level, Netty at
 * {@code WARN}, stepping aside for the application's own {@code logback.xml}), ranked above it,
 * with JSON lines and redaction. Found by Logback through {@code ServiceLoader}.
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
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogbackSetup extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    return ConsoleLogging.configure(
        context,
        () -> {
          boolean json = json();
          return new RedactingEncoder(
              json ? jsonEncoder(context) : ConsoleLogging.textEncoder(context), json);
        });
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
    String format = ConsoleLogging.setting("keel.log.format", "KEEL_LOG_FORMAT");
    if (format != null) return format.trim().equalsIgnoreCase("json");
    String profile = ConsoleLogging.setting("keel.profile", "KEEL_PROFILE");
    return profile != null && profile.trim().equalsIgnoreCase("prod");
  }
}
