package dev.keel.core.spi;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Pure computation a plugin begins in {@code install} on a thread of its own and collects in an
 * {@code onStart} hook or at first use, so that the application's start-up does it beside the main
 * thread's work instead of after it (keel-graphql's schema, keel-ops' JVM meters; ADR 0030). A
 * failure is not lost: {@link #join()} throws it, so a hook that joins still stops start-up.
 *
 * <p>Only for work that opens nothing (no connection, file or port) and initialises no class the
 * main thread initialises at the same time from another entry point: two threads initialising
 * classes that depend on each other in opposite orders wait for each other forever.
 *
 * <pre>{@code
 * var schema = StartupTask.begin("keel-graphql-schema", () -> new Engine(...));
 * app.onStart(schema::join); // a broken schema still stops start-up
 * }</pre>
 */
public final class StartupTask<T> {
  private final FutureTask<T> task;

  private StartupTask(FutureTask<T> task) {
    this.task = task;
  }

  /** Runs {@code work} on a new daemon thread called {@code name}. */
  public static <T> StartupTask<T> begin(String name, Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    var task = new FutureTask<>(work::get);
    Thread.ofPlatform().daemon().name(name).start(task);
    return new StartupTask<>(task);
  }

  /**
   * The work's result, waiting for it if it is still running; throws the work's own exception or
   * error if it failed (every call, so each caller learns it).
   */
  public T join() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true; // the work is short: finish waiting, keep the flag for the caller
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException r) throw r;
          if (cause instanceof Error r) throw r;
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }
}
