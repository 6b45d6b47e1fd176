package dev.keel.core;

import java.util.List;

/**
 * A feature installed into an application. Keel's own features (database, security, metrics,
 * OpenAPI, views, realtime) are plugins made one way, and third-party plugins follow it too:
 *
 * <ul>
 *   <li>{@code X.create()} makes one with every setting from {@code keel.x.*} configuration; {@code
 *       X.builder()...build()} sets in code what configuration cannot hold (a callback, a type, a
 *       registry). Nothing is read or opened at construction.
 *   <li>{@link #install} reads the settings, registers routes, middleware, error mappings and
 *       hooks, and {@linkplain Keel#provide publishes} what other plugins may use. It acts on
 *       nothing outside the application.
 *   <li>Whatever acts on the world (connecting to a database, migrating it, creating files,
 *       starting threads) goes into {@link Keel#onStart}, which runs after every {@code keel.*} key
 *       was validated and every plugin installed: a mistyped setting then stops start-up before
 *       anything happened, and plugins find each other's {@linkplain Keel#services services}
 *       whatever their installation order. What the hook opens is closed by {@link Keel#onStop}; a
 *       failure it can explain is thrown as a {@link StartupException}.
 *   <li>Each plugin class is installed once; one that needs another lists it in {@link
 *       #requires()}, and Keel checks it is installed first.
 * </ul>
 *
 * <pre>{@code
 * final class Greeting implements Plugin {
 *   public static Greeting create() { return new Greeting(); }
 *
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

  /** The plugins that must be installed before this one; none by default. */
  default List<Class<? extends Plugin>> requires() {
    return List.of();
  }
}
