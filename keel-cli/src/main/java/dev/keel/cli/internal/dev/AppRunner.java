package dev.keel.cli.internal.dev;

import dev.keel.core.Keel;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the app from the dev classes folder on a class loader of its own, whose parent holds the
 * dependencies (Keel, Netty, Jackson, Hibernate Validator, the JDBC driver...): a restart throws
 * away the app's classes only, so the dependencies stay loaded, linked and JIT-compiled.
 */
final class AppRunner {
  private final Path classes;
  private final String mainClass;
  private final List<String> args;
  private int generation;
  private URLClassLoader loader;
  private Keel app;

  AppRunner(Path classes, String mainClass, List<String> args) {
    this.classes = classes;
    this.mainClass = mainClass;
    this.args = List.copyOf(args);
  }

  /** Builds the app through its {@code app(String...)} on a fresh class loader and starts it. */
  synchronized Keel start() throws Throwable {
    long t0 = System.nanoTime();
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    stop();
    long t1 = System.nanoTime();
    loader = new URLClassLoader("keel-dev-" + ++generation, new URL[] {url(classes)}, parent());
    Thread thread = Thread.currentThread();
    ClassLoader saved = thread.getContextClassLoader();
    // Config finds keel.properties, keel-db the migrations, keel-views templates through it; the
    // threads the app starts inherit it.
    thread.setContextClassLoader(loader);
    try {
      Class<?> type = Class.forName(mainClass, true, loader);
      MethodHandle factory =
          MethodHandles.publicLookup()
              .findStatic(type, "app", MethodType.methodType(Keel.class, String[].class));
      Keel built = (Keel) factory.asFixedArity().invoke((Object) args.toArray(String[]::new));
      app = built;
      long t2 = System.nanoTime();
      built.start();
      if (Boolean.getBoolean("dev.keel.trace")) {
        System.out.printf(
            "keel dev: trace stop %d ms, build %d ms, start %d ms (cpu %d ms)%n",
            (t1 - t0) / 1_000_000,
            (t2 - t1) / 1_000_000,
            (System.nanoTime() - t2) / 1_000_000,
            (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
      }
      return built;
    } catch (Throwable e) {
      stop();
      throw e;
    } finally {
      thread.setContextClassLoader(saved);
    }
  }

  /** Stops the running app, if any, and lets its class loader go. */
  synchronized void stop() {
    Keel running = app;
    app = null;
    if (running != null) running.stop();
    if (loader != null) {
      try {
        loader.close();
      } catch (IOException e) {
        // the folder's files are not held open; nothing to release
      }
      loader = null;
    }
  }

  /** The loader that holds the dependencies: the one this class came from. */
  private static ClassLoader parent() {
    return AppRunner.class.getClassLoader();
  }

  private static URL url(Path p) {
    try {
      return p.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
