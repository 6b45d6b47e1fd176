package dev.keel.benchmarks.javalin;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
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
 * Javalin 7 peer (Jetty 12, Javalin's default thread pool). JSON through Javalin's default
 * JsonMapper (JavalinJackson, Jackson 2 databind on the class path). Database tests through plain
 * JDBC on a HikariCP pool (blocking, on Jetty's request threads); fortunes through JMustache.
 */
public final class JavalinPeer {
  record Message(String message) {}

  record World(int id, int randomNumber) {}

  record Fortune(int id, String message) {}

  private static final String SELECT_WORLD = "SELECT id, randomnumber FROM world WHERE id = ?";
  private static final String UPDATE_WORLD = "UPDATE world SET randomnumber = ? WHERE id = ?";
  private static final String SELECT_FORTUNES = "SELECT id, message FROM fortune";
  private static final String HTML_UTF8 = "text/html; charset=UTF-8";

  public static void main(String[] args) {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    HikariDataSource db = dataSource();
    World[] cache = loadWorlds(db);
    Template fortunes = template("/fortunes.mustache");
    Javalin.create(
            config -> {
              config.routes.before(ctx -> ctx.header("Server", "Javalin"));
              config.routes.get(
                  "/plaintext", ctx -> ctx.contentType("text/plain").result("Hello, World!"));
              config.routes.get("/json", ctx -> ctx.json(new Message("Hello, World!")));
              config.routes.get("/db", ctx -> ctx.json(oneWorld(db)));
              config.routes.get(
                  "/queries", ctx -> ctx.json(worlds(db, count(ctx.queryParam("queries")))));
              config.routes.get(
                  "/updates", ctx -> ctx.json(update(db, count(ctx.queryParam("queries")))));
              config.routes.get(
                  "/cached-queries",
                  ctx -> {
                    int n = count(ctx.queryParam("count"));
                    World[] out = new World[n];
                    for (int i = 0; i < n; i++) {
                      out[i] = cache[randomId()];
                    }
                    ctx.json(out);
                  });
              config.routes.get(
                  "/fortunes",
                  ctx ->
                      ctx.contentType(HTML_UTF8)
                          .result(fortunes.execute(Map.of("fortunes", fortunes(db)))));
            })
        .start(port);
  }

  /** TechEmpower's rule for queries/count: clamp to 1..500; missing, empty or not a number → 1. */
  static int count(String raw) {
    if (raw == null || raw.isEmpty()) {
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
            JavalinPeer.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      return Mustache.compiler().compile(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
