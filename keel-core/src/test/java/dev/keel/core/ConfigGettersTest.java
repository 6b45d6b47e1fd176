package dev.keel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigGettersTest {

  enum Level {
    DEBUG,
    INFO,
    ROUND_ROBIN
  }

  /** The one problem validate() reports after reading {@code KEEL_X} with {@code read}. */
  private static String problemFor(String value, Consumer<Config> read) {
    Config config = Fixture.env("KEEL_X", value);
    read.accept(config);
    ConfigException e = catchThrowableOfType(ConfigException.class, config::validate);
    assertThat(e.code()).isEqualTo(ConfigException.INVALID_VALUE);
    assertThat(e.problems()).hasSize(1);
    return e.problems().getFirst();
  }

  @Test
  void stringReturnsTheValueOrTheDefault() {
    Config config = Fixture.env("KEEL_NAME", " spaced ");

    assertThat(config.string("keel.name", "d")).isEqualTo(" spaced ");
    assertThat(config.string("keel.name")).contains(" spaced ");
    assertThat(config.string("keel.other", "d")).isEqualTo("d");
    assertThat(config.string("keel.other")).isEmpty();
  }

  @Test
  void integerWithinBounds() {
    Config config = Fixture.env(Map.of("KEEL_A", "0", "KEEL_B", "65535", "KEEL_C", " +42 "));

    assertThat(config.integer("keel.a", 1, 0, 65535)).isZero();
    assertThat(config.integer("keel.b", 1, 0, 65535)).isEqualTo(65535);
    assertThat(config.integer("keel.c", 1, 0, 65535)).isEqualTo(42);
    assertThat(config.integer("keel.missing", 8080, 0, 65535)).isEqualTo(8080);
    config.validate();
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1", "65536", "1.5", "", "99999999999"})
  void integerRejectsMalformedOrOutOfRangeAndReturnsTheDefault(String bad) {
    Config config = Fixture.env("KEEL_SERVER_PORT", bad);

    assertThat(config.integer("keel.server.port", 8080, 0, 65535)).isEqualTo(8080);
    assertThatThrownBy(config::validate)
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "KEEL-CONFIG-001: invalid configuration (1 problem)\n"
                + "  - keel.server.port = \""
                + bad
                + "\" (from environment variable KEEL_SERVER_PORT): expected an integer from 0 to"
                + " 65535");
  }

  @Test
  void integerRangeIsWordedByWhichBoundsAreSet() {
    assertThat(problemFor("x", c -> c.integer("keel.x", 0, Integer.MIN_VALUE, Integer.MAX_VALUE)))
        .endsWith("): expected an integer");
    assertThat(problemFor("x", c -> c.integer("keel.x", 1, 1, Integer.MAX_VALUE)))
        .endsWith("): expected an integer of at least 1");
    assertThat(problemFor("x", c -> c.longValue("keel.x", 0, Long.MIN_VALUE, 10)))
        .endsWith("): expected an integer of at most 10");
  }

  @Test
  void longValueAcceptsTheFullRange() {
    Config config = Fixture.env("KEEL_BIG", "9223372036854775807");

    assertThat(config.longValue("keel.big", 0, 0, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    assertThat(problemFor("9223372036854775808", c -> c.longValue("keel.x", 0, 0, Long.MAX_VALUE)))
        .isEqualTo(
            "keel.x = \"9223372036854775808\" (from environment variable KEEL_X): expected an"
                + " integer of at least 0");
  }

  @Test
  void defaultOutsideTheRangeIsAProgrammingError() {
    Config config = Config.builder().build();

    assertThatThrownBy(() -> config.integer("keel.port", 70000, 0, 65535))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keel.port: default 70000 must lie within min 0 and max 65535");
    assertThatThrownBy(() -> config.longValue("keel.port", 5, 10, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"true,true", "TRUE,true", "False,false", "' false ',false"})
  void boolAcceptsTrueAndFalseInAnyCase(String text, boolean expected) {
    assertThat(Fixture.env("KEEL_X", text).bool("keel.x", !expected)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "1", "on", ""})
  void boolRejectsEverythingElse(String bad) {
    assertThat(Fixture.env("KEEL_X", bad).bool("keel.x", true)).isTrue();
    assertThat(problemFor(bad, c -> c.bool("keel.x", true)))
        .isEqualTo(
            "keel.x = \"" + bad + "\" (from environment variable KEEL_X): expected true or false");
  }

  @ParameterizedTest
  @CsvSource({
    "500ms, PT0.5S",
    "30s, PT30S",
    "5m, PT5M",
    "1h, PT1H",
    "2d, PT48H",
    "0s, PT0S",
    "'10 s', PT10S",
    "PT30S, PT30S",
    "pt1m30s, PT1M30S",
    "P1D, PT24H"
  })
  void durationAcceptsUnitsAndIso8601(String text, String iso) {
    assertThat(Fixture.env("KEEL_X", text).duration("keel.x", Duration.ZERO))
        .isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"30", "-5s", "PT-5S", "5M", "1w", "1.5s", "abc", "", "P", "99999999999999999d"})
  void durationRejectsMissingUnitsNegativesAndUnknownUnits(String bad) {
    Config config = Fixture.env("KEEL_X", bad);

    assertThat(config.duration("keel.x", Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
    assertThat(problemFor(bad, c -> c.duration("keel.x", Duration.ZERO)))
        .isEqualTo(
            "keel.x = \""
                + bad
                + "\" (from environment variable KEEL_X): expected a duration such as 500ms, 30s,"
                + " 5m, 1h, 2d or PT30S, not negative");
  }

  @ParameterizedTest
  @CsvSource({
    "1048576, 1048576",
    "0, 0",
    "100B, 100",
    "512KiB, 524288",
    "10MiB, 10485760",
    "1GiB, 1073741824",
    "2TiB, 2199023255552",
    "1KB, 1000",
    "10MB, 10000000",
    "1GB, 1000000000",
    "'10 mib', 10485760"
  })
  void bytesAcceptsBinaryAndDecimalUnits(String text, long expected) {
    assertThat(Fixture.env("KEEL_X", text).bytes("keel.x", -1)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "1.5MiB", "10XB", "MiB", "", "9223372036854775807KiB"})
  void bytesRejectsNegativesFractionsAndUnknownUnits(String bad) {
    assertThat(Fixture.env("KEEL_X", bad).bytes("keel.x", 42)).isEqualTo(42);
    assertThat(problemFor(bad, c -> c.bytes("keel.x", 0)))
        .isEqualTo(
            "keel.x = \""
                + bad
                + "\" (from environment variable KEEL_X): expected a size such as 1048576, 512KiB,"
                + " 10MiB, 1GiB or 10MB, not negative");
  }

  @Test
  void enumValueIsCaseInsensitiveAndListsTheAllowedValues() {
    Config config = Fixture.env(Map.of("KEEL_A", "debug", "KEEL_B", "Round-Robin"));

    assertThat(config.enumValue("keel.a", Level.class, Level.INFO)).isEqualTo(Level.DEBUG);
    assertThat(config.enumValue("keel.b", Level.class, Level.INFO)).isEqualTo(Level.ROUND_ROBIN);
    assertThat(config.enumValue("keel.c", Level.class, Level.INFO)).isEqualTo(Level.INFO);
    assertThat(problemFor("loud", c -> c.enumValue("keel.x", Level.class, Level.INFO)))
        .isEqualTo(
            "keel.x = \"loud\" (from environment variable KEEL_X): expected one of debug, info,"
                + " round_robin");
  }

  @Test
  void listSplitsOnCommasAndTrims() {
    Config config = Fixture.env(Map.of("KEEL_A", " a, b ,,c ", "KEEL_B", ""));

    assertThat(config.list("keel.a", List.of())).containsExactly("a", "b", "c");
    assertThat(config.list("keel.b", List.of("x"))).isEmpty();
    assertThat(config.list("keel.c", List.of("x", "y"))).containsExactly("x", "y");
  }

  @Test
  void blankPathIsRejected() {
    assertThat(problemFor(" ", c -> c.path("keel.x")))
        .isEqualTo(
            "keel.x = \" \" (from environment variable KEEL_X): expected a file system path");
  }

  @Test
  void sectionReadsKeysRelativeToItsPrefix() {
    Config config =
        Fixture.env(Map.of("KEEL_DB_URL", "jdbc:sqlite:app.db", "KEEL_DB_POOL_SIZE", "x"));
    Config db = config.section("keel.db");

    assertThat(db.string("url", "")).isEqualTo("jdbc:sqlite:app.db");
    assertThat(db.value("url").orElseThrow().key()).isEqualTo("keel.db.url");
    assertThat(db.integer("pool.size", 10, 1, 100)).isEqualTo(10);
    assertThat(db.section("pool.").integer("size", 5, 1, 100)).isEqualTo(5);
    assertThatThrownBy(config::validate)
        .isInstanceOf(ConfigException.class)
        .extracting(e -> ((ConfigException) e).problems())
        .isEqualTo(
            List.of(
                "keel.db.pool.size = \"x\" (from environment variable KEEL_DB_POOL_SIZE): expected"
                    + " an integer from 1 to 100"));
  }

  @Test
  void blankKeyIsAProgrammingError() {
    assertThatThrownBy(() -> Config.builder().build().string(" ", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("configuration key must not be blank");
  }
}
