package dev.keel.db.internal;

import dev.keel.db.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A connected {@link Engine} on a fresh SQLite file or a fresh PostgreSQL database {@code
 * keel_test_<random>} on 127.0.0.1:5432 (user postgres), dropped on close: for tests of the
 * internals, which the public {@code Database} does not expose.
 */
final class TestEngine implements AutoCloseable {
  private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";

  final Engine engine;
  private final Path folder;
  private final String pgName;

  private TestEngine(String url, Path folder, String pgName) {
    this.folder = folder;
    this.pgName = pgName;
    this.engine =
        new Engine(
            new DbSettings(
                DbUrl.parse(url),
                Optional.empty(),
                Optional.empty(),
                2,
                Duration.ofSeconds(2),
                Duration.ofMinutes(2),
                false,
                "classpath:db/migration",
                DbSettings.PendingMigrations.FAIL,
                Duration.ofSeconds(1),
                false,
                2));
    engine.connect(UnaryOperator.identity(), pool -> {});
  }

  static TestEngine create(Dialect dialect) throws Exception {
    if (dialect == Dialect.SQLITE) {
      Path folder = Files.createTempDirectory("keel-db-internal");
      return new TestEngine("jdbc:sqlite:" + folder.resolve("test.db"), folder, null);
    }
    String name = "keel_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(PG_ADMIN, "postgres", "");
        Statement st = c.createStatement()) {
      st.execute("create database " + name);
    }
    return new TestEngine("postgres://postgres@127.0.0.1:5432/" + name, null, name);
  }

  /** Connections borrowed from the pool and not given back. */
  int borrowed() {
    return engine.pool().getHikariPoolMXBean().getActiveConnections();
  }

  @Override
  public void close() throws Exception {
    engine.close();
    if (pgName != null) {
      try (Connection c = DriverManager.getConnection(PG_ADMIN, "postgres", "");
          Statement st = c.createStatement()) {
        st.execute("drop database if exists " + pgName + " with (force)");
      }
    }
    if (folder != null) {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
