package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.core.StartupException;
import dev.keel.test.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A dead database at start-up, a database lost and regained while the app runs. */
class AvailabilityTest {

  @BothDatabases
  void aDeadDatabaseStopsStartUpNamingTheUrlAndTheCause(TestDb t) throws Exception {
    String url;
    String shown;
    Path dir = null;
    if (t.dialect == Dialect.POSTGRESQL) {
      url = "postgres://keel:hunter2@127.0.0.1:1/shop";
      shown = "postgres://keel:****@127.0.0.1:1/shop";
    } else {
      dir = Files.createTempDirectory("keel-db-dir"); // a folder is not a database file
      url = "jdbc:sqlite:" + dir;
      shown = url;
    }
    Config config = Config.builder().defaults(Map.of("keel.db.url", url)).build();
    try {
      Keel app = Keel.create(config).install(Database.create()); // connects at start, not here
      assertThatThrownBy(app::start)
          .isInstanceOf(StartupException.class)
          .hasMessageStartingWith("Keel could not connect to the database at " + shown + ": ")
          .hasMessageNotContaining("hunter2")
          .hasMessageContaining("keel.db.url (KEEL_DB_URL)")
          .cause()
          .isInstanceOf(DatabaseUnavailableException.class)
          .hasNoCause();
    } finally {
      if (dir != null) Files.delete(dir);
    }
  }

  @BothDatabases
  void anExhaustedOrLostDatabaseAnswers503AndRecovers(TestDb t) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        t.reactive, "pipelined statements share connections: no exhaustion (ReactiveDriverTest)");
    Database db = Database.create();
    Keel app =
        Keel.create(
                t.config(
                    "keel.db.pool-size=1",
                    "keel.db.connect-timeout=300ms",
                    "keel.db.retry-after=3s"))
            .install(db);
    app.get("/count", ctx -> db.sql("select count(*) from thing").one(Long.class));
    app.onStart(() -> db.sql("create table thing (id integer primary key)").update());
    var holding = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    try (var client = TestClient.inProcess(app)) {
      assertThat(client.get("/count").send().status()).isEqualTo(200);
      // another thread holds the only connection: no connection within the timeout
      Thread holder =
          Thread.ofVirtual()
              .start(
                  () ->
                      db.transaction(
                          () -> {
                            holding.countDown();
                            await(release);
                          }));
      holding.await();
      var unavailable = client.get("/count").send();
      assertThat(unavailable.status()).isEqualTo(503);
      assertThat(unavailable.header("content-type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(unavailable.json().get("detail").asString()).contains("database is unavailable");
      assertThat(unavailable.json().get("type").asString())
          .isEqualTo("https://keel.dev/problems/db-unavailable");
      assertThat(unavailable.header("retry-after")).contains("3");
      release.countDown();
      holder.join();
      assertThat(client.get("/count").send().status()).isEqualTo(200);
    } finally {
      app.stop();
    }
  }

  @Test
  void aPostgresqlServerLostWhileRunningAnswers503AndRecoversWhenItReturns() throws Exception {
    try (TestDb t = TestDb.create(Dialect.POSTGRESQL);
        TcpProxy proxy = new TcpProxy(5432)) {
      proxy.start();
      Database db = Database.create();
      Keel app = Keel.create(t.configThrough(proxy)).install(db);
      app.get("/one", ctx -> db.sql("select 1").one(Integer.class));
      try (var client = TestClient.inProcess(app)) {
        assertThat(client.get("/one").send().status()).isEqualTo(200);
        proxy.cut();
        var lost = client.get("/one").send();
        assertThat(lost.status()).isEqualTo(503);
        assertThat(lost.json().get("type").asString()).isEqualTo(DbProblems.DB_UNAVAILABLE.uri());
        assertThat(lost.header("retry-after")).contains("1"); // the default, keel.db.retry-after
        assertThat(client.get("/one").send().status()).isEqualTo(503);
        assertThat(db.ping(java.time.Duration.ofMillis(500))).isFalse();
        proxy.start();
        // the pool reconnects in the background, backing off between attempts: poll a while
        long deadline = System.nanoTime() + 15_000_000_000L;
        int status = client.get("/one").send().status();
        while (status != 200 && System.nanoTime() < deadline) {
          status = client.get("/one").send().status();
        }
        assertThat(status).isEqualTo(200);
        assertThat(db.ping(java.time.Duration.ofSeconds(1))).isTrue();
      } finally {
        app.stop();
      }
    }
  }

  @ParameterizedTest(name = "keel.db.driver={0}")
  @ValueSource(strings = {"jdbc", "reactive"})
  void aPostgresqlServerThatStopsAnsweringAnswers503AfterTheSocketTimeoutAndRecovers(String driver)
      throws Exception {
    try (TestDb t = TestDb.create(Dialect.POSTGRESQL);
        TcpProxy proxy = new TcpProxy(5432)) {
      proxy.start();
      Database db = Database.create();
      Keel app =
          Keel.create(
                  t.configThrough(proxy, "keel.db.driver=" + driver, "keel.db.socket-timeout=1s"))
              .install(db);
      app.get("/one", ctx -> db.sql("select 1").one(Integer.class));
      try (var client = TestClient.inProcess(app)) {
        assertThat(client.get("/one").send().status()).isEqualTo(200);
        Thread.sleep(1500); // idle past the socket timeout: an idle connection is no failure
        assertThat(client.get("/one").send().status()).isEqualTo(200);
        proxy.freeze();
        long start = System.nanoTime();
        var lost = client.get("/one").send();
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(lost.status()).isEqualTo(503);
        assertThat(lost.json().get("type").asString()).isEqualTo(DbProblems.DB_UNAVAILABLE.uri());
        assertThat(waited).isLessThan(Duration.ofSeconds(10)); // not the old 30 x connect-timeout
        proxy.thaw();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int status = client.get("/one").send().status();
        while (status != 200 && System.nanoTime() < deadline) {
          status = client.get("/one").send().status();
        }
        assertThat(status).isEqualTo(200);
      } finally {
        app.stop();
      }
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
