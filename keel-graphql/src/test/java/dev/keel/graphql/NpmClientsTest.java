package dev.keel.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * graphql-request (HTTP) and graphql-ws (WebSocket, graphql-transport-ws) from npm, installed into
 * target/npm-graphql, against the app on a real socket. Needs {@code node} and {@code npm}.
 */
class NpmClientsTest {
  private static final List<String> PACKAGES =
      List.of(
          "graphql@16.15.0",
          "graphql-request@7.4.0",
          "graphql-ws@6.4.2",
          "ws@8.23.1",
          "playwright-core@1.65.1");
  static Blog blog;

  @BeforeAll
  static void start() throws Exception {
    blog = new Blog(Map.of("keel.graphql.graphiql", "true"));
    blog.seed();
  }

  @AfterAll
  static void stop() {
    blog.app.stop();
  }

  @Test
  void graphiqlLoadsFromTheAppAloneAndRunsAQuery() throws Exception {
    assertThat(Path.of("/usr/bin/chromium"))
        .as("the browser test needs Debian's chromium: apt-get install -y chromium")
        .isExecutable();
    Path dir = install();
    try (InputStream script = getClass().getResourceAsStream("/graphiql-browser.mjs")) {
      Files.copy(script, dir.resolve("graphiql-browser.mjs"), StandardCopyOption.REPLACE_EXISTING);
    }
    String out =
        run(dir, 120, "node", "graphiql-browser.mjs", "http://127.0.0.1:" + blog.app.port());
    assertThat(out)
        .contains("loaded: GraphiQL")
        .contains("result: Query")
        .contains("foreign requests: 0")
        .contains("errors: 0")
        .contains("OK");
  }

  @Test
  void realClientsQueryMutateAndSubscribe() throws Exception {
    Path dir = install();
    try (InputStream script = getClass().getResourceAsStream("/graphql-clients.mjs")) {
      Files.copy(script, dir.resolve("graphql-clients.mjs"), StandardCopyOption.REPLACE_EXISTING);
    }
    String out =
        run(dir, 120, "node", "graphql-clients.mjs", "http://127.0.0.1:" + blog.app.port());
    assertThat(out)
        .contains("query: 20 articles, first by Author 2, tags graphql+java")
        .contains("error: 400 Validation error")
        .contains("denied: UNAUTHENTICATED")
        .contains("ws query: Article 1")
        .contains("subscription: 2 events, Live by Author 2")
        .contains("OK");
  }

  private static synchronized Path install() throws Exception {
    Path dir = Path.of("target", "npm-graphql").toAbsolutePath();
    if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("package.json"), "{\"private\":true,\"type\":\"module\"}");
      var install =
          new java.util.ArrayList<>(
              List.of("npm", "install", "--no-audit", "--no-fund", "--silent"));
      install.addAll(PACKAGES);
      run(dir, 300, install.toArray(String[]::new));
    }
    return dir;
  }

  private static String run(Path dir, int seconds, String... command)
      throws IOException, InterruptedException {
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
