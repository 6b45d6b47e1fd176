package dev.keel.core;

/**
 * A feature installed into an application: it reads its settings from {@link Keel#config()},
 * registers routes, middleware, error mappings and start/stop hooks. Keel's own features (database,
 * security, metrics) are plugins too.
 *
 * <p>{@code install} only reads and registers. Whatever acts on the world (connecting to a
 * database, migrating it, creating files, starting threads) goes into {@link Keel#onStart}, which
 * runs after every {@code keel.*} key was validated: a mistyped setting then stops start-up before
 * anything happened. What the hook opens is closed by {@link Keel#onStop}; a failure it can explain
 * is thrown as a {@link StartupException}.
 *
 * <pre>{@code
 * final class Greeting implements Plugin {
 *   public void install(Keel app) {
 *     String name = app.config().string("keel.greeting.name", "world");
 *     app.get("/greeting", ctx -> "Hello, " + name);
 *   }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Plugin {
  void install(Keel app);

  /** A name for logs and errors; the class's simple name by default. */
  default String name() {
    return getClass().getSimpleName();
  }
}
