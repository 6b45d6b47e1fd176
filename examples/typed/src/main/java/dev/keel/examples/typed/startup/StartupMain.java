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
    Keel app = Keel.create("--keel.server.port=0");
    switch (mode) {
      case "controllers" -> app.controllers(new FiftyController());
      case "functional" -> FiftyFunctional.register(app);
      default -> throw new IllegalArgumentException("mode: " + mode + " (controllers|functional)");
    }
    app.start();
    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println("startup-ms " + mode + " " + ms);
    app.stop();
    System.exit(0);
  }
}
