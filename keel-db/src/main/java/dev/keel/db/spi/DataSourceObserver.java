package dev.keel.db.spi;

import com.zaxxer.hikari.HikariConfig;
import javax.sql.DataSource;

/**
 * Watches an application's database: keel-ops {@linkplain dev.keel.core.Keel#provide provides} one
 * that publishes the pool's metrics and traces every statement, and {@link dev.keel.db.Database}
 * hands its pool to every provided observer when it connects, whatever order the plugins were
 * installed in. No wiring in the application.
 */
public interface DataSourceObserver {

  /** Adjusts the pool's settings before it starts, e.g. a metrics tracker; Keel's come first. */
  default void configurePool(HikariConfig pool) {}

  /** Wraps the data source statements will use, e.g. to trace them. */
  default DataSource wrap(DataSource dataSource) {
    return dataSource;
  }
}
