package dev.keel.examples.conduit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.keel.core.Keel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RealWorld acceptance suite (the upstream Postman collection, run by {@code realworld/run.sh}
 * with newman) against the app on SQLite and on PostgreSQL, twice each: once on the empty database,
 * where a conforming server passes exactly {@value #EMPTY_DB_ASSERTIONS} assertions, and once more
 * on the data the first run left, where the count differs because some checks only run on non-empty
 * lists. Needs node and npm; the first run installs newman.
 *
 * <p>The collection is not part of the repository: it is {@code COLLECTION}, or {@code
 * shared/realworld/} beside the repository as in this project's CI. Without it the suite is skipped
 * with a line saying how to run it; with {@code REALWORLD_REQUIRED=1} (which {@code .ci/run}
 * exports) its absence fails, so that CI never skips the suite silently.
 */
class RealWorldSuiteTest {
  /** Assertions the collection makes against a conforming server with an empty database. */
  static final int EMPTY_DB_ASSERTIONS = 311;

  /** Set to 1 (CI does) and a missing collection fails the suite instead of skipping it. */
  static final String REQUIRE = "REALWORLD_REQUIRED";

  private static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, (\\d+) failed");

  @TempDir Path temp;
  private Path collection;

  // Per test, not @BeforeAll: Surefire reports a class-level skip as no test at all.
  @BeforeEach
  void findTheCollection() {
    collection = collection(System.getenv());
  }

  /**
   * The collection {@code env} points to: {@code COLLECTION}, else {@code
   * ../shared/realworld/Conduit.postman_collection.json} from the repository. When it is missing,
   * aborts (JUnit skips the tests), or fails when {@code env} has {@value #REQUIRE}=1.
   */
  static Path collection(Map<String, String> env) {
    Path path =
        env.containsKey("COLLECTION")
            ? Path.of(env.get("COLLECTION"))
            : repoRoot().getParent().resolve("shared/realworld/Conduit.postman_collection.json");
    if (Files.isRegularFile(path)) return path;
    String missing =
        "no RealWorld collection at "
            + path.toAbsolutePath().normalize()
            + "; to run the suite, set COLLECTION=/path/to/Conduit.postman_collection.json (api/"
            + " of github.com/gothinkster/realworld)";
    if (List.of("1", "true").contains(env.getOrDefault(REQUIRE, ""))) {
      fail(REQUIRE + "=" + env.get(REQUIRE) + " requires the RealWorld suite, but " + missing);
    }
    return abort(missing);
  }

  @Test
  void passesOnSqlite() throws Exception {
    suiteTwice("--keel.db.url=jdbc:sqlite:" + temp.resolve("conduit.db"));
  }

  @Test
  void passesOnPostgresql() throws Exception {
    String name = "keel_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(PG_SERVER + "postgres", "postgres", "");
        Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    try {
      suiteTwice("--keel.db.url=" + PG_SERVER + name, "--keel.db.user=postgres");
    } finally {
      try (Connection admin = DriverManager.getConnection(PG_SERVER + "postgres", "postgres", "");
          Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } catch (SQLException e) {
        System.err.println("could not drop test database " + name + ": " + e.getMessage());
      }
    }
  }

  /** Starts the app on a random port with these database settings and runs the suite twice. */
  private void suiteTwice(String... dbArgs) throws Exception {
    List<String> args = new ArrayList<>(List.of("--keel.server.port=0"));
    args.addAll(List.of(dbArgs));
    Keel app = ConduitApp.app(args.toArray(String[]::new));
    try {
      app.start();
      suiteTwice("http://127.0.0.1:" + app.port() + "/api", collection, temp);
    } finally {
      app.stop();
    }
  }

  /**
   * Runs the suite against {@code api} on an empty database, adds data, and runs it again; the
   * split layout's test ({@link RealWorldSplitTest}) runs it the same way.
   */
  static void suiteTwice(String api, Path collection, Path temp) throws Exception {
    // The first run may install newman with npm ci, hence the longer timeout.
    Run empty = runSuite(collection, temp, api, "empty-db", Duration.ofSeconds(300));
    assertThat(empty.failed()).as(empty.describe("empty database")).isZero();
    assertThat(empty.passed()).as(empty.describe("empty database")).isEqualTo(EMPTY_DB_ASSERTIONS);
    assertThat(empty.exitCode()).as(empty.describe("empty database")).isZero();

    // The suite deletes its own article at the end: add articles that stay, some tagged like
    // the suite's, so that the second run meets non-empty lists, feeds and tags.
    addArticles(api);
    Run again = runSuite(collection, temp, api, "with-data", Duration.ofSeconds(180));
    assertThat(again.failed()).as(again.describe("database with data")).isZero();
    // checks that only run on non-empty lists ran too
    assertThat(again.passed())
        .as(again.describe("database with data"))
        .isGreaterThan(EMPTY_DB_ASSERTIONS);
    assertThat(again.exitCode()).as(again.describe("database with data")).isZero();
  }

  /** Another user writes two articles (one tagged dragons), favorites and comments one. */
  private static void addArticles(String api) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      String user =
          post(
              http,
              api + "/users",
              null,
              "{\"user\":{\"username\":\"resident\",\"email\":\"resident@example.com\","
                  + "\"password\":\"resident-123\"}}");
      String token = "Token " + user.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
      String slug = "";
      for (String tags : List.of("[\"dragons\",\"zoo\"]", "[]")) {
        String article =
            post(
                http,
                api + "/articles",
                token,
                "{\"article\":{\"title\":\"Already here\",\"description\":\"d\",\"body\":\"b\","
                    + "\"tagList\":"
                    + tags
                    + "}}");
        slug = article.replaceAll(".*\"slug\":\"([^\"]+)\".*", "$1");
      }
      post(http, api + "/articles/" + slug + "/favorite", token, "");
      post(http, api + "/articles/" + slug + "/comments", token, "{\"comment\":{\"body\":\"hi\"}}");
    }
  }

  private static String post(HttpClient http, String url, String token, String json)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) request.header("Authorization", token);
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s: %s", url, response.body()).isBetween(200, 201);
    return response.body();
  }

  /** One run of realworld/run.sh; passed and failed are -1 when its last line is no summary. */
  record Run(int exitCode, int passed, int failed, String output) {
    /** The assertion message: the summary and the failures the script listed. */
    String describe(String label) {
      List<String> lines = output.lines().toList();
      int from = -1;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith("Failures (")) from = i;
      }
      // No failure list: the script stopped early (no node, no server) or newman crashed.
      if (from < 0) from = Math.max(0, lines.size() - 40);
      return "RealWorld suite on the "
          + label
          + " (run.sh exit "
          + exitCode
          + "):\n"
          + String.join("\n", lines.subList(from, lines.size()));
    }
  }

  private static Run runSuite(
      Path collection, Path temp, String api, String label, Duration timeout)
      throws IOException, InterruptedException {
    Path root = repoRoot();
    Path results = Files.createDirectories(temp.resolve("results-" + label));
    Path log = temp.resolve("run-" + label + ".log");

    ProcessBuilder pb =
        new ProcessBuilder(
                "bash", root.resolve("examples/conduit/realworld/run.sh").toString(), api)
            .directory(root.resolve("examples/conduit").toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("COLLECTION", collection.toAbsolutePath().toString());
    pb.environment().put("RESULTS_DIR", results.toString());
    Process process = pb.start();
    boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println("=== realworld/run.sh " + api + " (" + label + ")\n" + output);
    assertThat(finished)
        .as("run.sh did not finish within %s s; its output:\n%s", timeout.toSeconds(), output)
        .isTrue();

    List<String> lines = output.strip().lines().toList();
    String last = lines.isEmpty() ? "" : lines.getLast().strip();
    Matcher m = SUMMARY.matcher(last);
    if (!m.matches()) return new Run(process.exitValue(), -1, -1, output);
    return new Run(
        process.exitValue(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), output);
  }

  /** The repository root: the nearest folder up from here holding the {@code keel} launcher. */
  static Path repoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("keel")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no folder above " + Path.of("").toAbsolutePath() + " holds the keel launcher");
  }
}
