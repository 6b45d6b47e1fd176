package dev.keel.ops.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Wraps an encoder so that no event reaches it with a secret in its message, key-value pairs, MDC
 * or exception messages: each is passed through {@link Redactor}. The event is copied only when
 * something changed.
 */
public final class RedactingEncoder extends ContextAwareBase implements Encoder<ILoggingEvent> {
  private final Encoder<ILoggingEvent> inner;
  private final boolean formatted;

  /**
   * @param formatted always hand {@code inner} an event whose message is the formatted one and
   *     which has no arguments (for encoders that write the raw message, like the JSON one)
   */
  public RedactingEncoder(Encoder<ILoggingEvent> inner, boolean formatted) {
    this.inner = inner;
    this.formatted = formatted;
  }

  @Override
  public byte[] headerBytes() {
    return inner.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return inner.encode(redact(event, formatted));
  }

  @Override
  public byte[] footerBytes() {
    return inner.footerBytes();
  }

  @Override
  public void start() {
    inner.start();
  }

  @Override
  public void stop() {
    inner.stop();
  }

  @Override
  public boolean isStarted() {
    return inner.isStarted();
  }

  /** The event with secrets masked; the same event when it held none and no copy is forced. */
  public static ILoggingEvent redact(ILoggingEvent e, boolean alwaysCopy) {
    String message = e.getFormattedMessage();
    String cleanMessage = Redactor.redact(message);
    Map<String, String> mdc = e.getMDCPropertyMap();
    Map<String, String> cleanMdc = redactMap(mdc);
    List<KeyValuePair> kvps = e.getKeyValuePairs();
    List<KeyValuePair> cleanKvps = redactPairs(kvps);
    IThrowableProxy thrown = e.getThrowableProxy();
    boolean throwableSecret = hasSecret(thrown);
    if (!alwaysCopy
        && cleanMessage == message
        && cleanMdc == mdc
        && cleanKvps == kvps
        && !throwableSecret) {
      return e;
    }
    return new Event(
        e,
        cleanMessage,
        cleanMdc,
        cleanKvps,
        thrown == null || !throwableSecret ? thrown : new Redacted(thrown));
  }

  /** The event as the encoder sees it: formatted, redacted, no arguments. */
  private record Event(
      ILoggingEvent e,
      String message,
      Map<String, String> mdc,
      List<KeyValuePair> kvps,
      IThrowableProxy thrown)
      implements ILoggingEvent {
    @Override
    public String getThreadName() {
      return e.getThreadName();
    }

    @Override
    public Level getLevel() {
      return e.getLevel();
    }

    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public Object[] getArgumentArray() {
      return null;
    }

    @Override
    public String getFormattedMessage() {
      return message;
    }

    @Override
    public String getLoggerName() {
      return e.getLoggerName();
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
      return e.getLoggerContextVO();
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
      return thrown;
    }

    @Override
    public StackTraceElement[] getCallerData() {
      return e.getCallerData();
    }

    @Override
    public boolean hasCallerData() {
      return e.hasCallerData();
    }

    @Override
    public List<Marker> getMarkerList() {
      return e.getMarkerList();
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
      return mdc;
    }

    @Override
    @SuppressWarnings("deprecation") // part of the interface we implement
    public Map<String, String> getMdc() {
      return mdc;
    }

    @Override
    public long getTimeStamp() {
      return e.getTimeStamp();
    }

    @Override
    public int getNanoseconds() {
      return e.getNanoseconds();
    }

    @Override
    public Instant getInstant() {
      return e.getInstant();
    }

    @Override
    public long getSequenceNumber() {
      return e.getSequenceNumber();
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
      return kvps;
    }

    @Override
    public void prepareForDeferredProcessing() {
      e.prepareForDeferredProcessing();
    }
  }

  private static Map<String, String> redactMap(Map<String, String> map) {
    if (map == null || map.isEmpty()) return map;
    Map<String, String> out = null;
    for (var entry : map.entrySet()) {
      String v = entry.getValue();
      String clean = Redactor.secretName(entry.getKey()) ? Redactor.MASK : Redactor.redact(v);
      if (!java.util.Objects.equals(clean, v)) {
        if (out == null) out = new HashMap<>(map);
        out.put(entry.getKey(), clean);
      }
    }
    return out == null ? map : out;
  }

  private static List<KeyValuePair> redactPairs(List<KeyValuePair> pairs) {
    if (pairs == null || pairs.isEmpty()) return pairs;
    boolean changed = false;
    var out = new java.util.ArrayList<KeyValuePair>(pairs.size());
    for (KeyValuePair p : pairs) {
      Object v = p.value;
      Object clean =
          Redactor.secretName(p.key)
              ? Redactor.MASK
              : v instanceof String s ? Redactor.redact(s) : v;
      changed |= clean != v;
      out.add(clean == v ? p : new KeyValuePair(p.key, clean));
    }
    return changed ? out : pairs;
  }

  private static boolean hasSecret(IThrowableProxy t) {
    for (IThrowableProxy p = t; p != null; p = p.getCause()) {
      String m = p.getMessage();
      if (m != null && Redactor.redact(m) != m) return true;
    }
    return false;
  }

  /** An exception whose messages (and its causes') are redacted. */
  private record Redacted(IThrowableProxy t) implements IThrowableProxy {
    @Override
    public String getMessage() {
      return Redactor.redact(t.getMessage());
    }

    @Override
    public String getClassName() {
      return t.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return t.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
      return t.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
      return t.getCause() == null ? null : new Redacted(t.getCause());
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      IThrowableProxy[] s = t.getSuppressed();
      if (s == null) return null;
      var out = new IThrowableProxy[s.length];
      for (int i = 0; i < s.length; i++) out[i] = new Redacted(s[i]);
      return out;
    }

    @Override
    public boolean isCyclic() {
      return t.isCyclic();
    }
  }
}
