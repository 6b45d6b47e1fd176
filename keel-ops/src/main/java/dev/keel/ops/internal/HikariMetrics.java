package dev.keel.ops.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * HikariCP's own Micrometer tracker. In a class of its own so that HikariCP, an optional
 * dependency, is loaded only when an application asks for pool metrics.
 */
public final class HikariMetrics {
  private HikariMetrics() {}

  public static void bind(HikariConfig pool, MeterRegistry registry) {
    pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
  }
}
