package dev.keel.messaging;

import dev.keel.db.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database for one test: an SQLite file in a temporary folder, or a PostgreSQL database
 * {@code keel_msg_<random>} on 127.0.0.1:5432, dropped on close.
 */
final class TestDatabase implements AutoCloseable {
  private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";

  final Dialect dialect;
  final String url;
  private final String pgName;

  private TestDatabase(Dialect dialect, String url, String pgName) {
    this.dialect = dialect;
    this.url = url;
    this.pgName = pgName;
  }

  static TestDatabase create(Dialect dialect) {
    try {
      if (dialect == Dialect.SQLITE) {
        Path folder = Files.createTempDirectory("keel-messaging-test");
        return new TestDatabase(dialect, "jdbc:sqlite:" + folder.resolve("test.db"), null);
      }
      String name = "keel_msg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      admin("create database " + name);
      return new TestDatabase(dialect, "postgres://postgres@127.0.0.1:5432/" + name, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(PG_ADMIN, "postgres", "");
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (pgName != null) {
      admin("drop database if exists " + pgName + " with (force)");
      return;
    }
    Path folder = Path.of(url.substring("jdbc:sqlite:".length())).getParent();
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind
    }
  }

  @Override
  public String toString() {
    return dialect.name().toLowerCase(java.util.Locale.ROOT);
  }
}
