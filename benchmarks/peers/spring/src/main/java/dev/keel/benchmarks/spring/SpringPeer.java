package dev.keel.benchmarks.spring;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Boot Web MVC peer (embedded Tomcat, virtual threads on, JSON via the auto-configured
 * Jackson message converter). Database tests through {@link JdbcTemplate} on the auto-configured
 * HikariCP pool; fortunes through JMustache (rendered in the controller: Spring Boot's Mustache
 * view module is missing from our Maven Central copy). Settings are in
 * application.properties.
 */
@SpringBootApplication
@RestController
public class SpringPeer {
  record Message(String message) {}

  record World(int id, int randomNumber) {}

  record Fortune(int id, String message) {}

  private static final String SELECT_WORLD = "SELECT id, randomnumber FROM world WHERE id = ?";
  private static final String UPDATE_WORLD = "UPDATE world SET randomnumber = ? WHERE id = ?";
  private static final RowMapper<World> WORLD =
      (rs, row) -> new World(rs.getInt(1), rs.getInt(2));

  private static final MediaType TEXT_HTML_UTF8 =
      MediaType.parseMediaType("text/html; charset=UTF-8");
  private static final Template FORTUNES = template("/fortunes.mustache");

  private final JdbcTemplate jdbc;
  private final World[] cache = new World[10001];

  SpringPeer(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    // the whole world table, indexed by id, for /cached-queries (loaded once at start-up)
    for (World w : jdbc.query("SELECT id, randomnumber FROM world", WORLD)) {
      cache[w.id()] = w;
    }
  }

  @GetMapping(value = "/plaintext", produces = MediaType.TEXT_PLAIN_VALUE)
  String plaintext() {
    return "Hello, World!";
  }

  @GetMapping(value = "/json", produces = MediaType.APPLICATION_JSON_VALUE)
  Message json() {
    return new Message("Hello, World!");
  }

  @GetMapping(value = "/db", produces = MediaType.APPLICATION_JSON_VALUE)
  World db() {
    return jdbc.queryForObject(SELECT_WORLD, WORLD, randomId());
  }

  @GetMapping(value = "/queries", produces = MediaType.APPLICATION_JSON_VALUE)
  World[] queries(@RequestParam(name = "queries", required = false) String queries) {
    World[] out = new World[count(queries)];
    for (int i = 0; i < out.length; i++) {
      out[i] = jdbc.queryForObject(SELECT_WORLD, WORLD, randomId()); // each row its own query
    }
    return out;
  }

  @GetMapping(value = "/updates", produces = MediaType.APPLICATION_JSON_VALUE)
  World[] updates(@RequestParam(name = "queries", required = false) String queries) {
    World[] out = new World[count(queries)];
    for (int i = 0; i < out.length; i++) {
      World w = jdbc.queryForObject(SELECT_WORLD, WORLD, randomId());
      out[i] = new World(w.id(), randomId());
    }
    // one batch, in id order so that concurrent batches cannot deadlock on row locks
    World[] sorted = out.clone();
    Arrays.sort(sorted, Comparator.comparingInt(World::id));
    List<Object[]> args = new ArrayList<>(sorted.length);
    for (World w : sorted) {
      args.add(new Object[] {w.randomNumber(), w.id()});
    }
    jdbc.batchUpdate(UPDATE_WORLD, args);
    return out;
  }

  @GetMapping(value = "/cached-queries", produces = MediaType.APPLICATION_JSON_VALUE)
  World[] cachedQueries(@RequestParam(name = "count", required = false) String count) {
    World[] out = new World[count(count)];
    for (int i = 0; i < out.length; i++) {
      out[i] = cache[randomId()];
    }
    return out;
  }

  @GetMapping("/fortunes")
  ResponseEntity<String> fortunes() {
    List<Fortune> fortunes =
        new ArrayList<>(
            jdbc.query(
                "SELECT id, message FROM fortune",
                (rs, row) -> new Fortune(rs.getInt(1), rs.getString(2))));
    fortunes.add(new Fortune(0, "Additional fortune added at request time."));
    fortunes.sort(Comparator.comparing(Fortune::message));
    return ResponseEntity.ok()
        .contentType(TEXT_HTML_UTF8)
        .body(FORTUNES.execute(Map.of("fortunes", fortunes)));
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

  static Template template(String resource) {
    try (Reader r =
        new InputStreamReader(
            SpringPeer.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      return Mustache.compiler().compile(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void main(String[] args) {
    SpringApplication.run(SpringPeer.class, args);
  }
}
