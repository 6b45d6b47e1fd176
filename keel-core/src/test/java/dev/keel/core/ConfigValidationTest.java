package dev.keel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidationTest {

  @TempDir Path work;

  @Test
  void everyProblemIsReportedAtOnce() {
    Fixture.write(work, "keel.properties", "# server\nkeel.server.idle-timeout=soon\n");
    Config config =
        Config.builder()
            .args("--keel.server.port=abc")
            .environment(Map.of("KEEL_SERVER_GZIP", "yes", "KEEL_SERVER_PROT", "1"))
            .workingDirectory(work)
            .build();

    assertThat(config.integer("keel.server.port", 8080, 0, 65535)).isEqualTo(8080);
    assertThat(config.bool("keel.server.gzip", false)).isFalse();
    assertThat(config.duration("keel.server.idle-timeout", Duration.ofSeconds(30)))
        .isEqualTo(Duration.ofSeconds(30));
    ConfigException e = catchThrowableOfType(ConfigException.class, config::validate);

    assertThat(e.code()).isEqualTo("KEEL-CONFIG-001");
    assertThat(e.problems())
        .containsExactly(
            "keel.server.port = \"abc\" (from command-line argument --keel.server.port): expected"
                + " an integer from 0 to 65535",
            "keel.server.gzip = \"yes\" (from environment variable KEEL_SERVER_GZIP): expected"
                + " true or false",
            "keel.server.idle-timeout = \"soon\" (from file ./keel.properties line 2): expected a"
                + " duration such as 500ms, 30s, 5m, 1h, 2d or PT30S, not negative",
            "unknown key keel.server.prot (from environment variable KEEL_SERVER_PROT): did you"
                + " mean keel.server.port?");
    assertThat(e)
        .hasMessageStartingWith("KEEL-CONFIG-001: invalid configuration (4 problems)\n  - ")
        .hasMessageEndingWith("\n  - " + e.problems().getLast());
  }

  @Test
  void aValueReadTwiceIsReportedOnce() {
    Config config = Fixture.env("KEEL_PORT", "x");
    config.integer("keel.port", 1, 0, 10);
    config.integer("keel.port", 1, 0, 10);

    assertThat(catchThrowableOfType(ConfigException.class, config::validate).problems()).hasSize(1);
  }

  @Test
  void unknownKeysAloneCarryTheUnknownCodeAndNameEveryOrigin() {
    Fixture.write(work, "keel.properties", "keel.servr.port=1\nserver.port=2\n");
    Properties system = new Properties();
    system.setProperty("keel.servr.port", "3");
    Config config =
        Config.builder()
            .systemProperties(system)
            .environment(Map.of("KEEL_TOTALLY_DIFFERENT", "x"))
            .workingDirectory(work)
            .build();
    config.integer("keel.server.port", 8080, 0, 65535);

    assertThatThrownBy(config::validate)
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "KEEL-CONFIG-002: unknown configuration keys (3 problems)\n"
                + "  - unknown key keel.servr.port (from system property keel.servr.port, file"
                + " ./keel.properties line 1): did you mean keel.server.port?\n"
                + "  - unknown key keel.totally.different (from environment variable"
                + " KEEL_TOTALLY_DIFFERENT): no setting reads this key; check the spelling or"
                + " remove it\n"
                + "  - unknown key server.port (from file ./keel.properties line 2): no setting"
                + " reads this key; check the spelling or remove it");
  }

  @Test
  void suggestionPicksTheClosestKnownKey() {
    Config config = Fixture.env("KEEL_DB_POOL_SZIE", "5");
    config.declare("keel.db.pool.size", "keel.db.pool.idle", "keel.db.url");

    assertThat(catchThrowableOfType(ConfigException.class, config::validate).problems())
        .containsExactly(
            "unknown key keel.db.pool.szie (from environment variable KEEL_DB_POOL_SZIE): did you"
                + " mean keel.db.pool.size?");
  }

  @Test
  void declaredKeysAndPrefixesAreNotUnknown() {
    Config config =
        Fixture.env(
            Map.of(
                "KEEL_LAZY", "1",
                "KEEL_CUSTOM_ANYTHING", "2",
                "KEEL_CUSTOM_DEEP_ER", "3",
                "KEEL_CUSTOMER", "4",
                "KEEL_PLUGIN_A_B", "5"));
    config.declare("keel.lazy");
    config.declarePrefix("keel.custom");
    config.section("keel.plugin").declarePrefix("a.");

    assertThat(catchThrowableOfType(ConfigException.class, config::validate).problems())
        .containsExactly(
            "unknown key keel.customer (from environment variable KEEL_CUSTOMER): no setting"
                + " reads this key; check the spelling or remove it");
  }

  @Test
  void defaultsAreNeverUnknownAndCleanConfigValidates() {
    Config config =
        Config.builder()
            .defaults(Map.of("keel.unused", "1"))
            .environment(Map.of("KEEL_PROFILE", "prod", "KEEL_USED", "1"))
            .build();
    config.string("keel.used", "");

    config.validate();
    config.validate();
  }

  @Test
  void secretsAreMaskedInMessagesValuesAndToString() {
    Config config =
        Fixture.env(
            Map.of(
                "KEEL_DB_PASSWORD", "hunter2",
                "KEEL_JWT_SECRET", "s3cr3t",
                "KEEL_API_TOKEN_TTL", "forever",
                "KEEL_STRIPE_APIKEY", "sk_live",
                "KEEL_SERVER_PORT", "8080"));
    config.declare("keel.db.password", "keel.jwt.secret", "keel.stripe.apikey", "keel.server.port");
    config.duration("keel.api.token.ttl", Duration.ZERO);

    assertThat(config.value("keel.db.password").orElseThrow().value()).isEqualTo("hunter2");
    assertThat(config.value("keel.db.password").orElseThrow())
        .hasToString("keel.db.password = \"****\" (from environment variable KEEL_DB_PASSWORD)");
    assertThat(config)
        .hasToString(
            "Config[profile=dev; keel.api.token.ttl=**** (from environment variable"
                + " KEEL_API_TOKEN_TTL); keel.db.password=**** (from environment variable"
                + " KEEL_DB_PASSWORD); keel.jwt.secret=**** (from environment variable"
                + " KEEL_JWT_SECRET); keel.server.port=8080 (from environment variable"
                + " KEEL_SERVER_PORT); keel.stripe.apikey=**** (from environment variable"
                + " KEEL_STRIPE_APIKEY)]");
    assertThat(catchThrowableOfType(ConfigException.class, config::validate))
        .hasMessageContaining(
            "keel.api.token.ttl = \"****\" (from environment variable KEEL_API_TOKEN_TTL)")
        .hasMessageNotContaining("forever");
  }

  @Test
  void sectionToStringShowsOnlyItsKeys() {
    Config config = Fixture.env(Map.of("KEEL_DB_URL", "u", "KEEL_DBX", "x", "KEEL_WEB_X", "y"));

    assertThat(config.section("keel.db"))
        .hasToString("Config[profile=dev; keel.db.url=u (from environment variable KEEL_DB_URL)]");
  }

  @Test
  void rejectAddsTheCallersOwnProblems() {
    Config config = Fixture.env(Map.of("KEEL_TLS_ENABLED", "true", "KEEL_TLS_KEY_FILE", "k"));
    config.bool("keel.tls.enabled", false);
    config.reject("keel.tls.cert-file", "required when keel.tls.enabled is true");
    config.reject("keel.tls.key-file", "must be set together with keel.tls.cert-file");

    assertThat(catchThrowableOfType(ConfigException.class, config::validate).problems())
        .containsExactly(
            "keel.tls.cert-file: required when keel.tls.enabled is true",
            "keel.tls.key-file = \"****\" (from environment variable KEEL_TLS_KEY_FILE): must be"
                + " set together with keel.tls.cert-file");
  }

  @Test
  void exceptionKeepsItsProblemsAndCode() {
    ConfigException e = new ConfigException(ConfigException.UNKNOWN_KEY, List.of("a", "b"));

    assertThat(e.code()).isEqualTo("KEEL-CONFIG-002");
    assertThat(e.problems()).containsExactly("a", "b");
    assertThatThrownBy(() -> e.problems().add("c"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new ConfigException(ConfigException.INVALID_VALUE, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
