package dev.keel.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application's hooks in the order they run: start hooks (once, after validation), then at stop
 * the drain hooks, the stopping hooks, and finally the resources, last registered first.
 */
final class Lifecycle {
  private static final Logger log = LoggerFactory.getLogger(Keel.class);

  private final List<Runnable> startHooks = new ArrayList<>();
  private final List<Runnable> drainHooks = new ArrayList<>();
  private final List<Runnable> stoppingHooks = new ArrayList<>();
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private boolean started;

  void onStart(Runnable hook) {
    startHooks.add(Objects.requireNonNull(hook, "hook"));
  }

  void onDrain(Runnable hook) {
    drainHooks.add(Objects.requireNonNull(hook, "hook"));
  }

  void onStopping(Runnable hook) {
    stoppingHooks.add(Objects.requireNonNull(hook, "hook"));
  }

  synchronized void onStop(AutoCloseable resource) {
    resources.push(Objects.requireNonNull(resource, "resource"));
  }

  /** Runs the start hooks, once; a hook that throws stops the rest. */
  synchronized void start() {
    if (started) return;
    started = true;
    // a hook may register more resources or hooks; iterate over what is there now
    for (Runnable hook : List.copyOf(startHooks)) hook.run();
  }

  /** The first part of a stop, while the port still serves: drain, then end long-lived work. */
  void beginStop() {
    runAll(drainHooks, "A drain hook failed at shutdown");
    runAll(stoppingHooks, "A stopping hook failed");
  }

  /** Closes every resource, last registered first; failures are logged, never thrown. */
  void closeResources() {
    while (true) {
      AutoCloseable r;
      synchronized (this) {
        if (resources.isEmpty()) return;
        r = resources.pop();
      }
      try {
        r.close();
      } catch (Exception e) {
        log.warn("Closing {} at shutdown failed", r, e);
      }
    }
  }

  private static void runAll(List<Runnable> hooks, String failure) {
    for (Runnable hook : hooks) {
      try {
        hook.run();
      } catch (RuntimeException e) {
        log.warn(failure, e);
      }
    }
  }

  /**
   * Lets an expected start-up failure that {@code main} does not catch end the JVM with its message
   * alone ({@code keel: could not start: ...}), without the JVM's {@code Exception in thread
   * "main"} line — as Spring Boot does. Only when the thread has no handler of its own; any other
   * exception still goes to the default handler.
   */
  static void quietWhenUncaught() {
    Thread thread = Thread.currentThread();
    Thread.UncaughtExceptionHandler current = thread.getUncaughtExceptionHandler();
    if (current != thread.getThreadGroup()) return; // the application installed its own
    thread.setUncaughtExceptionHandler(
        (t, e) -> {
          if (e instanceof StartupException || e instanceof ConfigException) {
            System.err.println("keel: could not start: " + e.getMessage().strip());
          } else {
            current.uncaughtException(t, e);
          }
        });
  }
}
