package dev.keel.examples.conduit;

import dev.keel.core.Keel;

/** The RealWorld "Conduit" API on Keel. */
public final class ConduitApp {
  private ConduitApp() {}

  /** Builds the application; {@link #main} starts it, tests start it on a random port. */
  public static Keel app(String... args) {
    return Keel.create(args);
  }

  public static void main(String[] args) {
    app(args).start();
  }
}
