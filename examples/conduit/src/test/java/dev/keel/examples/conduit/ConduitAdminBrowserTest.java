package dev.keel.examples.conduit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.db.Database;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives Conduit's admin in headless Debian Chromium through playwright-core (from npm, installed
 * into target/playwright; no browser download), as examples/chat's ChatBrowserTest does: sign in as
 * the seeded admin, create an article, search for it, edit it with a validation error and then
 * without, delete it. The list page's screenshot stays in target/admin-browser/.
 */
class ConduitAdminBrowserTest {
  private static final String PLAYWRIGHT = "playwright-core@1.65.1";
  @TempDir Path dir;
  private Keel app;

  @BeforeEach
  void start() {
    app =
        ConduitApp.app(
                "--seed",
                "--keel.server.port=0",
                "--keel.db.url=jdbc:sqlite:" + dir.resolve("conduit.db"))
            .start();
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void anAdminCreatesFindsEditsAndDeletesAnArticle() throws Exception {
    // ./keel test installs it (.ci/ensure-chromium.sh); a missing browser fails rather than skips.
    assertThat(Path.of("/usr/bin/chromium"))
        .as("the browser test needs Debian's chromium: apt-get install -y chromium")
        .isExecutable();
    Path node = Path.of("target", "playwright").toAbsolutePath();
    if (!Files.isDirectory(node.resolve("node_modules/playwright-core"))) {
      Files.createDirectories(node);
      Files.writeString(node.resolve("package.json"), "{\"private\":true,\"type\":\"module\"}");
      run(node, 300, "npm", "install", "--no-audit", "--no-fund", "--silent", PLAYWRIGHT);
    }
    try (InputStream script = getClass().getResourceAsStream("/admin-browser.mjs")) {
      Files.copy(script, node.resolve("admin-browser.mjs"), StandardCopyOption.REPLACE_EXISTING);
    }
    Path screenshot = Path.of("target", "admin-browser", "article-list.png").toAbsolutePath();
    Files.createDirectories(screenshot.getParent());
    Files.deleteIfExists(screenshot);
    long author =
        app.plugin(Database.class)
            .orElseThrow()
            .sql("select id from users where email = :email")
            .bind("email", Seed.ADMIN_EMAIL)
            .one(Long.class);
    String out =
        run(
            node,
            60,
            "node",
            "admin-browser.mjs",
            "http://127.0.0.1:" + app.port(),
            Seed.ADMIN_EMAIL,
            Seed.PASSWORD,
            Long.toString(author),
            screenshot.toString());
    System.out.println("ConduitAdminBrowserTest: the list page's screenshot is " + screenshot);
    assertThat(out)
        .contains("login: back on /admin/article")
        .contains("create: saved")
        .contains("search: one row")
        .contains("edit: refused with 'Use lower-case letters")
        .contains("edit: saved")
        .contains("delete: gone")
        .contains("OK");
    assertThat(screenshot).isNotEmptyFile();
    long left =
        app.plugin(Database.class)
            .orElseThrow()
            .sql("select count(*) from article where title like :t")
            .bind("t", "%browser%")
            .one(Long.class);
    assertThat(left).as("the deleted article").isZero();
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
