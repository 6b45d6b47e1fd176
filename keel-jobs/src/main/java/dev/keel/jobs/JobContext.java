package dev.keel.jobs;

import java.time.Instant;

/**
 * What a running job knows about itself.
 *
 * @param id the job's id
 * @param queue its queue
 * @param attempt this attempt, from 1
 * @param maxAttempts the attempts it gets in all
 * @param enqueuedAt when it was enqueued
 */
public record JobContext(long id, String queue, int attempt, int maxAttempts, Instant enqueuedAt) {
  /** True on the last attempt: a failure now keeps the job as failed. */
  public boolean lastAttempt() {
    return attempt >= maxAttempts;
  }
}
