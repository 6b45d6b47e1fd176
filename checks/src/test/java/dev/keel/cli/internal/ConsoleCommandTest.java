package dev.keel.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel console} on Conduit, fed a script on standard input as a person would type it: the
 * app's {@code db} answers a query against its migrated database, {@code app} its route table.
 * Here, in checks, because it needs an example's jar and dependencies, built before this module.
 */
class ConsoleCommandTest {
  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  @TempDir Path dir;

  @Test
  void jshellHasAppAndDbBound() throws Exception {
    var ws = new Workspace(REPOSITORY, Workspace.Kind.REPOSITORY);
    var conduit = new App(ws, REPOSITORY.resolve("examples/conduit"), "conduit");
    var command =
        new ArrayList<>(
            DevCommands.consoleCommand(
                conduit, List.of("--keel.db.url=jdbc:sqlite:" + dir.resolve("console.db"))));
    Process jshell =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    try (var in = jshell.getOutputStream()) {
      in.write(
          """
          db.sql("select count(*) from article").one(Integer.class) + 40
          app.routeTable().contains("/api/tags")
          db.sql("select version from flyway_schema_history").list(String.class)
          /exit
          """
              .getBytes(StandardCharsets.UTF_8));
    }
    assertThat(jshell.waitFor(180, TimeUnit.SECONDS)).as("jshell ended").isTrue();
    String out = new String(jshell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(out)
        .as(out)
        .contains("keel console: 'app' is dev.keel.examples.conduit.ConduitApp's app")
        .contains("==> 40")
        .contains("==> true")
        // Conduit's V1, V2 (welcome mail) and V3 (keyed article_tag rows for the admin)
        .containsPattern("==> \\[(0, )?1, 2, 3\\]");
    assertThat(jshell.exitValue()).isZero();
  }

  @Test
  void theStartUpScriptBindsDbOnlyWhenTheAppHasKeelDb() {
    assertThat(DevCommands.startupScript("a.Main", List.of("--x=\"y\""), false))
        .contains("ConsoleSession.app(\"a.Main\", \"--x=\\\"y\\\"\");")
        .doesNotContain("var db");
    assertThat(DevCommands.startupScript("a.Main", List.of(), true))
        .contains("import dev.keel.db.*;")
        .contains("var db = dev.keel.cli.internal.app.ConsoleSession.db(app);");
  }
}
