package dev.keel.cli.internal.app;

import dev.keel.core.Config;
import dev.keel.security.DeployFinding;
import dev.keel.security.Security;
import java.io.PrintStream;
import java.util.List;

/** {@code keel check --deploy}: keel-security's deployment findings for the configuration. */
final class DeployCheck {
  private DeployCheck() {}

  static int run(Config config, PrintStream out) {
    List<DeployFinding> findings;
    try {
      findings = Security.deployCheck(config);
    } catch (NoClassDefFoundError e) {
      throw new AppMain.AppCommandException(
          "keel-security is not on the app's class path; the deploy check is keel-security's", 1);
    }
    out.println(
        "Keel deploy check (profile " + config.profile() + "): " + findings.size() + " finding(s)");
    for (DeployFinding f : findings) {
      out.println("  " + f.id() + ": " + f.problem());
      out.println("      fix: " + f.fix());
    }
    return findings.isEmpty() ? 0 : 1;
  }
}
