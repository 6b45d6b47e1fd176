package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Config;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code keel.db.*} settings are read; no database needed. */
class SettingsTest {
  private static Config config(Map<String, String> values) {
    return Config.builder().defaults(values).build();
  }

  @Test
  void withoutAUrlTheDatabaseIsAnSqliteFileNamedAfterTheApp() {
    var s = Database.settings(config(Map.of("keel.app.name", "blog")));
    assertThat(s.url().jdbcUrl()).isEqualTo("jdbc:sqlite:data/blog.db");
    assertThat(s.url().dialect()).isEqualTo(Dialect.SQLITE);
    assertThat(s.poolSize()).isEqualTo(4);
    assertThat(s.migrate()).isTrue();
  }

  @Test
  void postgresUrlsCarryCredentialsAndAreMaskedForDisplay() {
    var s =
        Database.settings(
            config(
                Map.of(
                    "keel.db.url",
                    "postgres://app:s%40cret@db.example:6543/shop?sslmode=require",
                    "keel.db.pool-size",
                    "32")));
    assertThat(s.url().jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.example:6543/shop?sslmode=require");
    assertThat(s.user()).contains("app");
    assertThat(s.password()).contains("s@cret");
    assertThat(s.url().display())
        .isEqualTo("postgres://app:****@db.example:6543/shop?sslmode=require");
    assertThat(s.poolSize()).isEqualTo(32);
  }

  @Test
  void jdbcUrlsPassThroughWithPasswordsMasked() {
    var s =
        Database.settings(
            config(
                Map.of(
                    "keel.db.url",
                    "jdbc:postgresql://h/db?user=u&password=pw",
                    "keel.profile",
                    "prod")));
    assertThat(s.url().display()).isEqualTo("jdbc:postgresql://h/db?user=u&password=****");
    assertThat(s.migrate()).isFalse();
  }

  @Test
  void unknownUrlFormsAreRejectedWithTheAcceptedForms() {
    assertThatThrownBy(() -> Database.settings(config(Map.of("keel.db.url", "mysql://x/y"))))
        .hasMessageContaining("mysql://x/y")
        .hasMessageContaining("postgres://user:password@host:5432/db");
  }
}
