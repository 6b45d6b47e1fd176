package dev.keel.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./keel new} as a user runs it, through the repository's launcher: projects made outside
 * the repository pass their own {@code ./keel test} offline against the Keel in the local Maven
 * repository ({@code ./keel test} installs it first; MAVEN_OPTS's maven.repo.local is honoured),
 * and their {@code ./keel run} answers on {@code /}, {@code /docs} and {@code /health/ready}.
 */
class KeelNewTest {
  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  private static final Path KEEL = REPOSITORY.resolve("keel");

  @TempDir Path dir;

  /** Both projects at once (their builds are mostly single-threaded): the test's time halves. */
  @Test
  void anApiProjectOnSqliteAndAWebProjectTestOfflineAndRun() throws Exception {
    Path blog = dir.resolve("blog");
    Path notes = dir.resolve("notes");
    Result api = keel(dir, Map.of(), "new", blog.toString());
    assertThat(api.status()).as(api.output()).isZero();
    Result web = keel(dir, Map.of(), "new", notes.toString(), "--template", "web");
    assertThat(web.status()).as(web.output()).isZero();
    assertThat(notes.resolve("src/main/jte/notes.jte")).exists();
    try (ExecutorService both = Executors.newFixedThreadPool(2)) {
      Future<?> apiChecked = both.submit(() -> testAndRun(blog, "application/json"));
      Future<?> webChecked = both.submit(() -> testAndRun(notes, "text/html"));
      apiChecked.get();
      webChecked.get();
    }
  }

  @Test
  void aBadPackageOrANonEmptyFolderIsExit2WithNothingWritten() throws Exception {
    Result badPackage =
        keel(dir, Map.of(), "new", dir.resolve("blog").toString(), "--package", "x.");
    assertThat(badPackage.status()).isEqualTo(2);
    assertThat(badPackage.output().strip())
        .startsWith("keel: --package x. is not a usable Java package")
        .doesNotContain("\n")
        .doesNotContain("Exception");
    assertThat(dir.resolve("blog")).doesNotExist();

    Path taken = Files.createDirectories(dir.resolve("taken"));
    Files.writeString(taken.resolve("notes.txt"), "mine");
    Result nonEmpty = keel(dir, Map.of(), "new", taken.toString());
    assertThat(nonEmpty.status()).isEqualTo(2);
    assertThat(nonEmpty.output()).contains("is not empty");
    try (Stream<Path> files = Files.list(taken)) {
      assertThat(files).containsExactly(taken.resolve("notes.txt"));
    }
  }

  private Void testAndRun(Path project, String homeType) throws Exception {
    Path launcher = project.resolve("keel");
    Result tests = run(project, Map.of(), List.of(launcher.toString(), "test", "-o"), 240);
    assertThat(tests.status()).as(tests.output()).isZero();
    assertThat(tests.output()).contains("Tests run: 3, Failures: 0, Errors: 0");

    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = project.resolve("run.log");
    var start =
        new ProcessBuilder(launcher.toString(), "run", "--no-cache")
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    start.environment().put("KEEL_SERVER_PORT", Integer.toString(port));
    Process app = start.start();
    try {
      var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpResponse<String> home = waitForHome(http, port, app, log);
      assertThat(home.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith(homeType));
      for (String path : List.of("/docs", "/health/ready")) {
        assertThat(get(http, port, path).statusCode()).as(path).isEqualTo(200);
      }
    } finally {
      app.descendants().forEach(ProcessHandle::destroy);
      app.destroy();
      app.waitFor(40, TimeUnit.SECONDS);
    }
    return null;
  }

  private static HttpResponse<String> waitForHome(HttpClient http, int port, Process app, Path log)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!app.isAlive()) break;
      try {
        HttpResponse<String> home = get(http, port, "/");
        if (home.statusCode() == 200) return home;
      } catch (IOException notYet) {
        // not listening yet: the build and start take a few seconds
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "./keel run did not answer on / ; its output:\n" + Files.readString(log));
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  record Result(int status, String output) {}

  private static Result keel(Path dir, Map<String, String> env, String... args) throws Exception {
    var command = new ArrayList<>(List.of(KEEL.toString()));
    command.addAll(List.of(args));
    return run(dir, env, command, 300); // keel new installs Keel first when it is missing
  }

  private static Result run(Path dir, Map<String, String> env, List<String> command, int seconds)
      throws Exception {
    Path out = Files.createTempFile(dir, "out", ".log");
    var builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    builder.environment().putAll(env);
    Process p = builder.start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      throw new AssertionError(command + " took over " + seconds + " s:\n" + Files.readString(out));
    }
    String output = Files.readString(out);
    Files.delete(out);
    return new Result(p.exitValue(), output);
  }
}
