package dev.keel.core.internal.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keel.core.HttpException;
import dev.keel.core.Problem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidDefinitionException;

/**
 * The strict type rules of ADR 0021, one test per rule, through the codec every request body goes
 * through; each rejection is checked for the field it names and what it says the value must be.
 */
class JsonCodecTest {
  enum Color {
    RED,
    GREEN
  }

  record Text(String s) {}

  record Texts(List<String> l, String[] a, Map<String, String> m) {}

  record Whole(int i) {}

  record Wholes(Integer boxed, long l, short s, BigInteger big) {}

  record Floating(double d) {}

  record Floatings(Double boxed, float f, BigDecimal exact, double[] many) {}

  record Flag(boolean b) {}

  record Flags(Boolean boxed) {}

  record Paint(Color color) {}

  record Times(
      Instant at,
      LocalDate day,
      OffsetDateTime when,
      LocalDateTime local,
      LocalTime time,
      Duration duration) {}

  record Id(UUID id) {}

  record Letter(char c) {}

  record Page(List<Text> items, int total) {}

  record Tagged(List<String> tags, Map<String, Integer> counts, int[] numbers, byte[] data) {}

  record Nested(List<Tagged> all) {}

  record Maybe(Optional<String> note) {}

  record Untyped(Map<String, Object> any) {}

  interface Shape {}

  private final JsonCodec codec = new JsonCodec(JsonCodec.Limits.DEFAULT);

  private <T> T read(String json, Class<T> type) {
    return codec.read(json.getBytes(UTF_8), type);
  }

  private Problem rejected(String json, Class<?> type) {
    return rejected(json.getBytes(UTF_8), type);
  }

  private Problem rejected(byte[] json, Class<?> type) {
    HttpException e = catchThrowableOfType(HttpException.class, () -> codec.read(json, type));
    assertThat(e).as("%s is rejected", new String(json, UTF_8)).isNotNull();
    assertThat(e.status()).isEqualTo(400);
    return e.problem();
  }

  /** The single field error: field and message, and the detail that repeats both. */
  private static void names(Problem p, String field, String message) {
    assertThat(p.errors()).singleElement().isEqualTo(new Problem.FieldError(field, message));
    assertThat(p.detail())
        .startsWith(field.equals("body") ? "The JSON body " : "Field '" + field + "' ")
        .contains(message);
  }

  @Test
  void stringsOnlyFromJsonStrings() {
    names(rejected("{\"s\": 12345}", Text.class), "s", "must be a string, not the number 12345");
    names(rejected("{\"s\": true}", Text.class), "s", "must be a string, not true");
    names(rejected("{\"s\": 1e9}", Text.class), "s", "must be a string, not the number 1.0E9");
    names(rejected("{\"s\": {}}", Text.class), "s", "must be a string, not an object");
    names(rejected("{\"s\": [\"a\"]}", Text.class), "s", "must be a string, not an array");
    names(
        rejected("{\"l\": [\"a\", 1]}", Texts.class), "l[1]", "must be a string, not the number 1");
    names(rejected("{\"a\": [false]}", Texts.class), "a[0]", "must be a string, not false");
    names(
        rejected("{\"m\": {\"k\": 2}}", Texts.class), "m.k", "must be a string, not the number 2");
    names(rejected("{\"note\": 7}", Maybe.class), "note", "must be a string, not the number 7");

    assertThat(read("{\"s\": \"12345\"}", Text.class)).isEqualTo(new Text("12345"));
    assertThat(read("{\"s\": null}", Text.class)).isEqualTo(new Text(null));
    assertThat(read("{}", Text.class)).isEqualTo(new Text(null));
  }

  @Test
  void integersOnlyFromJsonIntegersNotFromFloatsOrStrings() {
    String anInt = "must be a whole number from -2147483648 to 2147483647";
    names(rejected("{\"i\": 1.5}", Whole.class), "i", anInt + ", not the number 1.5");
    names(rejected("{\"i\": 1.0}", Whole.class), "i", anInt + ", not the number 1.0");
    names(rejected("{\"i\": 1e2}", Whole.class), "i", anInt + ", not the number 100.0");
    names(rejected("{\"i\": \"12\"}", Whole.class), "i", anInt + ", not a string");
    names(rejected("{\"i\": \"\"}", Whole.class), "i", anInt + ", not the string \"\"");
    names(rejected("{\"i\": true}", Whole.class), "i", anInt + ", not true");
    names(rejected("{\"i\": 3000000000}", Whole.class), "i", anInt + ", not 3000000000");
    names(rejected("{\"boxed\": 2.0}", Wholes.class), "boxed", anInt + ", not the number 2.0");
    assertThat(rejected("{\"l\": 9223372036854775808}", Wholes.class).errors().get(0).message())
        .isEqualTo(
            "must be a whole number from -9223372036854775808 to 9223372036854775807,"
                + " not 9223372036854775808");
    names(
        rejected("{\"s\": 40000}", Wholes.class),
        "s",
        "must be a whole number from -32768 to 32767, not 40000");
    names(
        rejected("{\"big\": 1.0}", Wholes.class),
        "big",
        "must be a whole number, not the number 1.0");

    assertThat(read("{\"i\": -7}", Whole.class)).isEqualTo(new Whole(-7));
    assertThat(read("{\"l\": 1, \"s\": 2, \"big\": 123456789012345678901234567890}", Wholes.class))
        .isEqualTo(
            new Wholes(null, 1, (short) 2, new BigInteger("123456789012345678901234567890")));
  }

  @Test
  void floatingPointAcceptsIntegersAndFloatsButOnlyFiniteNumbers() {
    assertThat(read("{\"d\": 1}", Floating.class)).isEqualTo(new Floating(1.0));
    assertThat(read("{\"d\": -2.5e3}", Floating.class)).isEqualTo(new Floating(-2500.0));
    Floatings exact = read("{\"f\": 0.5, \"exact\": 12.50}", Floatings.class);
    assertThat(exact.f()).isEqualTo(0.5f);
    assertThat(exact.exact()).isEqualTo(new BigDecimal("12.50")); // scale kept: no double between

    String aDouble = "must be a number within double's range";
    names(rejected("{\"d\": \"1.5\"}", Floating.class), "d", aDouble + ", not the string \"1.5\"");
    names(rejected("{\"d\": \"NaN\"}", Floating.class), "d", aDouble + ", not the string \"NaN\"");
    names(
        rejected("{\"boxed\": \"Infinity\"}", Floatings.class),
        "boxed",
        aDouble + ", not the string \"Infinity\"");
    names(rejected("{\"d\": 1e400}", Floating.class), "d", aDouble + ", not 1e400");
    names(rejected("{\"d\": true}", Floating.class), "d", aDouble + ", not true");
    names(
        rejected("{\"f\": 1e60}", Floatings.class),
        "f",
        "must be a number within float's range, not 1e60");
    names(
        rejected("{\"exact\": \"1.5\"}", Floatings.class),
        "exact",
        "must be a number, not a string");
    names(rejected("{\"many\": [1, 1e999]}", Floatings.class), "many[1]", aDouble);
  }

  @Test
  void booleansOnlyFromTrueAndFalse() {
    names(rejected("{\"b\": 1}", Flag.class), "b", "must be true or false, not the number 1");
    names(rejected("{\"b\": 0}", Flag.class), "b", "must be true or false, not the number 0");
    names(rejected("{\"b\": \"true\"}", Flag.class), "b", "must be true or false, not a string");
    names(rejected("{\"b\": null}", Flag.class), "b", "must be true or false, not null");
    assertThat(read("{\"b\": false}", Flag.class)).isEqualTo(new Flag(false));
    assertThat(read("{\"boxed\": null}", Flags.class)).isEqualTo(new Flags(null));
  }

  @Test
  void enumsOnlyFromTheirExactNames() {
    String oneOf = "must be one of \"RED\", \"GREEN\"";
    names(
        rejected("{\"color\": \"red\"}", Paint.class), "color", oneOf + ", not the string \"red\"");
    names(rejected("{\"color\": 1}", Paint.class), "color", oneOf + ", not the number 1");
    names(rejected("{\"color\": \"\"}", Paint.class), "color", oneOf + ", not the string \"\"");
    assertThat(read("{\"color\": \"GREEN\"}", Paint.class)).isEqualTo(new Paint(Color.GREEN));
  }

  @Test
  void datesAndTimesOnlyFromIso8601Strings() {
    Times t =
        read(
            "{\"at\": \"2026-01-31T13:00:00+01:00\", \"day\": \"2026-01-31\","
                + " \"when\": \"2026-01-31T12:00:00+01:00\", \"local\": \"2026-01-31T12:00:00\","
                + " \"time\": \"12:30\", \"duration\": \"PT15M\"}",
            Times.class);
    assertThat(t.at()).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
    assertThat(t.day()).isEqualTo(LocalDate.of(2026, 1, 31));
    assertThat(t.when().getOffset()).isEqualTo(ZoneOffset.ofHours(1)); // kept as sent
    assertThat(t.local()).isEqualTo(LocalDateTime.of(2026, 1, 31, 12, 0));
    assertThat(t.time()).isEqualTo(LocalTime.of(12, 30));
    assertThat(t.duration()).isEqualTo(Duration.ofMinutes(15));
    assertThat(read(new String(codec.write(t), UTF_8), Times.class)).isEqualTo(t);

    String instant = "must be an ISO-8601 instant string such as \"2026-01-31T12:00:00Z\"";
    names(rejected("{\"at\": 1700000000}", Times.class), "at", instant + ", not a number");
    names(rejected("{\"at\": 1700000000.5}", Times.class), "at", instant + ", not a number");
    names(
        rejected("{\"at\": \"1700000000\"}", Times.class),
        "at",
        instant + ", not the string \"1700000000\"");
    names(
        rejected("{\"at\": \"yesterday\"}", Times.class),
        "at",
        instant + ", not the string \"yesterday\"");
    names(rejected("{\"at\": \"\"}", Times.class), "at", instant + ", not the string \"\"");
    String date = "must be an ISO-8601 date string such as \"2026-01-31\"";
    names(
        rejected("{\"day\": \"2026-01-31T10:00:00\"}", Times.class),
        "day",
        date + ", not the string \"2026-01-31T10:00:00\"");
    names(rejected("{\"day\": [2026, 1, 31]}", Times.class), "day", date + ", not an array");
    names(rejected("{\"day\": 20000}", Times.class), "day", date + ", not a number");
    names(
        rejected("{\"when\": \"2026-01-31T12:00:00\"}", Times.class),
        "when",
        "must be an ISO-8601 date-time string with offset such as \"2026-01-31T12:00:00+01:00\","
            + " not the string \"2026-01-31T12:00:00\"");
    names(
        rejected("{\"duration\": 60}", Times.class),
        "duration",
        "must be an ISO-8601 duration string such as \"PT15M\", not a number");
  }

  @Test
  void uuidsOnlyFromTheirStringForm() {
    var id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertThat(read("{\"id\": \"" + id + "\"}", Id.class)).isEqualTo(new Id(id));
    String uuid = "must be a UUID string such as \"123e4567-e89b-12d3-a456-426614174000\"";
    names(rejected("{\"id\": \"\"}", Id.class), "id", uuid); // Jackson alone gives null
    names(rejected("{\"id\": 5}", Id.class), "id", uuid + ", not the number 5");
    names(
        rejected("{\"id\": \"1-2-3-4-5\"}", Id.class),
        "id",
        uuid + ", not the string \"1-2-3-4-5\"");
  }

  @Test
  void charsOnlyFromOneCharacterStrings() {
    assertThat(read("{\"c\": \"x\"}", Letter.class)).isEqualTo(new Letter('x'));
    names(
        rejected("{\"c\": 65}", Letter.class),
        "c",
        "must be a string of one character, not the number 65");
    names(rejected("{\"c\": \"xy\"}", Letter.class), "c", "must be a string of one character");
  }

  @Test
  void nullOrAMissingValueForAPrimitiveIs400() {
    String anInt = "must be a whole number from -2147483648 to 2147483647";
    names(rejected("{\"i\": null}", Whole.class), "i", anInt + ", not null");
    names(
        rejected("{}", Whole.class),
        "i",
        "is missing; send a whole number from -2147483648 to 2147483647 (a field of type int has"
            + " no default)");
    names(
        rejected("{\"items\": []}", Page.class),
        "total",
        rejected("{}", Page.class).errors().get(0).message());
    assertThat(read("{}", Flags.class).boxed()).isNull(); // absent wrappers stay null
  }

  @Test
  void aNullDocumentIs400NamingTheBody() {
    names(rejected("null", Text.class), "body", "must be an object, not null");
    names(rejected(" null ", Tagged.class), "body", "must be an object, not null");
    HttpException list =
        catchThrowableOfType(
            HttpException.class,
            () -> codec.read("null".getBytes(UTF_8), new TypeReference<List<Text>>() {}));
    names(list.problem(), "body", "must be an array, not null");
  }

  @Test
  void nullElementsOfCollectionsAndMapsAre400NamingTheIndex() {
    HttpException top =
        catchThrowableOfType(
            HttpException.class,
            () ->
                codec.read(
                    "[{\"s\":\"a\"}, null]".getBytes(UTF_8), new TypeReference<List<Text>>() {}));
    names(top.problem(), "[1]", "must be an object, not null");
    names(
        rejected("{\"items\": [null], \"total\": 1}", Page.class),
        "items[0]",
        "must be an object, not null");
    names(rejected("{\"l\": [\"a\", null]}", Texts.class), "l[1]", "must be a string, not null");
    names(rejected("{\"m\": {\"k\": null}}", Texts.class), "m.k", "must be a string, not null");
    names(rejected("[null]", Text[].class), "[0]", "must be an object, not null");
  }

  @Test
  void collectionsArraysAndMapsHaveAtMostTheConfiguredNumberOfElements() {
    var small = new JsonCodec(new JsonCodec.Limits(64, 1_000_000, 100, 3));
    var ok =
        small.read(
            "{\"tags\": [\"a\",\"b\",\"c\"], \"counts\": {\"a\":1,\"b\":2,\"c\":3}}"
                .getBytes(UTF_8),
            Tagged.class);
    assertThat(ok.tags()).hasSize(3);

    names(
        smallRejected(small, "{\"tags\": [\"a\",\"b\",\"c\",\"d\"]}", Tagged.class),
        "tags",
        "has 4 elements; at most 3 are allowed");
    names(
        smallRejected(small, "{\"counts\": {\"a\":1,\"b\":2,\"c\":3,\"d\":4}}", Tagged.class),
        "counts",
        "has 4 entries; at most 3 are allowed");
    names(
        smallRejected(small, "{\"numbers\": [1,2,3,4]}", Tagged.class),
        "numbers",
        "has 4 elements; at most 3 are allowed");
    names(
        smallRejected(
            small,
            "{\"all\": [{\"tags\": []}, {\"tags\": [\"a\",\"b\",\"c\",\"d\"]}]}",
            Nested.class),
        "all[1].tags",
        "has 4 elements; at most 3 are allowed");
    names(
        smallRejected(small, "[1,2,3,4]", int[].class),
        "body",
        "has 4 elements; at most 3 are allowed");
    // byte[] is one base64 string, not a JSON array: the string limit applies, not this one
    assertThat(small.read("{\"data\": \"AAECAwQFBgc=\"}".getBytes(UTF_8), Tagged.class).data())
        .hasSize(8);

    // the default: 1,000, as Django's DATA_UPLOAD_MAX_NUMBER_FIELDS
    String thousand = "[" + "1,".repeat(999) + "1]";
    assertThat(read(thousand, int[].class)).hasSize(1000);
    names(
        rejected("[1," + thousand.substring(1), int[].class),
        "body",
        "has 1001 elements; at most 1000 are allowed");
  }

  private static Problem smallRejected(JsonCodec codec, String json, Class<?> type) {
    return catchThrowableOfType(HttpException.class, () -> codec.read(json.getBytes(UTF_8), type))
        .problem();
  }

  @Test
  void nulAndUnpairedSurrogatesAreRejectedInEveryString() {
    names(
        rejected("{\"s\": \"ab\\u0000c\"}", Text.class),
        "s",
        "contains a NUL character (U+0000) at index 2; remove it");
    names(
        rejected("{\"s\": \"a\\ud800\"}", Text.class),
        "s",
        "contains an unpaired UTF-16 surrogate (U+D800) at index 1; send well-formed Unicode");
    names(
        rejected("{\"s\": \"\\uDC00x\"}", Text.class),
        "s",
        "contains an unpaired UTF-16 surrogate (U+DC00) at index 0; send well-formed Unicode");
    names(
        rejected("{\"s\": \"\\ud83d\\u0041\"}", Text.class),
        "s",
        "contains an unpaired UTF-16 surrogate (U+D83D) at index 0; send well-formed Unicode");
    names(
        rejected("{\"l\": [\"ok\", \"\\u0000\"]}", Texts.class),
        "l[1]",
        "contains a NUL character (U+0000) at index 0; remove it");
    names(
        rejected("{\"m\": {\"a\\u0000\": \"x\"}}", Texts.class),
        "m",
        "has a name that contains a NUL character (U+0000) at index 1; remove it");
    names(
        rejected("{\"any\": {\"deep\": [{\"x\": \"\\u0000\"}]}}", Untyped.class),
        "any.deep[0].x",
        "contains a NUL character (U+0000) at index 0; remove it");
    names(
        rejected("\"\\u0000\"", JsonNode.class),
        "body",
        "contains a NUL character (U+0000) at index 0; remove it");
    names(
        rejected("{\"ignored\\u0000\": 1}", Text.class),
        "body",
        "has a name that contains a NUL character (U+0000) at index 7; remove it");

    // what is not NUL or a lone surrogate passes: pairs, escaped backslashes, raw UTF-8
    assertThat(read("{\"s\": \"\\ud83d\\ude00 \\\\u0000 é 😀 한\"}", Text.class).s())
        .isEqualTo("😀 \\u0000 é 😀 한");
  }

  @Test
  void overlongAndOutOfRangeUtf8IsRejectedThoughJacksonWouldDecodeIt() {
    // C0 80 and E0 80 80 are overlong NULs; F4 90 80 80 is above U+10FFFF (Jackson: two lone
    // surrogates)
    for (byte[] bad :
        List.of(
            new byte[] {(byte) 0xC0, (byte) 0x80},
            new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})) {
      Problem p = rejected(document("s", bad), Text.class);
      assertThat(p.errors()).singleElement().extracting(Problem.FieldError::field).isEqualTo("s");
    }
    // an overlong 'A' (C1 81) decodes to a harmless character, but it is not UTF-8 either
    assertThat(rejected(document("s", new byte[] {(byte) 0xC1, (byte) 0x81}), Text.class).detail())
        .startsWith("The request body is not valid UTF-8 at byte 7");
    // UTF-16 JSON: RFC 8259 requires UTF-8 between systems
    assertThat(
            rejected(
                    "{\"s\": \"a\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                    Text.class)
                .detail())
        .contains("send JSON encoded as UTF-8");
  }

  private static byte[] document(String field, byte[] value) {
    byte[] head = ("{\"" + field + "\": \"").getBytes(UTF_8);
    byte[] doc = new byte[head.length + value.length + 2];
    System.arraycopy(head, 0, doc, 0, head.length);
    System.arraycopy(value, 0, doc, head.length, value.length);
    doc[doc.length - 2] = '"';
    doc[doc.length - 1] = '}';
    return doc;
  }

  @Test
  void malformedJsonSaysWhereItBrokeAndTrailingDataIsRefused() {
    assertThat(rejected("{\"s\": ", Text.class).detail())
        .startsWith("The request body is not valid JSON at line 1");
    assertThat(rejected("{\"s\": \"a\"} {}", Text.class).detail())
        .isEqualTo(
            "The request body is not valid JSON at line 1, column 12: more follows the end of the"
                + " document; send exactly one JSON value.");
    assertThat(rejected("", Text.class).detail())
        .isEqualTo("The request body is empty; send a JSON document for Text.");
  }

  @Test
  void aTypeJacksonCannotReadIsTheServersBugNotA400() {
    assertThatThrownBy(() -> read("{}", Shape.class))
        .isInstanceOf(InvalidDefinitionException.class);
  }
}
