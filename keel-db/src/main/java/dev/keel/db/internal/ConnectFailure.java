package dev.keel.db.internal;

import dev.keel.db.Dialect;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The message for a database that cannot be reached at start-up: what is wrong in plain words and
 * the command or setting that fixes it, e.g. {@code the database "shop" does not exist on
 * 127.0.0.1:5432; create it with createdb shop (or CREATE DATABASE shop; in psql)}.
 */
final class ConnectFailure {
  private static final Pattern SIMPLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  private ConnectFailure() {}

  /**
   * @param user the user Keel connected as, or null when the driver chose it
   */
  static String explain(DbUrl url, String user, SQLException e) {
    String prefix = "Keel could not connect to the database at " + url.display() + ": ";
    if (url.dialect() == Dialect.SQLITE) {
      return prefix
          + SqlErrors.rootMessage(e)
          + ". Check that the file can be created and opened, or fix keel.db.url (KEEL_DB_URL).";
    }
    Properties parsed = org.postgresql.Driver.parseURL(url.jdbcUrl(), new Properties());
    String host = parsed == null ? "?" : parsed.getProperty("PGHOST", "localhost");
    String port = parsed == null ? "?" : parsed.getProperty("PGPORT", "5432");
    String name = parsed == null ? "?" : parsed.getProperty("PGDBNAME", "");
    String address = host + ":" + port;
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String server = e.getMessage() == null ? "" : e.getMessage().strip();
    return prefix
        + switch (state) {
          case "3D000" ->
              "the database \""
                  + name
                  + "\" does not exist on "
                  + address
                  + "; create it with createdb "
                  + shell(name)
                  + " (or CREATE DATABASE "
                  + identifier(name)
                  + "; in psql), or fix the database name in keel.db.url (KEEL_DB_URL).";
          case "28P01" ->
              "PostgreSQL at "
                  + address
                  + " refused the password"
                  + (user == null ? "" : " of user \"" + user + "\"")
                  + "; fix keel.db.password (KEEL_DB_PASSWORD) or the password in keel.db.url"
                  + " (KEEL_DB_URL).";
          case "28000" ->
              "PostgreSQL at "
                  + address
                  + " refused the connection ("
                  + server
                  + ")"
                  + (server.contains("does not exist") && user != null
                      ? "; create the role with createuser " + shell(user) + ", or fix"
                      : "; fix")
                  + " keel.db.user (KEEL_DB_USER) or the user in keel.db.url (KEEL_DB_URL).";
          default -> network(e, host, address);
        };
  }

  private static String network(SQLException e, String host, String address) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "nothing accepts connections at "
            + address
            + " (connection refused); start PostgreSQL there, or fix the host and port in"
            + " keel.db.url (KEEL_DB_URL).";
      }
      if (t instanceof UnknownHostException) {
        return "the host \"" + host + "\" is unknown; fix the host in keel.db.url (KEEL_DB_URL).";
      }
      if (t instanceof SocketTimeoutException) {
        return "no answer from "
            + address
            + " within keel.db.connect-timeout; check that PostgreSQL runs there and that no"
            + " firewall drops the connection, or fix the host and port in keel.db.url"
            + " (KEEL_DB_URL).";
      }
    }
    return SqlErrors.rootMessage(e)
        + ". Start the database, or fix keel.db.url (KEEL_DB_URL), keel.db.user and"
        + " keel.db.password.";
  }

  /** {@code shop}, or {@code "My Shop"} quoted for a shell. */
  private static String shell(String name) {
    return SIMPLE_NAME.matcher(name).matches() ? name : "'" + name.replace("'", "'\\''") + "'";
  }

  /** {@code shop}, or {@code "My Shop"} quoted as an SQL identifier. */
  private static String identifier(String name) {
    return SIMPLE_NAME.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
