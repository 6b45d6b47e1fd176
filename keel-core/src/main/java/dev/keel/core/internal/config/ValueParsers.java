package dev.keel.core.internal.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parsers for typed values. Each returns empty when the text is malformed; the matching {@code
 * *Expected} text says what would have been accepted, for the error message.
 */
public final class ValueParsers {

  public static final String BOOL_EXPECTED = "expected true or false";
  public static final String DURATION_EXPECTED =
      "expected a duration such as 500ms, 30s, 5m, 1h, 2d or PT30S, not negative";
  public static final String BYTES_EXPECTED =
      "expected a size such as 1048576, 512KiB, 10MiB, 1GiB or 10MB, not negative";
  public static final String PATH_EXPECTED = "expected a file system path";
  public static final String PROFILE_EXPECTED =
      "expected a profile name matching [a-z][a-z0-9-]*, such as dev, test or prod";

  private static final Pattern PROFILE = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern AMOUNT = Pattern.compile("(\\d+)\\s*([A-Za-z]*)");
  private static final Map<String, Long> SIZE_UNITS =
      Map.ofEntries(
          Map.entry("", 1L),
          Map.entry("b", 1L),
          Map.entry("kb", 1_000L),
          Map.entry("mb", 1_000_000L),
          Map.entry("gb", 1_000_000_000L),
          Map.entry("tb", 1_000_000_000_000L),
          Map.entry("kib", 1L << 10),
          Map.entry("mib", 1L << 20),
          Map.entry("gib", 1L << 30),
          Map.entry("tib", 1L << 40));

  private ValueParsers() {}

  public static Optional<Long> integer(String text, long min, long max) {
    try {
      long value = Long.parseLong(text.strip());
      return value >= min && value <= max ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Says the range in words; a bound equal to the type's own limit is left unsaid. */
  public static String integerExpected(long min, long max, long typeMin, long typeMax) {
    boolean unbounded = min == typeMin;
    boolean open = max == typeMax;
    if (unbounded && open) {
      return "expected an integer";
    }
    if (open) {
      return "expected an integer of at least " + min;
    }
    if (unbounded) {
      return "expected an integer of at most " + max;
    }
    return "expected an integer from " + min + " to " + max;
  }

  public static Optional<Boolean> bool(String text) {
    String value = text.strip();
    if (value.equalsIgnoreCase("true")) {
      return Optional.of(true);
    }
    return value.equalsIgnoreCase("false") ? Optional.of(false) : Optional.empty();
  }

  /**
   * Units are lower case ({@code 5m} is minutes, never months or mega); ISO-8601 as in Duration.
   */
  public static Optional<Duration> duration(String text) {
    String value = text.strip();
    try {
      Matcher m = AMOUNT.matcher(value);
      if (m.matches()) {
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Optional.of(Duration.ofMillis(amount));
          case "s" -> Optional.of(Duration.ofSeconds(amount));
          case "m" -> Optional.of(Duration.ofMinutes(amount));
          case "h" -> Optional.of(Duration.ofHours(amount));
          case "d" -> Optional.of(Duration.ofDays(amount));
          default -> Optional.empty();
        };
      }
      if (value.startsWith("P") || value.startsWith("p")) {
        Duration parsed = Duration.parse(value);
        return parsed.isNegative() ? Optional.empty() : Optional.of(parsed);
      }
      return Optional.empty();
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Sizes: {@code KiB}, {@code MiB}... are powers of 1024; {@code KB}, {@code MB}... of 1000. */
  public static Optional<Long> bytes(String text) {
    Matcher m = AMOUNT.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    Long unit = SIZE_UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
    if (unit == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Math.multiplyExact(Long.parseLong(m.group(1)), unit));
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** Case-insensitive, and {@code round-robin} matches {@code ROUND_ROBIN}. */
  public static <E extends Enum<E>> Optional<E> enumValue(String text, Class<E> type) {
    String wanted = text.strip().replace('-', '_');
    return EnumSet.allOf(type).stream().filter(c -> c.name().equalsIgnoreCase(wanted)).findFirst();
  }

  public static <E extends Enum<E>> String enumExpected(Class<E> type) {
    return EnumSet.allOf(type).stream()
        .map(c -> c.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", ", "expected one of ", ""));
  }

  /** Comma-separated, each item trimmed, empty items dropped. */
  public static List<String> list(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  public static Optional<Path> path(String text) {
    if (text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(text.strip()));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  public static boolean isProfile(String text) {
    return PROFILE.matcher(text).matches();
  }
}
