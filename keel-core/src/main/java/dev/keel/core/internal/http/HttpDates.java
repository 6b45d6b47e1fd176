package dev.keel.core.internal.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** HTTP dates (IMF-fixdate, RFC 9110 5.6.7): two-digit day, English names, always GMT. */
public final class HttpDates {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private HttpDates() {}

  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  /** The instant of an IMF-fixdate; empty when the text is not one. */
  public static Optional<Instant> parse(String text) {
    try {
      return Optional.of(ZonedDateTime.parse(text.trim(), FORMAT).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
