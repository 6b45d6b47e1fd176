package dev.keel.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeysTest {

  @Test
  void canonicalFormIgnoresCaseAndSeparators() {
    assertThat(Keys.canonical("KEEL_SERVER_MAX_CONNECTIONS"))
        .isEqualTo(Keys.canonical("keel.server.max-connections"))
        .isEqualTo(Keys.canonical("Keel.Server.Max_Connections"))
        .isEqualTo("keel.server.max.connections");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "keel.db.password",
        "KEEL_DB_PASSWORD",
        "keel.db.dbpassword",
        "keel.jwt.secret",
        "keel.jwt.client-secret",
        "keel.github.token",
        "keel.stripe.api-key",
        "keel.stripe.apikey",
        "keel.tls.key.file"
      })
  void secretKeys(String key) {
    assertThat(Keys.isSecret(key)).isTrue();
    assertThat(Keys.display(key, "x")).isEqualTo("****");
  }

  @ParameterizedTest
  @ValueSource(strings = {"keel.server.port", "keel.keyboard", "keel.tokens.max", "keel.passwords"})
  void ordinaryKeys(String key) {
    assertThat(Keys.isSecret(key)).isFalse();
    assertThat(Keys.display(key, "x")).isEqualTo("x");
  }

  @Test
  void displayEscapesLineBreaks() {
    assertThat(Keys.display("keel.a", "one\ntwo\tthree")).isEqualTo("one\\ntwo\\tthree");
  }

  @ParameterizedTest
  @CsvSource({"abc, abc, 0", "abc, acb, 1", "abc, ab, 1", "abc, xyz, 3", "'', abc, 3"})
  void distanceCountsASwapAsOneEdit(String a, String b, int expected) {
    assertThat(Keys.distance(a, b)).isEqualTo(expected);
  }

  @Test
  void suggestsOnlyCloseKeys() {
    List<String> known = List.of("keel.server.port", "keel.server.host", "keel.db.url");

    assertThat(Keys.suggest("keel.server.prot", known)).contains("keel.server.port");
    assertThat(Keys.suggest("KEEL_SERVER_HOTS", known)).contains("keel.server.host");
    assertThat(Keys.suggest("keel.db.uri", known)).contains("keel.db.url");
    assertThat(Keys.suggest("keel.database.url", known)).isEmpty();
    assertThat(Keys.suggest("keel.x", List.of())).isEmpty();
  }

  @Test
  void canonicalPrefixEndsWithADot() {
    assertThat(Keys.canonicalPrefix("keel.custom")).isEqualTo("keel.custom.");
    assertThat(Keys.canonicalPrefix("KEEL_CUSTOM_")).isEqualTo("keel.custom.");
  }
}
