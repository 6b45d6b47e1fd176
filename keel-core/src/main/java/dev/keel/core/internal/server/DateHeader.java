package dev.keel.core.internal.server;

import io.netty.util.AsciiString;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The {@code Date} header value, recomputed at most once a second (RFC 9110 allows that). */
final class DateHeader {
  // IMF-fixdate (RFC 9110 5.6.7): two-digit day, English names, always GMT.
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH);

  private volatile long second = -1;
  private volatile AsciiString value = AsciiString.EMPTY_STRING;

  CharSequence value() {
    long now = System.currentTimeMillis() / 1000;
    if (now != second) {
      value =
          AsciiString.cached(
              FORMAT.format(
                  ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(now), ZoneOffset.UTC)));
      second = now;
    }
    return value;
  }
}
