package dev.keel.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
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

/**
 * Drives the chat page in headless Debian Chromium through playwright-core (from npm, installed
 * into target/playwright; no browser download). Needs {@code /usr/bin/chromium} and {@code node}:
 * {@code apt-get install -y chromium nodejs npm}; .ci/run installs Chromium.
 */
class ChatBrowserTest {
  private static final String PLAYWRIGHT = "playwright-core@1.65.1";
  private Keel app;

  @BeforeEach
  void start() {
    app = ChatApp.app("--keel.server.port=0").start();
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void twoPagesChatAndSeeEachOthersPresence() throws Exception {
    // ./keel test installs it (.ci/ensure-chromium.sh); a missing browser fails rather than skips.
    assertThat(Path.of("/usr/bin/chromium"))
        .as("the browser test needs Debian's chromium: apt-get install -y chromium")
        .isExecutable();
    Path dir = Path.of("target", "playwright").toAbsolutePath();
    if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("package.json"), "{\"private\":true,\"type\":\"module\"}");
      run(dir, 300, "npm", "install", "--no-audit", "--no-fund", "--silent", PLAYWRIGHT);
    }
    try (InputStream script = getClass().getResourceAsStream("/chat-browser.mjs")) {
      Files.copy(script, dir.resolve("chat-browser.mjs"), StandardCopyOption.REPLACE_EXISTING);
    }
    String out = run(dir, 120, "node", "chat-browser.mjs", "http://127.0.0.1:" + app.port());
    assertThat(out)
        .contains("presence: both see each other")
        .contains("message: Ann sees Bob's message")
        .contains("presence: Bob left")
        .contains("OK");
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
