package dev.keel.jobs;

import java.time.Duration;

/** Told about every run, for metrics; called on the job's thread, so keep it quick. */
@FunctionalInterface
public interface JobObserver {
  /**
   * @param outcome {@code success}, {@code retry}, {@code failed}, {@code timeout} or {@code
   *     released}
   * @param startDelay from enqueue (or the time it was due) to the start of this run
   */
  void ran(String type, String queue, String outcome, Duration startDelay, Duration runTime);
}
