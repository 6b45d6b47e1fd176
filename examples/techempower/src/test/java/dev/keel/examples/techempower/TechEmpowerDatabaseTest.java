package dev.keel.examples.techempower;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * TechEmpower's database tests against a real PostgreSQL: a fresh {@code hello_world} copy per run,
 * the app started on it over a socket, every rule checked (shapes, clamping, persistence,
 * escaping).
 */
class TechEmpowerDatabaseTest {
  private static HelloWorldDatabase database;
  private static Keel app;
  private static TestClient client;
  private static Map<Integer, Integer> initial;

  @BeforeAll
  static void start() throws Exception {
    database = new HelloWorldDatabase();
    initial = worlds();
    app = TechEmpowerApp.app("--keel.server.port=0", "--keel.db.url=" + database.url()).start();
    client = TestClient.overSocket(app);
  }

  @AfterAll
  static void stop() throws Exception {
    if (client != null) client.close();
    if (app != null) app.stop();
    if (database != null) database.close();
  }

  @Test
  void dbAnswersOneWorldAsAJsonObject() throws Exception {
    TestResponse r = client.get("/db").send();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).contains("application/json");
    assertThat(r.header("Server")).contains("Keel");
    assertThat(r.header("Date")).isPresent();
    assertThat(r.header("Content-Length")).contains(String.valueOf(r.body().length));
    JsonNode world = r.json();
    assertThat(world.isObject()).isTrue();
    assertThat(world.propertyNames()).containsExactly("id", "randomNumber");
    assertThat(worlds()).containsEntry(world.get("id").asInt(), world.get("randomNumber").asInt());
  }

  @ParameterizedTest
  @CsvSource({
    "'', 1",
    "?queries=, 1",
    "?queries=foo, 1",
    "?queries=0, 1",
    "?queries=-3, 1",
    "?queries=1, 1",
    "?queries=20, 20",
    "?queries=500, 500",
    "?queries=501, 500",
    "?queries=99999999999, 500",
  })
  void queriesAreClampedAndEachWorldIsReal(String query, int expected) throws Exception {
    JsonNode worlds = array("/queries" + query, expected);
    Map<Integer, Integer> now = worlds();
    for (JsonNode w : worlds) {
      assertThat(now).containsEntry(w.get("id").asInt(), w.get("randomNumber").asInt());
    }
  }

  @ParameterizedTest
  @CsvSource({"'', 1", "?count=x, 1", "?count=0, 1", "?count=7, 7", "?count=600, 500"})
  void cachedQueriesComeFromTheCacheOfTheWorldTable(String query, int expected) {
    for (JsonNode w : array("/cached-queries" + query, expected)) {
      assertThat(initial).containsEntry(w.get("id").asInt(), w.get("randomNumber").asInt());
    }
  }

  @ParameterizedTest
  @CsvSource({"?queries=bar, 1", "?queries=0, 1", "?queries=20, 20", "?queries=501, 500"})
  void updatesPersistANewRandomNumberPerRow(String query, int expected) throws Exception {
    Map<Integer, Integer> before = worlds();
    JsonNode worlds = array("/updates" + query, expected);
    Map<Integer, Integer> after = worlds();
    Map<Integer, Integer> last = new HashMap<>();
    Map<Integer, Integer> times = new HashMap<>();
    for (JsonNode w : worlds) {
      last.put(w.get("id").asInt(), w.get("randomNumber").asInt());
      times.merge(w.get("id").asInt(), 1, Integer::sum);
    }
    last.forEach((id, number) -> assertThat(after).containsEntry(id, number));
    times.forEach(
        (id, n) -> {
          if (n == 1)
            assertThat(after.get(id)).as("world %d changed", id).isNotEqualTo(before.get(id));
        });
  }

  @Test
  void fortunesAreReadAddedToSortedAndEscapedInHtml() {
    TestResponse r = client.get("/fortunes").send();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).contains("text/html; charset=UTF-8");
    assertThat(r.header("Server")).contains("Keel");
    assertThat(r.header("Date")).isPresent();
    assertThat(r.text())
        .isEqualTo(
            "<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table>"
                + "<tr><th>id</th><th>message</th></tr>"
                + row(
                    11,
                    "&lt;script&gt;alert(\"This should not be displayed in a browser alert box.\");&lt;/script&gt;")
                + row(4, "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1")
                + row(
                    5,
                    "A computer program does what you tell it to do, not what you want it to do.")
                + row(2, "A computer scientist is someone who fixes things that aren't broken.")
                + row(8, "A list is only as strong as its weakest link. — Donald Knuth")
                + row(0, "Additional fortune added at request time.")
                + row(3, "After enough decimal places, nobody gives a damn.")
                + row(7, "Any program that runs right is obsolete.")
                + row(10, "Computers make very fast, very accurate mistakes.")
                + row(6, "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen")
                + row(9, "Feature: A bug with seniority.")
                + row(1, "fortune: No such file or directory")
                + row(12, "フレームワークのベンチマーク")
                + "</table></body></html>\n");
  }

  /** TechEmpower's rules forbid compression, even of the large answers a client offers gzip for. */
  @ParameterizedTest
  @CsvSource({
    "/queries?queries=500, '[{\"id\":'",
    "/updates?queries=500, '[{\"id\":'",
    "/cached-queries?count=500, '[{\"id\":'",
    "/fortunes, <!DOCTYPE html>",
    "/db, '{\"id\":'",
    "/json, '{\"message\":'",
    "/plaintext, 'Hello, World!'"
  })
  void nothingIsCompressedEvenWhenTheClientOffersGzip(String path, String start) {
    TestResponse r = client.get(path).header("Accept-Encoding", "gzip, deflate, br, zstd").send();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Encoding")).as(path).isEmpty();
    assertThat(r.header("Content-Length")).as(path).contains(String.valueOf(r.body().length));
    assertThat(r.text()).as(path).startsWith(start);
  }

  private static String row(int id, String message) {
    return "<tr><td>" + id + "</td><td>" + message + "</td></tr>";
  }

  private static JsonNode array(String path, int expected) {
    TestResponse r = client.get(path).send();
    assertThat(r.status()).as(path).isEqualTo(200);
    assertThat(r.header("Content-Type")).contains("application/json");
    JsonNode worlds = r.json();
    assertThat(worlds.isArray()).as(path + " answers an array").isTrue();
    assertThat(worlds.size()).as(path).isEqualTo(expected);
    List<String> wrong = new ArrayList<>();
    for (JsonNode w : worlds) {
      int id = w.get("id").asInt();
      int number = w.get("randomNumber").asInt();
      if (id < 1 || id > 10_000 || number < 1 || number > 10_000 || w.size() != 2) {
        wrong.add(w.toString());
      }
    }
    assertThat(wrong).as("worlds out of range or with extra fields").isEmpty();
    return worlds;
  }

  private static Map<Integer, Integer> worlds() throws Exception {
    Map<Integer, Integer> rows = new HashMap<>();
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, randomnumber FROM world")) {
      while (rs.next()) rows.put(rs.getInt(1), rs.getInt(2));
    }
    return rows;
  }
}
