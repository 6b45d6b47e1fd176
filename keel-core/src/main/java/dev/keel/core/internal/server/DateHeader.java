package dev.keel.core.internal.server;

import dev.keel.core.internal.http.HttpDates;
import io.netty.util.AsciiString;
import java.time.Instant;

/** The {@code Date} header value, recomputed at most once a second (RFC 9110 allows that). */
final class DateHeader {
  private volatile long second = -1;
  private volatile AsciiString value = AsciiString.EMPTY_STRING;

  CharSequence value() {
    long now = System.currentTimeMillis() / 1000;
    if (now != second) {
      value = AsciiString.cached(HttpDates.format(Instant.ofEpochSecond(now)));
      second = now;
    }
    return value;
  }
}
