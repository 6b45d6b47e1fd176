package dev.keel.cli;

import dev.keel.cli.internal.KeelCommand;

/**
 * The {@code keel} command: {@code ./keel} in the Keel repository and in every project made by
 * {@code keel new} starts it with a JDK 25. {@code keel help} lists the commands; every command has
 * {@code --help}.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>done</td></tr>
 *   <tr><td>1</td><td>the command ran and failed: tests failed, the build broke, the app could
 *       not start, a migration failed</td></tr>
 *   <tr><td>2</td><td>the command line was wrong: unknown command or option, a bad name or
 *       value; nothing was done</td></tr>
 *   <tr><td>other</td><td>the exit code of the application or tool the command ran</td></tr>
 * </table>
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(KeelCommand.execute(args));
  }
}
