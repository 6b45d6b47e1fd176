package dev.keel.core.internal.http;

import dev.keel.core.BadRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/** Converts request strings (path, query, header values) to the types handlers ask for. */
public final class Converters {
  private Converters() {}

  /**
   * Converts {@code value} of the parameter described by {@code what} (e.g. {@code query parameter
   * 'limit'}) to {@code type}; a value that does not convert is a 400 naming both.
   */
  @SuppressWarnings("unchecked")
  public static <T> T convert(String what, String value, Class<T> type) {
    try {
      Object result = convertOrNull(value, type);
      if (result != null) {
        return (T) result;
      }
    } catch (RuntimeException e) {
      // fall through to the message below: the exception's own text adds nothing for the client
    }
    throw new BadRequest(
        what + " is '" + abbreviate(value) + "', which is not " + expected(type) + ".");
  }

  private static Object convertOrNull(String v, Class<?> type) {
    if (type == String.class || type == CharSequence.class || type == Object.class) return v;
    if (type == int.class || type == Integer.class) return Integer.valueOf(v.trim());
    if (type == long.class || type == Long.class) return Long.valueOf(v.trim());
    if (type == double.class || type == Double.class) return finite(Double.valueOf(v.trim()));
    if (type == float.class || type == Float.class) return Float.valueOf(v.trim());
    if (type == short.class || type == Short.class) return Short.valueOf(v.trim());
    if (type == boolean.class || type == Boolean.class) return bool(v.trim());
    if (type == UUID.class) return UUID.fromString(v.trim());
    if (type == BigDecimal.class) return new BigDecimal(v.trim());
    if (type == Instant.class) return Instant.parse(v.trim());
    if (type == LocalDate.class) return LocalDate.parse(v.trim());
    if (type == OffsetDateTime.class) return OffsetDateTime.parse(v.trim());
    if (type.isEnum()) return enumValue(v.trim(), type);
    throw new IllegalArgumentException(
        "cannot convert request values to " + type.getName() + "; use String and convert it");
  }

  private static Double finite(Double d) {
    return d.isNaN() || d.isInfinite() ? null : d;
  }

  private static Boolean bool(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> Boolean.TRUE;
      case "false", "0", "no", "off" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static Object enumValue(String v, Class<?> type) {
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equalsIgnoreCase(v)) return constant;
    }
    return null;
  }

  private static String expected(Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
    if (type == long.class || type == Long.class || type == short.class || type == Short.class) {
      return "a whole number";
    }
    if (type == double.class
        || type == Double.class
        || type == float.class
        || type == Float.class
        || type == BigDecimal.class) {
      return "a decimal number such as 12.5";
    }
    if (type == boolean.class || type == Boolean.class) return "true or false";
    if (type == UUID.class) return "a UUID such as 123e4567-e89b-12d3-a456-426614174000";
    if (type == Instant.class) return "an ISO-8601 instant such as 2026-01-31T12:00:00Z";
    if (type == LocalDate.class) return "an ISO-8601 date such as 2026-01-31";
    if (type == OffsetDateTime.class) {
      return "an ISO-8601 date-time with offset such as 2026-01-31T12:00:00+01:00";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "));
    }
    return "a valid " + type.getSimpleName();
  }

  private static String abbreviate(String v) {
    return v.length() <= 64 ? v : v.substring(0, 61) + "...";
  }
}
