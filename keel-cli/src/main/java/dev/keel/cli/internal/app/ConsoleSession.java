package dev.keel.cli.internal.app;

import dev.keel.core.Keel;

/**
 * What {@code keel console} binds in JShell, which runs this on the app's class path: {@code app},
 * built by the main class's {@code app(String...)} and not listening on any port, and {@code db},
 * its keel-db {@code Database}.
 */
public final class ConsoleSession {
  private ConsoleSession() {}

  /** The application of {@code mainClass}, built and not started. */
  public static Keel app(String mainClass, String... args) {
    try {
      return AppMain.application(mainClass, args);
    } catch (AppMain.AppCommandException e) {
      throw new IllegalStateException(e.getMessage(), null);
    }
  }

  /**
   * The app's {@code Database}, connected: the app's start hooks run (as for an in-process test
   * client, without opening a port), so the pool is open and migrations are applied as the app's
   * configuration says. Null when the app installs none.
   */
  public static dev.keel.db.Database db(Keel app) {
    var db = app.plugin(dev.keel.db.Database.class);
    if (db.isEmpty()) return null;
    app.connectLocally().close();
    return db.get();
  }
}
