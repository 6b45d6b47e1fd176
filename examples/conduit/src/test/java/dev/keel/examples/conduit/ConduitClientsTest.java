package dev.keel.examples.conduit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conduit's committed typed clients (clients/, made by {@code keel client java|typescript}, ADR
 * 0038) against a running Conduit: the TypeScript client compiled with tsc from npm (installed into
 * target/typescript-client) and run by node, the Java client compiled with javax.tools and run
 * here, and the drift check that fails the build when the server changes but the clients do not.
 */
class ConduitClientsTest {
  /** The TypeScript compiler the test installs; 7.0.2 is the newest release on npm (2026-12). */
  private static final String TYPESCRIPT = "typescript@7.0.2";

  private static final Path CLIENTS = Path.of("clients").toAbsolutePath();
  private static final Path JAVA_CLIENT =
      CLIENTS.resolve("java/dev/keel/examples/conduit/ConduitClient.java");
  private static final Path TS_CLIENT = CLIENTS.resolve("typescript/ConduitClient.ts");

  @TempDir static Path dir;
  private static Keel app;

  @BeforeAll
  static void start() {
    app =
        ConduitApp.app(
                "--keel.server.port=0", "--keel.db.url=jdbc:sqlite:" + dir.resolve("conduit.db"))
            .start();
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  @Test
  void theTypeScriptClientCompilesWithTscAndCallsConduit() throws Exception {
    Path node = Path.of("target", "typescript-client").toAbsolutePath();
    if (!Files.isRegularFile(node.resolve("node_modules/typescript/bin/tsc"))) {
      Files.createDirectories(node);
      Files.writeString(node.resolve("package.json"), "{\"private\":true,\"type\":\"module\"}");
      run(node, 300, "npm", "install", "--no-audit", "--no-fund", "--silent", TYPESCRIPT);
    }
    Files.copy(TS_CLIENT, node.resolve("ConduitClient.ts"), StandardCopyOption.REPLACE_EXISTING);
    try (InputStream tour = getClass().getResourceAsStream("/clients/tour.ts")) {
      Files.copy(tour, node.resolve("tour.ts"), StandardCopyOption.REPLACE_EXISTING);
    }
    run(
        node,
        120,
        "node",
        "node_modules/typescript/bin/tsc",
        "--strict",
        "--noUnusedLocals",
        "--target",
        "es2022",
        "--module",
        "es2022",
        "--lib",
        "es2022,dom",
        "--types",
        "",
        "--outDir",
        "out",
        "tour.ts");
    String out = run(node, 60, "node", "out/tour.js", app.url(), "tsuser");
    assertThat(out.lines())
        .containsExactly(
            "register: tsuser",
            "login: tsuser@example.com",
            "create: from-typescript-tsuser" + slugSuffix(out) + " by tsuser",
            "list: 1 From TypeScript tsuser",
            "missing: 404 {\"errors\":{\"body\":[\"There is no article no-such-article.\"]}}",
            "invalid: 422 {\"errors\":{\"body\":[\"article.title must not be blank\"]}}",
            "limit: 422 {\"errors\":{\"body\":[\"limit must be less than or equal to 100\"]}}",
            "OK");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theJavaClientCompilesAndCallsConduit() throws Exception {
    Path sources = dir.resolve("java-src/dev/keel/examples/conduit");
    Files.createDirectories(sources);
    Files.copy(JAVA_CLIENT, sources.resolve("ConduitClient.java"));
    try (InputStream tour = getClass().getResourceAsStream("/clients/ClientTour.java")) {
      Files.copy(tour, sources.resolve("ClientTour.java"));
    }
    Path classes = Files.createDirectories(dir.resolve("java-classes"));
    var errors = new java.io.StringWriter();
    var compiler = ToolProvider.getSystemJavaCompiler();
    boolean compiled =
        compiler
            .getTask(
                errors,
                null,
                null,
                List.of(
                    "-Xlint:all",
                    "-Werror",
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-d",
                    classes.toString()),
                null,
                compiler
                    .getStandardFileManager(null, null, StandardCharsets.UTF_8)
                    .getJavaFileObjects(
                        sources.resolve("ConduitClient.java"), sources.resolve("ClientTour.java")))
            .call();
    assertThat(compiled).as("javac's messages:%n%s", errors).isTrue();
    try (var loader =
        new URLClassLoader(
            new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      var tour =
          (BiFunction<URI, String, List<String>>)
              loader
                  .loadClass("dev.keel.examples.conduit.ClientTour")
                  .getConstructor()
                  .newInstance();
      List<String> lines = tour.apply(URI.create(app.url()), "javauser");
      assertThat(lines)
          .containsExactly(
              "register: javauser",
              "login: javauser@example.com",
              "create: from-java-javauser" + slugSuffix(String.join("\n", lines)) + " by javauser",
              "list: 1 From Java javauser",
              "missing: 404 [There is no article no-such-article.]",
              "invalid: 422 [article.title must not be blank]");
    }
  }

  @Test
  void theCommittedClientsMatchTheServer() throws Exception {
    for (String language : List.of("java", "typescript")) {
      Process check = client(language, CLIENTS.resolve(language), "check");
      assertThat(check.exitValue())
          .as("keel client %s --check: %s", language, output(check))
          .isZero();
    }
  }

  @Test
  void theDriftCheckFailsWhenTheServerChangedAndSaysWhere() throws Exception {
    Path stale = dir.resolve("stale");
    Files.createDirectories(stale);
    String text = Files.readString(TS_CLIENT);
    // as if the committed client predated NewArticle's 200-character title limit
    Files.writeString(
        stale.resolve("ConduitClient.ts"),
        text.replaceFirst(
            "@minLength 1 @maxLength 200 \\*/\n  title: string;", "*/\n  title: string;"));
    Process check = client("typescript", stale, "check");
    String output = output(check);
    assertThat(check.exitValue()).as(output).isEqualTo(1);
    assertThat(output)
        .contains("client drift: " + stale.resolve("ConduitClient.ts") + " no longer matches")
        .contains("1 line(s) removed, 1 added")
        .contains("-   /** */")
        .contains("+   /** @minLength 1 @maxLength 200 */")
        .contains("regenerate with 'keel client typescript --out " + stale + "'");

    Process missing = client("java", dir.resolve("nothing-here"), "check");
    assertThat(missing.exitValue()).isEqualTo(1);
    assertThat(output(missing)).contains("ConduitClient.java is missing");
  }

  /** {@code keel client}'s step on the app's class path, as the command runs it after the build. */
  private static Process client(String language, Path out, String mode) throws Exception {
    var command = new ArrayList<String>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "dev.keel.cli.internal.app.AppMain",
            "client",
            ConduitApp.class.getName(),
            language,
            out.toString(),
            mode,
            "",
            ""));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keel client finished").isTrue();
    return process;
  }

  private static String output(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** The random suffix Conduit gives every slug, read from the create line. */
  private static String slugSuffix(String out) {
    var m = java.util.regex.Pattern.compile("create: [a-z-]+?(-[a-z0-9]{6}) by").matcher(out);
    return m.find() ? m.group(1) : "<no slug>";
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
