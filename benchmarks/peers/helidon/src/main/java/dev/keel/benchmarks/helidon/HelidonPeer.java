package dev.keel.benchmarks.helidon;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.json.JsonArray;
import io.helidon.json.JsonObject;
import io.helidon.json.JsonValue;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Helidon SE 4 WebServer peer (a virtual thread per request). JSON through Helidon's own JSON
 * support (helidon-http-media-json, discovered from the class path). Database tests through plain
 * JDBC on a HikariCP pool (blocking is what Helidon SE 4's virtual threads are for); fortunes
 * through JMustache.
 */
public final class HelidonPeer {
  private static final Header SERVER = HeaderValues.createCached(HeaderNames.SERVER, "Helidon");
  private static final Header TEXT_PLAIN =
      HeaderValues.createCached(HeaderNames.CONTENT_TYPE, "text/plain");
  private static final Header TEXT_HTML =
      HeaderValues.createCached(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");

  private static final String SELECT_WORLD = "SELECT id, randomnumber FROM world WHERE id = ?";
  private static final String UPDATE_WORLD = "UPDATE world SET randomnumber = ? WHERE id = ?";
  private static final String SELECT_FORTUNES = "SELECT id, message FROM fortune";

  record World(int id, int randomNumber) {
    JsonObject json() {
      return JsonObject.builder().set("id", id).set("randomNumber", randomNumber).build();
    }
  }

  record Fortune(int id, String message) {}

  public static void main(String[] args) {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    HikariDataSource db = dataSource();
    World[] cache = loadWorlds(db);
    Template fortunes = template("/fortunes.mustache");
    WebServer server =
        WebServer.builder()
            .port(port)
            // Helidon leaves Nagle on by default; its JSON entities go out chunked (several writes),
            // which then stall on delayed ACKs. Every other server here runs with TCP_NODELAY.
            .connectionOptions(socket -> socket.tcpNoDelay(true))
            .routing(
                routing ->
                    routing
                        .get(
                            "/plaintext",
                            (req, res) -> {
                              res.header(SERVER).header(TEXT_PLAIN);
                              res.send("Hello, World!");
                            })
                        .get(
                            "/json",
                            (req, res) -> {
                              res.header(SERVER);
                              res.send(
                                  JsonObject.builder().set("message", "Hello, World!").build());
                            })
                        .get(
                            "/db",
                            (req, res) -> {
                              res.header(SERVER);
                              res.send(oneWorld(db).json());
                            })
                        .get(
                            "/queries",
                            (req, res) -> {
                              res.header(SERVER);
                              res.send(json(worlds(db, count(req, "queries"))));
                            })
                        .get(
                            "/updates",
                            (req, res) -> {
                              res.header(SERVER);
                              res.send(json(update(db, count(req, "queries"))));
                            })
                        .get(
                            "/cached-queries",
                            (req, res) -> {
                              int n = count(req, "count");
                              World[] out = new World[n];
                              for (int i = 0; i < n; i++) {
                                out[i] = cache[randomId()];
                              }
                              res.header(SERVER);
                              res.send(json(out));
                            })
                        .get(
                            "/fortunes",
                            (req, res) -> {
                              String html = fortunes.execute(Map.of("fortunes", fortunes(db)));
                              res.header(SERVER).header(TEXT_HTML);
                              res.send(html.getBytes(StandardCharsets.UTF_8));
                            }))
            .build()
            .start();
    System.out.println("helidon peer listening on :" + server.port());
  }

  /** TechEmpower's rule for queries/count: clamp to 1..500; missing, empty or not a number → 1. */
  static int count(ServerRequest req, String name) {
    String raw = req.query().first(name).orElse("");
    if (raw.isEmpty()) {
      return 1;
    }
    try {
      return Math.clamp(Integer.parseInt(raw), 1, 500);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  static int randomId() {
    return ThreadLocalRandom.current().nextInt(1, 10001);
  }

  static JsonArray json(World[] worlds) {
    List<JsonValue> values = new ArrayList<>(worlds.length);
    for (World w : worlds) {
      values.add(w.json());
    }
    return JsonArray.create(values);
  }

  static HikariDataSource dataSource() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(
        System.getenv().getOrDefault("DB_URL", "jdbc:postgresql://127.0.0.1:5432/hello_world"));
    config.setUsername(System.getenv().getOrDefault("DB_USER", "benchmarkdbuser"));
    config.setPassword(System.getenv().getOrDefault("DB_PASSWORD", "benchmarkdbpass"));
    config.setMaximumPoolSize(Integer.parseInt(System.getenv().getOrDefault("DB_POOL_SIZE", "8")));
    return new HikariDataSource(config);
  }

  static World oneWorld(HikariDataSource db) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement select = c.prepareStatement(SELECT_WORLD)) {
      return read(select, randomId());
    }
  }

  static World[] worlds(HikariDataSource db, int n) throws SQLException {
    World[] out = new World[n];
    try (Connection c = db.getConnection();
        PreparedStatement select = c.prepareStatement(SELECT_WORLD)) {
      for (int i = 0; i < n; i++) {
        out[i] = read(select, randomId()); // each row its own query
      }
    }
    return out;
  }

  static World[] update(HikariDataSource db, int n) throws SQLException {
    World[] out = new World[n];
    try (Connection c = db.getConnection();
        PreparedStatement select = c.prepareStatement(SELECT_WORLD);
        PreparedStatement update = c.prepareStatement(UPDATE_WORLD)) {
      for (int i = 0; i < n; i++) {
        World w = read(select, randomId());
        out[i] = new World(w.id(), randomId());
      }
      // one batch, in id order so that concurrent batches cannot deadlock on row locks
      World[] sorted = out.clone();
      Arrays.sort(sorted, Comparator.comparingInt(World::id));
      for (World w : sorted) {
        update.setInt(1, w.randomNumber());
        update.setInt(2, w.id());
        update.addBatch();
      }
      update.executeBatch();
    }
    return out;
  }

  static List<Fortune> fortunes(HikariDataSource db) throws SQLException {
    List<Fortune> out = new ArrayList<>(16);
    try (Connection c = db.getConnection();
        PreparedStatement select = c.prepareStatement(SELECT_FORTUNES);
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        out.add(new Fortune(rs.getInt(1), rs.getString(2)));
      }
    }
    out.add(new Fortune(0, "Additional fortune added at request time."));
    out.sort(Comparator.comparing(Fortune::message));
    return out;
  }

  private static World read(PreparedStatement select, int id) throws SQLException {
    select.setInt(1, id);
    try (ResultSet rs = select.executeQuery()) {
      rs.next();
      return new World(rs.getInt(1), rs.getInt(2));
    }
  }

  /** The whole world table, indexed by id, for /cached-queries (loaded once at start-up). */
  static World[] loadWorlds(HikariDataSource db) {
    World[] cache = new World[10001];
    try (Connection c = db.getConnection();
        PreparedStatement all = c.prepareStatement("SELECT id, randomnumber FROM world");
        ResultSet rs = all.executeQuery()) {
      while (rs.next()) {
        cache[rs.getInt(1)] = new World(rs.getInt(1), rs.getInt(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot load the world table (run benchmarks/db/setup-hello-world.sh?)", e);
    }
    return cache;
  }

  static Template template(String resource) {
    try (Reader r =
        new InputStreamReader(
            HelidonPeer.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      return Mustache.compiler().compile(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
