package dev.keel.test.middleware;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Captures what one logger writes, from any thread, until closed. */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final Logger logger;
  private final Level previousLevel;
  private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

  private LogCapture(String name) {
    this.logger = (Logger) LoggerFactory.getLogger(name);
    this.previousLevel = logger.getLevel();
    setContext(logger.getLoggerContext());
    setName("capture-" + name);
    logger.setLevel(Level.INFO);
    logger.addAppender(this);
    start();
  }

  static LogCapture of(String loggerName) {
    return new LogCapture(loggerName);
  }

  static LogCapture of(Class<?> type) {
    return new LogCapture(type.getName());
  }

  @Override
  protected void append(ILoggingEvent event) {
    event.prepareForDeferredProcessing(); // snapshots the MDC on the logging thread
    events.add(event);
  }

  List<ILoggingEvent> events() {
    return List.copyOf(events);
  }

  List<String> messages() {
    return events.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  void clear() {
    events.clear();
  }

  @Override
  public void close() {
    logger.detachAppender(this);
    logger.setLevel(previousLevel);
    stop();
  }
}
