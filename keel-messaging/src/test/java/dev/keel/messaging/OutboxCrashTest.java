package dev.keel.messaging;

import static dev.keel.messaging.TestApp.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.db.Dialect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * At least once across a crash: a second JVM ({@link OutboxMain}) commits messages to the outbox
 * and is killed with SIGKILL; after a restart every committed message arrives, and none of a
 * transaction that never committed.
 */
class OutboxCrashTest {

  @Test
  void messagesCommittedByAProcessKilledBeforeSendingAreDeliveredAfterRestart() throws Exception {
    String topic = TestApp.topic("crash");
    try (var db = TestDatabase.create(Dialect.POSTGRESQL)) {
      createTable(db);
      Process child = start(db.url, topic, "once", "committed");
      child.destroyForcibly(); // SIGKILL right after the commit, before any send
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(count(db, "select count(*) from keel_message_outbox")).isEqualTo(50);
      Set<String> got = ConcurrentHashMap.newKeySet();
      Messaging restarted =
          Messaging.nats("nats://127.0.0.1:4222")
              .subscribe(
                  topic,
                  OutboxMain.Numbered.class,
                  m -> got.add(m.payload().tx() + "/" + m.payload().i()));
      try (var app = TestApp.start(db.url, restarted)) {
        waitFor(() -> got.size() == 50, 30);
        waitFor(() -> app.messaging.outboxSize() == 0);
      }
      Set<String> expected = new HashSet<>();
      for (int i = 0; i < 50; i++) expected.add("0/" + i);
      assertThat(got).isEqualTo(expected);
    }
  }

  @Test
  void aProcessKilledWhileItsRelayIsSendingLosesNoCommittedMessage() throws Exception {
    String topic = TestApp.topic("crash");
    try (var db = TestDatabase.create(Dialect.POSTGRESQL)) {
      createTable(db);
      Process child = start(db.url, topic, "stream", "tx 30");
      child.destroyForcibly(); // mid-stream: some sent, some committed but unsent, one open
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      List<Long> committed = new ArrayList<>();
      try (Connection c = DriverManager.getConnection(jdbc(db), "postgres", "");
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select tx from committed_tx order by tx")) {
        while (rs.next()) committed.add(rs.getLong(1));
      }
      assertThat(committed.size()).isGreaterThan(30);
      Set<String> expected = new HashSet<>();
      for (long tx : committed) for (int i = 0; i < 20; i++) expected.add(tx + "/" + i);
      Set<String> got = ConcurrentHashMap.newKeySet();
      Messaging restarted =
          Messaging.nats("nats://127.0.0.1:4222")
              .subscribe(
                  topic,
                  OutboxMain.Numbered.class,
                  m -> got.add(m.payload().tx() + "/" + m.payload().i()));
      try (var app = TestApp.start(db.url, restarted)) {
        waitFor(() -> got.size() >= expected.size(), 60);
        waitFor(() -> app.messaging.outboxSize() == 0);
        Thread.sleep(300);
      }
      assertThat(got).isEqualTo(expected); // every committed one, nothing of the open transaction
    }
  }

  private static void createTable(TestDatabase db) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbc(db), "postgres", "");
        Statement st = c.createStatement()) {
      st.execute("create table committed_tx (tx bigint primary key)");
    }
  }

  private static long count(TestDatabase db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbc(db), "postgres", "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String jdbc(TestDatabase db) {
    return "jdbc:postgresql://" + db.url.substring("postgres://postgres@".length());
  }

  /** Starts {@link OutboxMain} and returns once it printed {@code line}. */
  private static Process start(String url, String topic, String mode, String line)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(OutboxMain.class.getName());
    cmd.addAll(List.of(url, "nats://127.0.0.1:4222", topic, mode));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("KEEL_PROFILE", "test");
    Process p = pb.start();
    var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String read;
    while ((read = out.readLine()) != null && !read.equals(line)) {
      // start-up logging
    }
    if (read == null) throw new IllegalStateException("OutboxMain exited before printing " + line);
    Thread.ofVirtual().start(() -> out.lines().forEach(l -> {}));
    return p;
  }
}
