package dev.keel.examples.techempower;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh copy of TechEmpower's {@code hello_world} database on the local PostgreSQL (trust auth as
 * {@code postgres}), created with a random name for one test class and dropped by {@link #close()}.
 */
final class HelloWorldDatabase implements AutoCloseable {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String USER = "postgres";

  final String name = "keel_te_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  HelloWorldDatabase() throws SQLException {
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
          INSERT INTO fortune (id, message) VALUES
            (1, 'fortune: No such file or directory'),
            (2, 'A computer scientist is someone who fixes things that aren''t broken.'),
            (3, 'After enough decimal places, nobody gives a damn.'),
            (4, 'A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1'),
            (5, 'A computer program does what you tell it to do, not what you want it to do.'),
            (6, 'Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen'),
            (7, 'Any program that runs right is obsolete.'),
            (8, 'A list is only as strong as its weakest link. — Donald Knuth'),
            (9, 'Feature: A bug with seniority.'),
            (10, 'Computers make very fast, very accurate mistakes.'),
            (11, '<script>alert("This should not be displayed in a browser alert box.");</script>'),
            (12, 'フレームワークのベンチマーク');
          """);
    }
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
