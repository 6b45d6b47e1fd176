package dev.keel.ops.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.java21.instrument.binder.jdk.VirtualThreadMetrics;
import java.time.Duration;

/**
 * Micrometer's virtual-thread metrics, whose JFR recording stream starts after start-up rather than
 * before the port opens (ADR 0030): starting it initialises the JDK's JFR metadata, a few hundred
 * classes and a tenth or more of a small app's start. It starts {@link #startLater after a delay},
 * or at once when the metrics are read first, so a scrape always has its meters.
 */
public final class VirtualThreadJfr implements AutoCloseable {
  private final MeterRegistry registry;
  private VirtualThreadMetrics metrics;
  private boolean closed;

  public VirtualThreadJfr(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Starts the stream on a daemon thread once {@code delay} has passed. */
  public void startLater(Duration delay) {
    Thread.ofPlatform()
        .daemon()
        .name("keel-ops-jfr-start")
        .start(
            () -> {
              try {
                Thread.sleep(delay);
              } catch (InterruptedException e) {
                return;
              }
              start();
            });
  }

  /** Starts the stream now, unless it runs already or the app stopped. */
  public synchronized void start() {
    if (closed || metrics != null) return;
    try {
      metrics = new VirtualThreadMetrics();
    } catch (IllegalStateException e) {
      // "Shutdown in progress": the JVM began to exit (a kill right after start) before the app's
      // stop closed this; JFR cannot register its shutdown hook any more, and nothing needs it
      closed = true;
      return;
    }
    metrics.bindTo(registry);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (metrics != null) metrics.close();
  }
}
