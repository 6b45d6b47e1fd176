package dev.keel.examples.typed.startup;

import dev.keel.core.Keel;
import java.lang.management.ManagementFactory;

/**
 * Starts an application with 50 routes, either generated from {@link FiftyController} ({@code
 * controllers}) or written as functional handlers ({@code functional}), prints the milliseconds
 * from JVM start until the port is open, and exits. startup/bench.sh runs it repeatedly.
 */
public final class StartupMain {
  private StartupMain() {}

  public static void main(String[] args) {
    String mode = args.length > 0 ? args[0] : "controllers";
    long t0 = System.nanoTime();
    Keel app = Keel.create("--keel.server.port=0");
    long t1 = System.nanoTime();
    switch (mode) {
      case "controllers" -> app.controllers(new FiftyController());
      case "functional" -> FiftyFunctional.register(app);
      default -> throw new IllegalArgumentException("mode: " + mode + " (controllers|functional)");
    }
    long t2 = System.nanoTime();
    app.start();
    long t3 = System.nanoTime();
    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println("startup-ms " + mode + " " + ms);
    System.out.printf(
        "phases-ms %s create %.1f register %.1f start %.1f%n",
        mode, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
    app.stop();
    System.exit(0);
  }
}
