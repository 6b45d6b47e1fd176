package dev.keel.ops.internal;

import dev.keel.core.Context;
import dev.keel.core.HealthCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs health checks for the liveness and readiness probes. Checks of one probe run concurrently on
 * virtual threads, each limited to the configured timeout; nothing is cached, so a dependency that
 * recovers is seen by the next probe. Thread-safe.
 */
public final class HealthEndpoints implements AutoCloseable {

  /** One check's outcome; {@code error} is empty when up. */
  public record CheckResult(String name, String status, double durationMs, String error) {}

  /** A probe's answer. {@code checks} is empty when details are hidden from the caller. */
  public record Report(String status, Instant timestamp, List<CheckResult> checks) {}

  private final Duration timeout;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Supplier<List<HealthCheck>> checks;
  private volatile boolean draining;

  /**
   * @param checks the registered checks, asked on every probe (plugins may add theirs after ours)
   */
  public HealthEndpoints(Duration timeout, Supplier<List<HealthCheck>> checks) {
    this.timeout = timeout;
    this.checks = checks;
  }

  /** From now on readiness answers 503 {@code DRAINING}. */
  public void startDraining() {
    draining = true;
  }

  public boolean draining() {
    return draining;
  }

  public Object live(Context ctx, boolean details) {
    return answer(ctx, run(HealthCheck.Probe.LIVENESS), false, details);
  }

  public Object ready(Context ctx, boolean details) {
    return answer(ctx, run(HealthCheck.Probe.READINESS), draining, details);
  }

  private static Object answer(
      Context ctx, List<CheckResult> results, boolean draining, boolean details) {
    boolean down = results.stream().anyMatch(r -> !r.status().equals("UP"));
    String status = draining ? "DRAINING" : down ? "DOWN" : "UP";
    ctx.status(status.equals("UP") ? 200 : 503);
    ctx.header("Cache-Control", "no-store");
    if (!details) return Map.of("status", status);
    return new Report(status, Instant.now(), results);
  }

  private List<CheckResult> run(HealthCheck.Probe probe) {
    var started = new ArrayList<Running>();
    for (HealthCheck check : checks.get()) {
      if (check.probe() != probe) continue;
      long start = System.nanoTime();
      Future<?> f =
          executor.submit(
              () -> {
                check.check();
                return null;
              });
      started.add(new Running(check.name(), start, f));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    var results = new ArrayList<CheckResult>(started.size());
    for (Running r : started) {
      String error = "";
      try {
        r.future().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        r.future().cancel(true);
        error = "did not answer within " + timeout + " (keel.ops.health.timeout)";
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        error =
            cause.getMessage() == null
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        error = "interrupted";
      }
      double ms = Math.round((System.nanoTime() - r.start()) / 100_000.0) / 10.0;
      results.add(new CheckResult(r.name(), error.isEmpty() ? "UP" : "DOWN", ms, error));
    }
    return results;
  }

  private record Running(String name, long start, Future<?> future) {}

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
