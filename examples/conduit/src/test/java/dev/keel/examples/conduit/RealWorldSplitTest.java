package dev.keel.examples.conduit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RealWorld suite against Conduit in the split layout: two JVMs running the same {@link
 * ConduitApp} main on the same SQLite file or PostgreSQL database, the people process hosting
 * {@link People} and the app process serving the HTTP API and calling People over HTTP. Nothing but
 * the deployment file (the committed one with this test's ports, first on the class path) and the
 * process names differs from the monolith. Then the people process is killed: the API answers 503
 * at once, and works again when the process is back.
 */
class RealWorldSplitTest {
  static final int APP_PORT = 29500;
  static final int PEOPLE_PORT = 29501;
  private static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  @TempDir Path temp;
  private final List<Process> processes = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() throws InterruptedException {
    for (Process p : processes) p.destroyForcibly().waitFor();
    processes.clear();
  }

  @Test
  void passesSplitOverTwoProcessesOnSqlite() throws Exception {
    splitSuite("--keel.db.url=jdbc:sqlite:" + temp.resolve("conduit.db"));
  }

  @Test
  void passesSplitOverTwoProcessesOnPostgresql() throws Exception {
    String name = "keel_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(PG_SERVER + "postgres", "postgres", "");
        Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    try {
      splitSuite("--keel.db.url=" + PG_SERVER + name, "--keel.db.user=postgres");
    } finally {
      stop(); // the processes hold connections: end them before dropping the database
      try (Connection admin = DriverManager.getConnection(PG_SERVER + "postgres", "postgres", "");
          Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  /** Both processes on the database of {@code db}: the suite, then the people process killed. */
  private void splitSuite(String... db) throws Exception {
    Path collection = RealWorldSuiteTest.collection(System.getenv());
    Path deploy = Files.createDirectories(temp.resolve("deploy"));
    Files.writeString(
        deploy.resolve("keel-deploy.properties"),
        committedDeployment()
            .replace("127.0.0.1:8080", "127.0.0.1:" + APP_PORT)
            .replace("127.0.0.1:8081", "127.0.0.1:" + PEOPLE_PORT));

    // people first: it migrates the database the app then finds ready
    Process people = start(deploy, "people", PEOPLE_PORT, db);
    start(deploy, "app", APP_PORT, db);
    String api = "http://127.0.0.1:" + APP_PORT + "/api";
    RealWorldSuiteTest.suiteTwice(api, collection, temp);

    // The authors of /api/articles come from the people process: without it, a quick 503.
    HttpResponse<String> before = get(api + "/articles");
    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(before.body()).contains("\"username\":\"resident\"");
    // killed while calls are in flight: four clients keep asking; every answer is a 200 or a
    // 503 within the deadline, none hangs
    var statuses = new java.util.concurrent.ConcurrentLinkedQueue<Integer>();
    var slowest = new java.util.concurrent.atomic.AtomicLong();
    var stop = new java.util.concurrent.atomic.AtomicBoolean();
    try (var clients = java.util.concurrent.Executors.newFixedThreadPool(4)) {
      for (int i = 0; i < 4; i++) {
        clients.submit(
            () -> {
              while (!stop.get()) {
                long t0 = System.nanoTime();
                statuses.add(get(api + "/articles").statusCode());
                slowest.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
              }
              return null;
            });
      }
      Thread.sleep(300);
      people.destroyForcibly().waitFor();
      Thread.sleep(1_000);
      stop.set(true);
    }
    assertThat(statuses).isNotEmpty().allMatch(status -> status == 200 || status == 503);
    assertThat(statuses).contains(503);
    assertThat(slowest.get()).isLessThan(5_000);
    long start = System.nanoTime();
    HttpResponse<String> down = get(api + "/articles");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
    assertThat(down.body())
        .startsWith("{\"errors\":{\"body\":[") // RealWorld's error shape, like every error
        .contains("People.authors", "could not be reached")
        .doesNotContain("\tat ");

    start(deploy, "people", PEOPLE_PORT, db);
    HttpResponse<String> back = get(api + "/articles");
    assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
    assertThat(back.body()).isEqualTo(before.body());
  }

  /** The keel-deploy.properties that ships with the app. */
  private static String committedDeployment() throws IOException {
    try (var in = ConduitApp.class.getClassLoader().getResourceAsStream("keel-deploy.properties")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Starts ConduitApp as {@code process} of the split layout in its own JVM and waits for it. */
  private Process start(Path deploy, String process, int port, String... db) throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    var command =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                deploy + File.pathSeparator + System.getProperty("java.class.path"),
                ConduitApp.class.getName(),
                "--keel.server.port=" + port,
                "--keel.services.layout=split",
                "--keel.services.process=" + process));
    command.addAll(List.of(db));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    processes.add(p);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try (var in =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  System.out.println("[" + process + "] " + line);
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process ended: start() notices by the missing line
              }
            });
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < until) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.contains("Conduit is running")) return p;
      if (!p.isAlive() && lines.isEmpty()) break;
    }
    throw new AssertionError("the " + process + " process did not start within 90 s");
  }
}
