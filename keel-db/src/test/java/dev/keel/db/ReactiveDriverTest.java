package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Config;
import dev.keel.core.Handler;
import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What is specific to {@code keel.db.driver=reactive}; the behaviour it shares with pgjdbc is
 * covered by every {@link BothDatabases} test, which runs on it too.
 */
class ReactiveDriverTest {

  record Pair(int id, String label) {}

  @Test
  void manyConcurrentRequestsShareTwoPipelinedConnectionsAndEachGetsItsOwnAnswer()
      throws Exception {
    try (TestDb t = TestDb.reactive()) {
      Database db = t.db("keel.db.pool-size=2");
      db.sql("create table pair (id integer primary key, label text not null)").update();
      db.sql("insert into pair select g, 'label ' || g from generate_series(1, 500) g").update();
      Set<Integer> backends = ConcurrentHashMap.newKeySet();
      List<Future<Void>> runs = new ArrayList<>();
      try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 1; i <= 500; i++) {
          int id = i;
          runs.add(
              threads.submit(
                  () -> {
                    Pair p =
                        db.sql("select id, label from pair where id = :id")
                            .bind("id", id)
                            .one(Pair.class);
                    assertThat(p).isEqualTo(new Pair(id, "label " + id));
                    List<Pair> each =
                        db.sql("select id, label from pair where id = :id")
                            .oneEach(List.of(id, 501 - id), Pair.class);
                    assertThat(each).extracting(Pair::id).containsExactly(id, 501 - id);
                    backends.add(db.sql("select pg_backend_pid()").one(Integer.class));
                    return null;
                  }));
        }
        for (Future<Void> f : runs) f.get();
      }
      // 1,500 statements from 500 threads at once went over the pool's two connections
      assertThat(backends).hasSizeBetween(1, 2);
    }
  }

  @Test
  void aTransactionKeepsOneConnectionAndRollsBackOnFailure() throws Exception {
    try (TestDb t = TestDb.reactive()) {
      Database db = t.db();
      db.sql("create table account (id integer primary key, balance integer not null)").update();
      db.sql("insert into account values (1, 100)").update();
      assertThatThrownBy(
              () ->
                  db.transaction(
                      () -> {
                        Set<Long> txids = new HashSet<>();
                        Set<Integer> pids = new HashSet<>();
                        for (int i = 0; i < 5; i++) {
                          txids.add(db.sql("select txid_current()").one(Long.class));
                          pids.add(db.sql("select pg_backend_pid()").one(Integer.class));
                        }
                        assertThat(txids).hasSize(1);
                        assertThat(pids).hasSize(1);
                        db.sql("update account set balance = 0 where id = 1").update();
                        db.sql("insert into account values (1, 5)").update(); // duplicate key
                      }))
          .isInstanceOf(ConstraintViolationException.class)
          .hasMessageContaining("insert into account values (1, 5)");
      assertThat(db.sql("select balance from account where id = 1").one(Integer.class))
          .isEqualTo(100);
      // the connection went back clean: a new transaction commits
      db.transaction(() -> db.sql("update account set balance = 7 where id = 1").update());
      assertThat(db.sql("select balance from account where id = 1").one(Integer.class))
          .isEqualTo(7);
    }
  }

  @Test
  void serverErrorsAndUnencodableValuesNameTheSql() throws Exception {
    try (TestDb t = TestDb.reactive()) {
      Database db = t.db();
      assertThatThrownBy(() -> db.sql("select * from missing_table").list(Integer.class))
          .isExactlyInstanceOf(DatabaseException.class)
          .hasMessageContaining("missing_table")
          .hasMessageContaining("[SQLSTATE 42P01] in: select * from missing_table");
      assertThatThrownBy(() -> db.sql("select :n::int").bind("n", "seven").one(Integer.class))
          .isExactlyInstanceOf(DatabaseException.class)
          .hasMessageContaining("in: select :n::int");
      assertThat(db.sql("select 1").one(Integer.class)).isEqualTo(1); // still usable
    }
  }

  @Test
  void aPostgresqlServerLostWhileRunningAnswers503AndRecovers() throws Exception {
    try (TestDb t = TestDb.reactive();
        TcpProxy proxy = new TcpProxy(5432)) {
      proxy.start();
      Database db = Database.create();
      Keel app = Keel.create(t.configThrough(proxy)).install(db);
      app.get("/one", ctx -> db.sql("select 1").one(Integer.class));
      app.get("/tx", ctx -> db.transaction(() -> db.sql("select 2").one(Integer.class)));
      try (var client = TestClient.inProcess(app)) {
        assertThat(client.get("/one").send().status()).isEqualTo(200);
        assertThat(client.get("/tx").send().status()).isEqualTo(200);
        proxy.cut();
        var lost = client.get("/one").send();
        assertThat(lost.status()).isEqualTo(503);
        assertThat(lost.json().get("type").asString()).isEqualTo(DbProblems.DB_UNAVAILABLE.uri());
        assertThat(lost.header("retry-after")).contains("1");
        assertThat(client.get("/one").send().status()).isEqualTo(503);
        assertThat(client.get("/tx").send().status()).isEqualTo(503);
        proxy.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int one = 0;
        int tx = 0;
        while ((one != 200 || tx != 200) && System.nanoTime() < deadline) {
          one = client.get("/one").send().status();
          tx = client.get("/tx").send().status();
        }
        assertThat(one).isEqualTo(200);
        assertThat(tx).isEqualTo(200);
      } finally {
        app.stop();
      }
    }
  }

  /** keel-db/README.md's reactive-driver example, on a test database. */
  @Test
  void theReadmeExampleRuns() throws Exception {
    try (TestDb t = TestDb.create(Dialect.POSTGRESQL)) {
      // --- README example start (with the test database's URL)
      Database db =
          Database.connect(
              Config.builder()
                  .defaults(Map.of("keel.db.url", t.url, "keel.db.driver", "reactive"))
                  .build());
      // --- README example end
      try (db) {
        db.sql("create table pair (id integer primary key, label text not null)").update();
        db.sql("insert into pair values (7, 'seven')").update();
        Pair p = db.sql("select id, label from pair where id = :id").bind("id", 7).one(Pair.class);
        assertThat(p).isEqualTo(new Pair(7, "seven"));
        assertThat(db.pool().getMaximumPoolSize()).isEqualTo(2); // only migrations and health
      }
    }
  }

  @Test
  void anApplicationsConnectionsLiveOnLoopsOfTheirOwnUnlessLentTheServers() throws Exception {
    try (TestDb t = TestDb.create(Dialect.POSTGRESQL)) {
      t.db().sql("create table pair (id integer primary key, label text not null)").update();
      t.db().sql("insert into pair values (7, 'seven')").update();
      assertThat(newVertxLoops(t.url, "true")).isZero();
      assertThat(newVertxLoops(t.url, "false")).isPositive();
      assertThat(newVertxLoops(t.url, null)).isPositive(); // the default: loops of its own
    }
  }

  /**
   * Serves 50 requests with a statement each; returns how many Vert.x event loops appeared. {@code
   * serverLoops} null leaves {@code keel.db.server-event-loops} at its default.
   */
  private static long newVertxLoops(String url, String serverLoops) throws Exception {
    Set<Thread> before = vertxLoops();
    Database db = Database.create();
    var settings =
        new HashMap<String, String>(
            Map.of("keel.db.url", url, "keel.db.driver", "reactive", "keel.server.port", "0"));
    if (serverLoops != null) settings.put("keel.db.server-event-loops", serverLoops);
    Keel app = Keel.create(Config.builder().defaults(settings).build()).install(db);
    app.get("/pair", ctx -> db.sql("select label from pair where id = 7").one(String.class));
    // On a loop it runs on, a statement would wait for itself: refused, never a hang.
    app.get(
        "/on-the-loop",
        Handler.nonBlocking(
            ctx -> db.sql("select label from pair where id = 7").one(String.class)));
    app.start();
    try (var client = TestClient.overSocket(app)) {
      for (int i = 0; i < 50; i++) {
        var r = client.get("/pair").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("seven");
      }
      if ("true".equals(serverLoops)) {
        assertThat(client.get("/on-the-loop").send().status()).isEqualTo(500);
      }
      // threads, not a net count: loops of an earlier test may end while this one runs
      return vertxLoops().stream().filter(th -> !before.contains(th)).count();
    } finally {
      app.stop();
    }
  }

  private static Set<Thread> vertxLoops() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(th -> th.isAlive() && th.getName().startsWith("vert.x-eventloop-thread"))
        .collect(Collectors.toSet());
  }

  @Test
  void theReactiveDriverNeedsPostgresql() {
    Config config =
        Config.builder()
            .defaults(Map.of("keel.db.url", "jdbc:sqlite::memory:", "keel.db.driver", "reactive"))
            .build();
    assertThatThrownBy(() -> Database.connect(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keel.db.driver")
        .hasMessageContaining("needs PostgreSQL");
  }
}
