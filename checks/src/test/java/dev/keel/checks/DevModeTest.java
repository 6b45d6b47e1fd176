package dev.keel.checks;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel dev} for real: Conduit's sources copied to a temporary folder, DevMain in its own JVM
 * on Conduit's dependencies (as {@code keel dev conduit} starts it), then edits of its controller:
 * the new answer, a compile error served as problem+json and as HTML naming file and line, the fix,
 * and a new migration applied on the next reload.
 */
class DevModeTest {
  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  private static final Pattern RUNNING = Pattern.compile("keel dev: running on (http://\\S+) ");
  private static final Duration PATIENCE = Duration.ofSeconds(180); // 2 cores, shared

  @TempDir Path dir;
  private Process dev;
  private final StringBuffer output = new StringBuffer();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() throws InterruptedException {
    if (dev != null) {
      dev.destroy();
      dev.waitFor();
    }
  }

  @Test
  void anEditIsServedACompileErrorIsShownUntilFixedAndANewMigrationIsApplied() throws Exception {
    Path project = dir.resolve("conduit");
    copy(REPOSITORY.resolve("examples/conduit/src/main"), project.resolve("src/main"));
    Path articles = project.resolve("src/main/java/dev/keel/examples/conduit/Articles.java");
    String original = Files.readString(articles);
    String url = start(project);
    assertThat(get(url + "/api/tags", "application/json").body()).isEqualTo("{\"tags\":[]}");

    Files.writeString(articles, tags(original, "List.of(\"reloaded\")"));
    await(url, r -> r.body().contains("reloaded"));
    assertThat(output).contains("incremental");

    String broken = tags(original, "List.of(notDefined)");
    Files.writeString(articles, broken);
    int line = lineOf(broken, "notDefined");
    var problem = await(url, r -> r.statusCode() == 500);
    assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(problem.body())
        .contains("\"type\":\"https://keel.dev/problems/dev-compile-failed\"")
        .contains("\"file\":\"src/main/java/dev/keel/examples/conduit/Articles.java\"")
        .contains("\"line\":" + line)
        .contains("cannot find symbol");
    var page = get(url + "/api/tags", "text/html,application/xhtml+xml");
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body())
        .contains("src/main/java/dev/keel/examples/conduit/Articles.java:" + line)
        .contains("notDefined");
    assertThat(output).contains("Articles.java:" + line + ": error: cannot find symbol");

    Files.writeString(
        project.resolve("src/main/resources/db/migration/V90__dev_note.sql"),
        "create table dev_note (id integer primary key, body text not null);\n"
            + "insert into dev_note (body) values ('from V90');\n");
    Files.writeString(
        articles, tags(original, "db.sql(\"select body from dev_note\").list(String.class)"));
    var fixed = await(url, r -> r.statusCode() == 200 && r.body().contains("from V90"));
    assertThat(fixed.body()).isEqualTo("{\"tags\":[\"from V90\"]}");

    // it compiles, but app(args) throws: the start failure is served, naming file and line
    Path main = project.resolve("src/main/java/dev/keel/examples/conduit/ConduitApp.java");
    String app = Files.readString(main);
    String throwing =
        app.replace(
            "    var db = Database.create();",
            "    if (seed || !seed) throw new IllegalStateException(\"broken on purpose\");\n"
                + "    var db = Database.create();");
    assertThat(throwing).isNotEqualTo(app);
    Files.writeString(main, throwing);
    var failed = await(url, r -> r.statusCode() == 500);
    assertThat(failed.body())
        .contains("\"type\":\"https://keel.dev/problems/dev-start-failed\"")
        .contains("broken on purpose")
        .contains("\"file\":\"src/main/java/dev/keel/examples/conduit/ConduitApp.java\"")
        .contains("\"line\":" + lineOf(throwing, "broken on purpose"));
    Files.writeString(main, app);
    await(url, r -> r.statusCode() == 200 && r.body().contains("from V90"));
  }

  /** Articles.java with the tags endpoint answering {@code expression}. */
  private static String tags(String source, String expression) {
    String edited =
        source.replaceFirst(
            "(?s)TagsResponse tags\\(\\) \\{.*?\\n  \\}\\n",
            "TagsResponse tags() {\n    return new TagsResponse(\n        "
                + Matcher.quoteReplacement(expression)
                + ");\n  }\n");
    assertThat(edited).isNotEqualTo(source);
    return edited;
  }

  private static int lineOf(String source, String text) {
    List<String> lines = source.lines().toList();
    for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
    throw new AssertionError(text);
  }

  /** DevMain as {@code keel dev} runs it: the dependencies on the class path, not the app. */
  private String start(Path project) throws Exception {
    var classpath = new ArrayList<String>();
    String processor = null;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry).toAbsolutePath();
      String name = p.getFileName().toString();
      if (p.startsWith(REPOSITORY.resolve("examples"))
          || p.startsWith(REPOSITORY.resolve("checks"))
          || name.matches("(conduit|hello|typed|chat|techempower)-.*\\.jar")) {
        continue; // the app's own classes must come from the dev class loader only
      }
      if (entry.contains("keel-processor")) processor = entry;
      classpath.add(entry);
    }
    assertThat(processor).as("keel-processor on the test class path").isNotNull();
    String cp = String.join(File.pathSeparator, classpath);
    var command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            cp,
            "dev.keel.cli.internal.dev.DevMain",
            project.toString(),
            dir.resolve("dev").toString(),
            "dev.keel.examples.conduit.ConduitApp",
            cp,
            processor,
            "--",
            "--keel.server.port=0",
            "--keel.db.url=jdbc:sqlite:" + dir.resolve("conduit.db"));
    dev = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (var in =
                  new BufferedReader(
                      new InputStreamReader(dev.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = in.readLine()) != null; ) output.append(l).append('\n');
              } catch (IOException e) {
                // the process ended
              }
            });
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = RUNNING.matcher(output);
      if (m.find()) return m.group(1);
      if (!dev.isAlive()) break;
      Thread.sleep(100);
    }
    throw new AssertionError("keel dev did not start:\n" + output);
  }

  private HttpResponse<String> await(String url, Predicate<HttpResponse<String>> done)
      throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = get(url + "/api/tags", "application/json");
        if (done.test(last)) return last;
      } catch (IOException restarting) {
        // the port is closed for a moment between the old app and the new one
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "no such answer; last: " + (last == null ? "none" : last.body()) + "\n" + output);
  }

  private HttpResponse<String> get(String url, String accept) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(10)) // one caught by the restart may get no answer
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }
}
