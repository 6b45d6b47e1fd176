package dev.keel.checks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * The README's path (new, generate a resource, its tests pass, the running app serves it) for an
   * API project on SQLite, and a web project with generated pages ({@code --html}: forms with the
   * session's CSRF token), side by side: their builds are mostly single-threaded, so running both
   * at once halves the test's time.
   */
  @Test
  void anApiProjectWithAGeneratedResourceAndAWebProjectTestOfflineAndRun() throws Exception {
    Path blog = dir.resolve("blog");
    Path notes = dir.resolve("notes");
    // the api project also gets GraphQL (--with graphql): its NoteGraphTest runs with its tests
    Result api = keel(dir, Map.of(), "new", blog.toString(), "--with", "graphql");
    assertThat(api.status()).as(api.output()).isZero();
    assertThat(blog.resolve("src/main/java/com/example/blog/notes/NoteGraph.java")).exists();
    assertThat(blog.resolve("src/test/java/com/example/blog/notes/NoteGraphTest.java")).exists();
    // the web project gets messaging (NoteEventsTest: NATS at 127.0.0.1:4222, a topic per run) and
    // the OpenID Connect login (OidcLoginTest: off without an issuer, 503 for an unreachable one)
    Result web =
        keel(
            dir,
            Map.of(),
            "new",
            notes.toString(),
            "--template",
            "web",
            "--with",
            "messaging,oidc");
    assertThat(web.status()).as(web.output()).isZero();
    assertThat(notes.resolve("src/main/jte/notes.jte")).exists();
    assertThat(notes.resolve("src/test/java/com/example/notes/notes/NoteEventsTest.java")).exists();
    assertThat(notes.resolve("src/test/java/com/example/notes/auth/OidcLoginTest.java")).exists();
    Result generated =
        run(
            blog,
            Map.of(),
            List.of(
                blog.resolve("keel").toString(),
                "generate",
                "resource",
                "Post",
                "title:string:required:max=200",
                "body:text",
                "published:boolean:default=false"),
            120);
    assertThat(generated.status()).as(generated.output()).isZero();
    try (ExecutorService both = Executors.newFixedThreadPool(2)) {
      Future<?> apiChecked =
          both.submit(
              () -> {
                testAndRun(
                    blog,
                    "application/json",
                    List.of("PostControllerTest", "NoteGraphTest"),
                    KeelNewTest::postsCrud);
                // the commands that read the app's code work in a project as for the examples
                String launcher = blog.resolve("keel").toString();
                Result routes = run(blog, Map.of(), List.of(launcher, "routes"), 180);
                assertThat(routes.status()).as(routes.output()).isZero();
                assertThat(routes.output()).contains("/api/posts/{id}");
                Result status = run(blog, Map.of(), List.of(launcher, "db", "status"), 180);
                assertThat(status.status()).as(status.output()).isZero();
                assertThat(status.output()).contains("keel db: jdbc:sqlite:");
                return null;
              });
      Future<?> webChecked =
          both.submit(
              () -> {
                Result pages =
                    run(
                        notes,
                        Map.of(),
                        List.of(
                            notes.resolve("keel").toString(),
                            "generate",
                            "resource",
                            "Post",
                            "title:string:required:max=200",
                            "body:text",
                            "--html"),
                        120);
                assertThat(pages.status()).as(pages.output()).isZero();
                return testAndRun(
                    notes,
                    "text/html",
                    List.of("PostPagesTest", "NoteEventsTest", "OidcLoginTest"),
                    KeelNewTest::postsPages);
              });
      apiChecked.get();
      webChecked.get();
    }
  }

  /** Every generated endpoint over a socket, with the strict-input answers. */
  private static void postsCrud(HttpClient http, int port) throws Exception {
    HttpResponse<String> created =
        send(http, port, "POST", "/api/posts", "{\"title\": \"Hello\", \"body\": \"World\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/api/posts/");

    assertThat(get(http, port, location).body()).contains("\"title\":\"Hello\"");
    assertThat(get(http, port, "/api/posts?sort=-title").body()).contains("\"total\":1");
    HttpResponse<String> updated =
        send(http, port, "PUT", location, "{\"title\": \"Changed\", \"published\": true}");
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(updated.body()).contains("\"title\":\"Changed\"");

    HttpResponse<String> blank = send(http, port, "POST", "/api/posts", "{\"title\": \"\"}");
    assertThat(blank.statusCode()).as(blank.body()).isEqualTo(422);
    assertThat(blank.body()).contains("title");
    HttpResponse<String> number = send(http, port, "POST", "/api/posts", "{\"title\": 5}");
    assertThat(number.statusCode()).as(number.body()).isEqualTo(400);
    assertThat(number.body()).contains("title");
    assertThat(get(http, port, "/api/posts?sort=nope").statusCode()).isEqualTo(400);

    assertThat(send(http, port, "DELETE", location, null).statusCode()).isEqualTo(204);
    assertThat(get(http, port, location).statusCode()).isEqualTo(404);
    assertThat(get(http, port, "/openapi.json").body()).contains("/api/posts");
  }

  /**
   * The generated pages over a socket as a browser uses them: the form's CSRF token with the
   * session's cookie is a 303 and the post is listed; the cookie without the token is 403.
   */
  private static void postsPages(HttpClient http, int port) throws Exception {
    // the admin comes with the web template and needs a sign-in
    HttpResponse<String> admin = get(http, port, "/admin");
    assertThat(admin.statusCode()).as(admin.body()).isEqualTo(303);
    assertThat(admin.headers().firstValue("Location")).hasValue("/login?next=%2Fadmin");
    assertThat(get(http, port, "/login?next=/admin").body()).contains("name=\"password\"");
    HttpResponse<String> list = get(http, port, "/posts");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(list.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));

    HttpResponse<String> blank = get(http, port, "/posts/new");
    assertThat(blank.statusCode()).as(blank.body()).isEqualTo(200);
    String session =
        blank.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("keel_session="))
            .map(c -> c.substring(0, c.contains(";") ? c.indexOf(';') : c.length()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no keel_session cookie: " + blank.headers()));
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(blank.body());
    assertThat(token.find()).as(blank.body()).isTrue();

    HttpResponse<String> created =
        postForm(
            http,
            port,
            session,
            "title=From+the+form&body=Hi&_csrf=" + URLEncoder.encode(token.group(1), UTF_8));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).startsWith("/posts/"));
    assertThat(get(http, port, "/posts").body()).contains("From the form");

    HttpResponse<String> refused = postForm(http, port, session, "title=No+token&body=Hi");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(get(http, port, "/posts").body()).doesNotContain("No token");
  }

  private static HttpResponse<String> postForm(
      HttpClient http, int port, String cookie, String form)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/posts"))
            .timeout(Duration.ofSeconds(5))
            .header("Cookie", cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(
      HttpClient http, int port, String method, String path, String json)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

  /** Calls on the running app, after {@code /}, {@code /docs} and {@code /health/ready}. */
  interface Calls {
    void check(HttpClient http, int port) throws Exception;
  }

  private Void testAndRun(Path project, String homeType, List<String> testsSay, Calls calls)
      throws Exception {
    Path launcher = project.resolve("keel");
    Result tests = run(project, Map.of(), List.of(launcher.toString(), "test", "-o"), 240);
    assertThat(tests.status()).as(tests.output()).isZero();
    assertThat(tests.output()).contains(testsSay); // each test class ran

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
      calls.check(http, port);
    } finally {
      app.descendants().forEach(ProcessHandle::destroy);
      app.destroy();
      app.waitFor(40, TimeUnit.SECONDS);
    }
    return null;
  }

  private static HttpResponse<String> waitForHome(HttpClient http, int port, Process app, Path log)
      throws Exception {
    // the build and the start share two cores with the other project's: minutes on a busy machine
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!app.isAlive()) break;
      try {
        HttpResponse<String> home = get(http, port, "/");
        if (home.statusCode() == 200) return home;
        last = home.statusCode() + " " + home.body();
      } catch (IOException notYet) {
        // not listening yet: the build and start take a few seconds
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "./keel run did not answer 200 on / (last: "
            + last
            + (app.isAlive() ? "" : "; it exited")
            + "); its output:\n"
            + Files.readString(log));
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
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
