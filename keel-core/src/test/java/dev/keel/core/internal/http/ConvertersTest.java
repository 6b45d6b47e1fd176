package dev.keel.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.BadRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules for text values (path, query, header, cookie) of ADR 0021, one test per rule. */
class ConvertersTest {
  enum Color {
    RED,
    DARK_GREEN
  }

  private static <T> T convert(String value, Class<T> type) {
    return Converters.convert("query parameter 'v'", value, type);
  }

  private static void rejects(String value, Class<?> type, String expected) {
    assertThatThrownBy(() -> convert(value, type))
        .as("'%s' as %s", value, type.getSimpleName())
        .isInstanceOf(BadRequest.class)
        .hasMessage("query parameter 'v' is '" + value + "', which is not " + expected + ".");
  }

  @Test
  void stringsAreTakenAsTheyAre() {
    assertThat(convert(" 12 ", String.class)).isEqualTo(" 12 ");
    assertThat(convert("", String.class)).isEmpty();
  }

  @Test
  void integersInDecimalNotationAroundWhitespaceIgnored() {
    assertThat(convert("42", int.class)).isEqualTo(42);
    assertThat(convert(" -7 ", Integer.class)).isEqualTo(-7);
    assertThat(convert("9000000000", long.class)).isEqualTo(9_000_000_000L);
    String anInt = "a whole number from -2147483648 to 2147483647";
    rejects("1.0", int.class, anInt);
    rejects("1e3", int.class, anInt);
    rejects("3000000000", int.class, anInt);
    rejects("", int.class, anInt);
    rejects("0x10", int.class, anInt);
    rejects("40000", short.class, "a whole number from -32768 to 32767");
  }

  @Test
  void decimalsInPlainOrScientificNotationAndFinite() {
    assertThat(convert("12.5", double.class)).isEqualTo(12.5);
    assertThat(convert("1e3", Double.class)).isEqualTo(1000.0);
    assertThat(convert(".5", float.class)).isEqualTo(0.5f);
    assertThat(convert("7", BigDecimal.class)).isEqualTo(new BigDecimal("7"));
    String decimal = "a decimal number such as 12.5";
    for (String notDecimal : List.of("NaN", "Infinity", "-Infinity", "0x1p3", "1.5f", "2d", "")) {
      rejects(notDecimal, double.class, decimal);
    }
    rejects("1e400", double.class, decimal); // beyond double: Infinity
    rejects("1e60", Float.class, decimal); // beyond float: Infinity
    rejects("NaN", BigDecimal.class, decimal);
  }

  @Test
  void booleansFromTrueFalseOneZeroYesNoOnOffInAnyCase() {
    for (String yes : List.of("true", "TRUE", "1", "yes", "on", "On")) {
      assertThat(convert(yes, boolean.class)).as(yes).isTrue();
    }
    for (String no : List.of("false", "0", "no", "off", "OFF")) {
      assertThat(convert(no, Boolean.class)).as(no).isFalse();
    }
    rejects("2", boolean.class, "true or false");
    rejects("y", boolean.class, "true or false");
    rejects("", boolean.class, "true or false");
  }

  @Test
  void enumsByNameInAnyCase() {
    assertThat(convert("red", Color.class)).isEqualTo(Color.RED);
    assertThat(convert("Dark_Green", Color.class)).isEqualTo(Color.DARK_GREEN);
    rejects("0", Color.class, "one of red, dark_green");
    rejects("dark-green", Color.class, "one of red, dark_green");
  }

  @Test
  void uuidsOnlyInTheir36CharacterForm() {
    var id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertThat(convert(id.toString(), UUID.class)).isEqualTo(id);
    String uuid = "a UUID such as 123e4567-e89b-12d3-a456-426614174000";
    rejects("1-2-3-4-5", UUID.class, uuid); // UUID.fromString alone accepts it
    rejects("123e4567e89b12d3a456426614174000", UUID.class, uuid);
  }

  @Test
  void datesAndTimesInIso8601() {
    assertThat(convert("2026-01-31T13:00:00+01:00", Instant.class))
        .isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
    assertThat(convert("2026-01-31", LocalDate.class)).isEqualTo(LocalDate.of(2026, 1, 31));
    assertThat(convert("2026-01-31T12:00:00+01:00", OffsetDateTime.class).getOffset())
        .isEqualTo(ZoneOffset.ofHours(1));
    rejects("1700000000", Instant.class, "an ISO-8601 instant such as 2026-01-31T12:00:00Z");
    rejects("2026-01-31T12:00:00", LocalDate.class, "an ISO-8601 date such as 2026-01-31");
    rejects("31.01.2026", LocalDate.class, "an ISO-8601 date such as 2026-01-31");
  }

  @Test
  void noValueOfAnyTypeMayContainNulOrAnUnpairedSurrogate() {
    assertThatThrownBy(() -> convert("a\0b", String.class))
        .isInstanceOf(BadRequest.class)
        .hasMessage(
            "The query parameter 'v' contains a NUL character (U+0000) at index 1; remove it.");
    assertThatThrownBy(() -> convert("1\0", int.class))
        .hasMessageStartingWith("The query parameter 'v' contains a NUL character");
    assertThatThrownBy(() -> convert("x\uD800", String.class))
        .hasMessage(
            "The query parameter 'v' contains an unpaired UTF-16 surrogate (U+D800) at index 1;"
                + " send well-formed Unicode.");
    assertThat(convert("\uD83D\uDE00", String.class)).isEqualTo("😀");

    assertThat(Converters.text("path parameter", "slug", "ok")).isEqualTo("ok");
    assertThatThrownBy(() -> Converters.text("path parameter", "slug", "a\0"))
        .hasMessage(
            "The path parameter 'slug' contains a NUL character (U+0000) at index 1; remove it.");
    assertThatThrownBy(
            () -> Converters.texts("query parameter", Map.of("q", List.of("fine", "\uDC00"))))
        .hasMessageStartingWith("The query parameter 'q' contains an unpaired UTF-16 surrogate");
    assertThatThrownBy(() -> Converters.texts("query parameter", Map.of("a\0", List.of("x"))))
        .hasMessage(
            "The name of a query parameter contains a NUL character (U+0000) at index 1; remove"
                + " it.");
  }
}
