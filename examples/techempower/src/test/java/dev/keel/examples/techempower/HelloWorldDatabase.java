package dev.keel.examples.techempower;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A fresh copy of TechEmpower's {@code hello_world} database on the local PostgreSQL (trust auth as
 * {@code postgres}), created with a random name for one test class and dropped by {@link #close()}.
 */
final class HelloWorldDatabase implements AutoCloseable {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String USER = "postgres";

  final String name = "keel_te_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  HelloWorldDatabase() throws SQLException, IOException {
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(
          """
          CREATE TABLE world (id integer NOT NULL PRIMARY KEY,
                              randomNumber integer NOT NULL DEFAULT 0);
          CREATE TABLE fortune (id integer NOT NULL PRIMARY KEY, message varchar(2048) NOT NULL);
          INSERT INTO world (id, randomnumber)
            SELECT n, least(floor(random() * 10000 + 1), 10000) FROM generate_series(1, 10000) n;
          """
              + "INSERT INTO fortune (id, message) VALUES "
              + fortuneRows());
    }
  }

  /** TechEmpower's 12 fortunes, from the file the benchmark harness seeds hello_world with. */
  private static String fortuneRows() throws IOException {
    Path rows = Path.of("../../benchmarks/db/fortune-rows.sql");
    return Files.readAllLines(rows, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.startsWith("--"))
        .collect(Collectors.joining("\n"));
  }

  /** The URL in the form Keel apps are configured with ({@code KEEL_DB_URL}). */
  String url() {
    return "postgres://" + USER + "@127.0.0.1:5432/" + name;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(SERVER + name, USER, "");
  }

  @Override
  public void close() throws SQLException {
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
