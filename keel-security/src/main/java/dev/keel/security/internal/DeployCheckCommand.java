package dev.keel.security.internal;

import dev.keel.core.Config;
import dev.keel.security.DeployFinding;
import dev.keel.security.Security;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code check --deploy} without starting the app: reads the configuration the app would read
 * (keel.properties, profile file, KEEL_* environment, arguments), prints every finding with its id
 * and fix, and exits 1 when there are any.
 *
 * <pre>{@code
 * KEEL_PROFILE=prod java -cp app.jar dev.keel.security.internal.DeployCheckCommand
 * }</pre>
 */
public final class DeployCheckCommand {
  private DeployCheckCommand() {}

  public static void main(String[] args) {
    int status = run(Config.load(args), System.out);
    System.out.flush();
    Runtime.getRuntime().exit(status);
  }

  /** Prints the findings for {@code config}; returns the exit status (0 none, 1 some). */
  public static int run(Config config, PrintStream out) {
    List<DeployFinding> findings = Security.from(config).deployCheck();
    out.println(
        "Keel deploy check (profile " + config.profile() + "): " + findings.size() + " finding(s)");
    for (DeployFinding f : findings) {
      out.println("  " + f.id() + ": " + f.problem());
      out.println("      fix: " + f.fix());
    }
    return findings.isEmpty() ? 0 : 1;
  }
}
