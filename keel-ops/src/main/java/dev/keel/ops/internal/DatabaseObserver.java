package dev.keel.ops.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.keel.db.spi.DataSourceObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * What keel-ops does to an application's database (keel-db): the pool's metrics ({@code
 * hikaricp_connections_*}) and a client span per statement, child of the request's span, with
 * literals replaced by {@code ?}. Only loaded when keel-db is on the class path, an optional
 * dependency: loading this class links keel-db's {@code DataSourceObserver}, so whether keel-db is
 * present is asked elsewhere ({@code Ops}), never of this class.
 */
public final class DatabaseObserver implements DataSourceObserver {
  private final MeterRegistry registry; // null when metrics are off
  private final Supplier<OpenTelemetry> telemetry; // null when tracing is off

  public DatabaseObserver(MeterRegistry registry, Supplier<OpenTelemetry> telemetry) {
    this.registry = registry;
    this.telemetry = telemetry;
  }

  /**
   * Provides an observer to {@code app}'s database; a static method of this class, so that
   * keel-db's types are touched only when it is present.
   */
  public static void provide(
      dev.keel.core.Keel app, MeterRegistry registry, Supplier<OpenTelemetry> telemetry) {
    app.provide(DataSourceObserver.class, new DatabaseObserver(registry, telemetry));
  }

  @Override
  public void configurePool(HikariConfig pool) {
    if (registry != null)
      pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
  }

  @Override
  public DataSource wrap(DataSource dataSource) {
    return telemetry == null ? dataSource : JdbcTelemetry.create(telemetry.get()).wrap(dataSource);
  }
}
