package dev.keel.jobs;

import java.time.Instant;
import java.util.Optional;

/**
 * A job as stored, for listings (the dashboard, {@code keel jobs list}).
 *
 * @param status {@code ready}, {@code running} or {@code failed} (finished jobs are not kept)
 * @param error the last failure's message and stack trace, if any
 */
public record JobInfo(
    long id,
    String queue,
    String type,
    String status,
    int attempts,
    int maxAttempts,
    Instant runAt,
    Instant enqueuedAt,
    Optional<String> error) {}
