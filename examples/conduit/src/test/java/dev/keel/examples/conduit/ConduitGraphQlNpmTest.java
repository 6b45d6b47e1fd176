package dev.keel.examples.conduit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conduit's GraphQL endpoint from JavaScript: graphql-request from npm (installed into
 * target/npm-conduit-graphql) asks a running Conduit for articles with their authors, tags and
 * comments, a profile, and an article that does not exist. Needs {@code node} and {@code npm}.
 */
class ConduitGraphQlNpmTest {
  private static final List<String> PACKAGES = List.of("graphql@16.15.0", "graphql-request@7.4.0");

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private Keel app;

  @BeforeEach
  void start() {
    app =
        ConduitApp.app(
                "--keel.server.port=0",
                "--keel.db.url=jdbc:sqlite:" + dir.resolve("conduit.db"),
                "--keel.db.strict-loading=true")
            .start();
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void graphqlRequestReadsArticlesWithAuthorsTagsAndComments() throws Exception {
    String ann = register("ann");
    String bob = register("bob");
    String slug =
        field(
            post(
                "/api/articles",
                bob,
                "{\"article\":{\"title\":\"Hello GraphQL\",\"description\":\"d\",\"body\":\"b\","
                    + "\"tagList\":[\"graphql\",\"keel\"]}}"),
            "slug");
    post("/api/articles/" + slug + "/comments", ann, "{\"comment\":{\"body\":\"Nice one\"}}");
    post("/api/profiles/bob/follow", ann, "");

    Path npm = install();
    try (InputStream script = getClass().getResourceAsStream("/conduit-graphql-client.mjs")) {
      Files.copy(script, npm.resolve("client.mjs"), StandardCopyOption.REPLACE_EXISTING);
    }
    String out = run(npm, 120, "node", "client.mjs", "http://127.0.0.1:" + app.port(), ann);
    assertThat(out)
        .contains(
            "articles: 1, first \"Hello GraphQL\" by bob (following true), tags graphql+keel,"
                + " comment \"Nice one\" by ann")
        .contains("profile: bob following=true")
        .contains("error: NOT_FOUND")
        .contains("OK");
  }

  private String register(String name) throws Exception {
    String body =
        post(
            "/api/users",
            null,
            "{\"user\":{\"username\":\""
                + name
                + "\",\"email\":\""
                + name
                + "@example.com\",\"password\":\"secret-123\"}}");
    return "Token " + field(body, "token");
  }

  private String post(String path, String token, String json) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) request.header("Authorization", token);
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    return r.body();
  }

  private static String field(String json, String name) {
    var m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return m.group(1);
  }

  private static synchronized Path install() throws Exception {
    Path npm = Path.of("target", "npm-conduit-graphql").toAbsolutePath();
    if (!Files.isDirectory(npm.resolve("node_modules/graphql-request"))) {
      Files.createDirectories(npm);
      Files.writeString(npm.resolve("package.json"), "{\"private\":true,\"type\":\"module\"}");
      var install =
          new java.util.ArrayList<>(
              List.of("npm", "install", "--no-audit", "--no-fund", "--silent"));
      install.addAll(PACKAGES);
      run(npm, 300, install.toArray(String[]::new));
    }
    return npm;
  }

  private static String run(Path dir, int seconds, String... command) throws Exception {
    var process =
        new ProcessBuilder(List.of(command))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s");
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("%s exited; output:%n%s", command[0], out).isZero();
    return out;
  }
}
