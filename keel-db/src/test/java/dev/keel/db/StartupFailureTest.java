package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Config;
import dev.keel.core.ConfigException;
import dev.keel.core.Keel;
import dev.keel.core.StartupException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What start-up says when the database settings are wrong: the configuration is validated before
 * anything is created, and a database that cannot be reached gets one message with the fix.
 */
class StartupFailureTest {

  private static Keel app(Map<String, String> env, String url) {
    Config config =
        Config.builder()
            .environment(env)
            .defaults(Map.of("keel.db.url", url, "keel.server.port", "0"))
            .build();
    return Keel.create(config).install(Database.create());
  }

  /** What the JVM prints for it when uncaught from main. */
  private static String printed(Throwable e) {
    var out = new ByteArrayOutputStream();
    e.printStackTrace(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aMistypedKeyStopsStartUpBeforeTheDatabaseFileIsCreatedOrMigrated() throws Exception {
    String name = "keel-typo-" + UUID.randomUUID();
    Path file = Path.of("data", name + ".db"); // the default file: ./data/<keel.app.name>.db
    Config config =
        Config.builder()
            .environment(Map.of("KEEL_DB_ULR", "postgres://db.example/shop"))
            .defaults(Map.of("keel.app.name", name, "keel.server.port", "0"))
            .build();
    try {
      Keel app = Keel.create(config).install(Database.create());
      assertThatThrownBy(app::start)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(
              "unknown key keel.db.ulr (from environment variable KEEL_DB_ULR): did you mean"
                  + " keel.db.url?");
      assertThat(file).doesNotExist();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void aMalformedUrlIsReportedWithTheOtherConfigurationProblems() {
    Keel app = app(Map.of("KEEL_DB_POOL_SIZE", "many"), "mysql://db.example/shop");
    assertThatThrownBy(app::start)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("keel.db.url = \"mysql://db.example/shop\"")
        .hasMessageContaining("is not a database URL Keel understands")
        .hasMessageContaining("keel.db.pool-size = \"many\"");
  }

  @Test
  void aMissingPostgresqlDatabaseSaysHowToCreateIt() {
    String name = "keel_missing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    Keel app = app(Map.of(), "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres");
    assertThatThrownBy(app::start)
        .isInstanceOf(StartupException.class)
        .hasMessage(
            "Keel could not connect to the database at jdbc:postgresql://127.0.0.1:5432/"
                + name
                + "?user=postgres: the database \""
                + name
                + "\" does not exist on 127.0.0.1:5432; create it with createdb "
                + name
                + " (or CREATE DATABASE "
                + name
                + "; in psql), or fix the database name in keel.db.url (KEEL_DB_URL).")
        .satisfies(e -> assertThat(printed(e)).doesNotContain("\tat ").hasLineCount(1));
  }

  @Test
  void aStoppedPostgresqlServerIsNamedByHostAndPort() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // free once closed: nothing listens there
    }
    Keel app = app(Map.of(), "postgres://postgres@127.0.0.1:" + port + "/shop");
    assertThatThrownBy(app::start)
        .isInstanceOf(StartupException.class)
        .hasMessageEndingWith(
            ": nothing accepts connections at 127.0.0.1:"
                + port
                + " (connection refused); start PostgreSQL there, or fix the host and port in"
                + " keel.db.url (KEEL_DB_URL).");
  }

  @Test
  void anUnknownUserIsNamedWithTheCommandThatCreatesIt() {
    Keel app = app(Map.of(), "postgres://keel_nosuchrole@127.0.0.1:5432/postgres");
    assertThatThrownBy(app::start)
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("PostgreSQL at 127.0.0.1:5432 refused the connection")
        .hasMessageContaining("role \"keel_nosuchrole\" does not exist")
        .hasMessageContaining("create the role with createuser keel_nosuchrole")
        .hasMessageContaining("keel.db.user (KEEL_DB_USER)");
  }
}
