package dev.keel.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** keel-cli/README.md documents every command KeelCommand has, with an example. */
class ReadmeTest {
  @Test
  void everyCommandHasARowWithAnExample() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("README.md"));
    // values, not keys: an alias (generate's g) shares its command's row
    for (String name :
        KeelCommand.commandLine().getSubcommands().values().stream()
            .map(c -> c.getCommandName())
            .distinct()
            .toList()) {
      String row =
          lines.stream().filter(l -> l.startsWith("| `" + name + "` |")).findFirst().orElse(null);
      assertThat(row)
          .as("keel-cli/README.md has no row '| `%s` | ...' in its table of commands", name)
          .isNotNull();
      assertThat(row).as("the row of %s has an example", name).contains("./keel " + name);
    }
  }

  @Test
  void theAppContractShownIsWhatKeelNewWrites() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String app =
        Files.readString(
            Path.of("src/main/resources/dev/keel/cli/new/common/src/main/java")
                .resolve("__package__/App.java"));
    for (String line :
        List.of(
            "  public static Keel app(String... args) {",
            "    var db = Database.create();",
            "        .install(Ops.create()) // health at /health/live and /health/ready, metrics,"
                + " request ids",
            "        .install(OpenApi.create()) // /openapi.json and the docs at /docs",
            "        .controllers(",
            "            new NoteController(db));")) {
      assertThat(app).contains(line);
      assertThat(readme).contains(line.substring(2));
    }
  }

  @Test
  void theWebAppShownIsWhatKeelNewTemplateWebWrites() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String app =
        Files.readString(
            Path.of("src/main/resources/dev/keel/cli/new/common/src/main/java")
                .resolve("__package__/App.java"));
    for (String line :
        List.of(
            "    Keel app = Keel.create(args);",
            "    var views = Views.create(); // reloads src/main/jte in dev, else the templates in"
                + " the jar",
            "    var sessions = Sessions.from(app.config(), new MemorySessionStore());",
            "    var pages = new NotePages(db, views, sessions);",
            "    var login = new AdminLogin(app.config(), views, sessions);",
            "        .get(\"/login\", login::form)",
            "        .install(Security.builder().sessions(sessions).build()) // checks the forms'"
                + " CSRF token",
            "        .post(\"/notes\", pages::create)")) {
      assertThat(app).contains(line);
      assertThat(readme).contains(line.substring(2));
    }
  }
}
