package dev.keel.core.internal.http;

import dev.keel.core.BadRequest;
import dev.keel.core.ProblemTypes;
import dev.keel.core.internal.json.Unicode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Converts request strings (path, query, header and cookie values) to the types handlers ask for,
 * by the rules for text in ADR 0021: numbers in plain decimal notation, finite; booleans {@code
 * true/false}, {@code 1/0}, {@code yes/no}, {@code on/off} in any case; enum constants by name in
 * any case; UUIDs in their 36-character form; dates and times in ISO-8601. No value, of any type,
 * may contain NUL or an unpaired surrogate. Every refusal is a 400 {@code parameter-invalid}.
 */
public final class Converters {
  private Converters() {}

  /**
   * {@code value} of the {@code kind} (e.g. {@code query parameter}) named {@code name}, unchanged;
   * a 400 naming both when it contains NUL or an unpaired surrogate ({@link Unicode}). The message
   * is built only on failure, so reading a request value costs one scan of it.
   */
  public static String text(String kind, String name, String value) {
    int bad = Unicode.firstBadChar(value);
    if (bad >= 0) {
      throw new BadRequest(
          ProblemTypes.PARAMETER_INVALID,
          "The " + kind + " '" + name + "' " + Unicode.describe(value, bad) + ".");
    }
    return value;
  }

  /** {@link #text} for every name and value of {@code values}, which it returns. */
  public static Map<String, List<String>> texts(String kind, Map<String, List<String>> values) {
    for (var entry : values.entrySet()) {
      int bad = Unicode.firstBadChar(entry.getKey());
      if (bad >= 0) {
        throw new BadRequest(
            ProblemTypes.PARAMETER_INVALID,
            "The name of a " + kind + " " + Unicode.describe(entry.getKey(), bad) + ".");
      }
      for (String value : entry.getValue()) text(kind, entry.getKey(), value);
    }
    return values;
  }

  /**
   * Converts {@code value} of the parameter described by {@code what} (e.g. {@code query parameter
   * 'limit'}) to {@code type}; a value that does not convert is a 400 naming both.
   */
  @SuppressWarnings("unchecked")
  public static <T> T convert(String what, String value, Class<T> type) {
    int bad = Unicode.firstBadChar(value);
    if (bad >= 0) {
      throw new BadRequest(
          ProblemTypes.PARAMETER_INVALID, "The " + what + " " + Unicode.describe(value, bad) + ".");
    }
    try {
      Object result = convertOrNull(value, type);
      if (result != null) {
        return (T) result;
      }
    } catch (RuntimeException e) {
      // fall through to the message below: the exception's own text adds nothing for the client
    }
    throw new BadRequest(
        ProblemTypes.PARAMETER_INVALID,
        what + " is '" + abbreviate(value) + "', which is not " + expected(type) + ".");
  }

  private static Object convertOrNull(String v, Class<?> type) {
    if (type == String.class || type == CharSequence.class || type == Object.class) return v;
    if (type == int.class || type == Integer.class) return Integer.valueOf(v.trim());
    if (type == long.class || type == Long.class) return Long.valueOf(v.trim());
    if (type == double.class || type == Double.class) return finite(decimal(v).doubleValue());
    if (type == float.class || type == Float.class) return finite(decimal(v).floatValue());
    if (type == short.class || type == Short.class) return Short.valueOf(v.trim());
    if (type == boolean.class || type == Boolean.class) return bool(v.trim());
    if (type == UUID.class) return uuid(v.trim());
    if (type == BigDecimal.class) return decimal(v);
    if (type == Instant.class) return Instant.parse(v.trim());
    if (type == LocalDate.class) return LocalDate.parse(v.trim());
    if (type == OffsetDateTime.class) return OffsetDateTime.parse(v.trim());
    if (type.isEnum()) return enumValue(v.trim(), type);
    throw new IllegalArgumentException(
        "cannot convert request values to " + type.getName() + "; use String and convert it");
  }

  // BigDecimal's grammar is plain decimal notation: Double.valueOf would also take "0x1p3",
  // "1.5f", "NaN" and "Infinity".
  private static BigDecimal decimal(String v) {
    return new BigDecimal(v.trim());
  }

  private static <N extends Number> N finite(N n) {
    return Double.isFinite(n.doubleValue()) ? n : null;
  }

  // UUID.fromString also takes short forms such as "1-2-3-4-5"
  private static UUID uuid(String v) {
    return v.length() == 36 ? UUID.fromString(v) : null;
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
    if (type == long.class || type == Long.class) return "a whole number";
    if (type == short.class || type == Short.class) {
      return "a whole number from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
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
