package dev.keel.jobs.internal;

import dev.keel.core.Config;
import dev.keel.db.Dialect;
import java.time.Duration;
import java.util.List;

/**
 * The {@code keel.jobs.*} settings, read once at install.
 *
 * @param run false: this instance only enqueues (no workers, no recurring schedule)
 * @param workers jobs this instance runs at once
 * @param prefetch jobs claimed ahead of free workers, so that one claim serves several jobs
 * @param queues the queues this instance serves; empty: all
 */
public record JobSettings(
    boolean run,
    int workers,
    int prefetch,
    List<String> queues,
    Duration pollInterval,
    Duration lease,
    Duration shutdownGrace,
    int maxAttempts,
    Duration timeout,
    Duration backoff,
    Duration maxBackoff) {

  /** Reads every key now (at install, so that validation knows them); see {@link #on}. */
  public static JobSettings read(Config config) {
    int workers = config.integer("keel.jobs.workers", 10, 1, 10_000);
    return new JobSettings(
        config.bool("keel.jobs.run", true),
        workers,
        config.integer("keel.jobs.prefetch", 2 * workers, 0, 100_000),
        config.list("keel.jobs.queues", List.of()),
        // PostgreSQL wakes workers with NOTIFY, so polling is only the fallback there
        config.duration("keel.jobs.poll-interval", Duration.ZERO), // zero: by dialect, see on()
        config.duration("keel.jobs.lease", Duration.ofSeconds(30)),
        config.duration("keel.jobs.shutdown-grace", Duration.ofSeconds(10)),
        config.integer("keel.jobs.max-attempts", 5, 1, 1000),
        config.duration("keel.jobs.timeout", Duration.ofMinutes(10)),
        config.duration("keel.jobs.backoff", Duration.ofSeconds(1)),
        config.duration("keel.jobs.max-backoff", Duration.ofHours(1)));
  }

  /**
   * These settings for {@code dialect}: PostgreSQL wakes workers with NOTIFY, so polling is only
   * the fallback there (2 s); SQLite polls every 200 ms.
   */
  public JobSettings on(Dialect dialect) {
    if (!pollInterval.isZero()) return this;
    Duration poll = dialect == Dialect.POSTGRESQL ? Duration.ofSeconds(2) : Duration.ofMillis(200);
    return new JobSettings(
        run,
        workers,
        prefetch,
        queues,
        poll,
        lease,
        shutdownGrace,
        maxAttempts,
        timeout,
        backoff,
        maxBackoff);
  }
}
