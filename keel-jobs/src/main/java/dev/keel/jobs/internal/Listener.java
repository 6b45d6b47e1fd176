package dev.keel.jobs.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL only: a dedicated connection that {@code LISTEN}s on {@code keel_jobs} (the insert
 * trigger notifies once per statement) and wakes the dispatcher, so an idle instance starts a new
 * job within milliseconds instead of at its next poll. Reconnects after a lost connection; polling
 * covers the gap.
 */
public final class Listener implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("dev.keel.jobs");

  private final String url;
  private final Properties props = new Properties();
  private final Runnable onNotify;
  private volatile boolean closed;
  private volatile Connection connection;
  private Thread thread;

  public Listener(String url, String user, String password, Runnable onNotify) {
    this.url = url;
    if (user != null) props.setProperty("user", user);
    if (password != null) props.setProperty("password", password);
    props.setProperty("ApplicationName", "keel-jobs listener");
    this.onNotify = onNotify;
  }

  public void start() {
    thread = Thread.ofVirtual().name("keel-jobs-listener").start(this::loop);
  }

  private void loop() {
    while (!closed) {
      try (Connection c = DriverManager.getConnection(url, props)) {
        connection = c;
        try (Statement st = c.createStatement()) {
          st.execute("LISTEN keel_jobs");
        }
        onNotify.run(); // jobs may have arrived while not listening
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] got = pg.getNotifications(1000);
          if (got != null && got.length > 0) onNotify.run();
        }
      } catch (SQLException e) {
        if (closed) return;
        log.warn("listening for new jobs failed, polling meanwhile: {}", e.toString());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    Connection c = connection;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        log.debug("closing the listener connection", e);
      }
    }
    if (thread != null) thread.interrupt();
  }
}
