package dev.keel.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command line itself: help for every command, suggestions and exit codes. */
class KeelCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = Console.out;
    savedErr = Console.err;
    Console.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    Console.err = new PrintStream(err, true, StandardCharsets.UTF_8);
  }

  @AfterEach
  void restore() {
    Console.out = savedOut;
    Console.err = savedErr;
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyCommandHasHelpWithADescription() {
    var commands = KeelCommand.commandLine().getSubcommands();
    assertThat(commands).containsKeys("run", "demo", "test", "install", "routes", "openapi", "db");
    for (String name : commands.keySet()) {
      if (name.equals("help")) continue;
      out.reset();
      assertThat(KeelCommand.execute(name, "--help")).as(name).isZero();
      assertThat(out()).as(name).contains("Usage: keel " + name);
      String[] description = commands.get(name).getCommandSpec().usageMessage().description();
      assertThat(description).as(name + " has a description").isNotEmpty();
    }
  }

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    assertThat(KeelCommand.execute("help")).isZero();
    assertThat(out()).contains("run", "demo", "Exit codes:", "wrong command line");
  }

  @Test
  void anUnknownCommandSuggestsTheNearestAndExitsWithTwo() {
    assertThat(KeelCommand.execute("rnu")).isEqualTo(2);
    assertThat(err()).contains("keel: Unmatched argument at index 0: 'rnu'").contains("run");
  }

  @Test
  void anUnknownOptionSuggestsTheNearestAndExitsWithTwo() {
    assertThat(KeelCommand.execute("install", "--hlep")).isEqualTo(2);
    assertThat(err()).contains("--hlep").contains("--help");
  }

  @Test
  void aWordFarFromEveryCommandGetsNoGuessButTheWayToTheList() {
    assertThat(KeelCommand.execute("frobnicate")).isEqualTo(2);
    assertThat(err()).doesNotContain("Did you mean").contains("Run 'keel help'");
  }

  @Test
  void nearestCountsASwapAsOneEdit() {
    assertThat(Suggestions.distance("rnu", "run")).isEqualTo(1);
    assertThat(Suggestions.nearest("tets", java.util.List.of("test", "demo", "run")))
        .containsExactly("test");
  }
}
