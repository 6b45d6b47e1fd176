package dev.keel.ai.vector;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A fresh PostgreSQL database {@code keel_ai_<random>} on 127.0.0.1:5432, dropped on close. */
public final class PgTestDatabase implements AutoCloseable {
  private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";

  public final String name;
  public final String url;

  private PgTestDatabase(String name) {
    this.name = name;
    this.url = "postgres://postgres@127.0.0.1:5432/" + name;
  }

  public static PgTestDatabase create() {
    String name = "keel_ai_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin("create database " + name);
    return new PgTestDatabase(name);
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(ADMIN, "postgres", "");
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    admin("drop database if exists " + name + " with (force)");
  }
}
