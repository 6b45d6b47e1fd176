package dev.keel.cli.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./keel test} in the Keel repository: the formatting check, a browser for the browser
 * tests, {@code mvn install} (the modules then sit in the local repository, where the test of
 * {@code keel new} builds a project against them), the chart and launcher checks, the summary.
 */
final class RepositoryTests {
  private RepositoryTests() {}

  static int run(Workspace ws, List<String> mavenArgs) {
    if (Maven.run(
            ws,
            List.of("-q", "-pl", "!keel-bom", "com.diffplug.spotless:spotless-maven-plugin:check"))
        != 0) {
      Console.error(
          "the Java files listed above are not formatted; run ./keel format to fix them.");
      return 1;
    }
    Processes.run(ws.root(), List.of(ws.root().resolve(".ci/ensure-chromium.sh").toString()));
    long started = System.currentTimeMillis();
    int status = 0;
    var args = new ArrayList<>(List.of("install"));
    args.addAll(mavenArgs);
    if (Maven.run(ws, args) != 0) status = 1;
    for (String check : List.of("benchmarks/wrk/chart-test.sh", ".ci/launcher-test.sh")) {
      if (Processes.run(ws.root(), List.of(ws.root().resolve(check).toString())) != 0) status = 1;
    }
    int summary =
        Processes.run(
            ws.root(),
            List.of(
                Jdk.tool("java"),
                ws.root().resolve(".ci/TestSummary.java").toString(),
                ws.root().toString(),
                Long.toString(started)));
    return summary != 0 ? 1 : status;
  }
}
