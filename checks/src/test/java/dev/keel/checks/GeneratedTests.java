package dev.keel.checks;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the JUnit tests of one package in this JVM and exits 0 when some ran and all passed: {@link
 * GenerateResourceTest} starts it in a fresh JVM on the generated project's class path.
 */
public final class GeneratedTests {
  private GeneratedTests() {}

  public static void main(String[] args) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(DiscoverySelectors.selectPackage(args[0]))
            .build();
    var listener = new SummaryGeneratingListener();
    var names =
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) System.out.println(result.getStatus() + " " + test.getUniqueId());
          }
        };
    LauncherFactory.create().execute(request, listener, names);
    TestExecutionSummary summary = listener.getSummary();
    var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    summary.printFailuresTo(out, 20);
    out.println(
        "generated tests: "
            + summary.getTestsSucceededCount()
            + " passed, "
            + summary.getTotalFailureCount()
            + " failed, "
            + (summary.getTestsAbortedCount() + summary.getTestsSkippedCount())
            + " not run");
    boolean ok = summary.getTestsFoundCount() > 0 && summary.getTotalFailureCount() == 0;
    System.exit(ok ? 0 : 1);
  }
}
