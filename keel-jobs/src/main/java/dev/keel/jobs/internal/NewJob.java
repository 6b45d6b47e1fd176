package dev.keel.jobs.internal;

/** A job about to be inserted; times in epoch milliseconds, nullable keys. */
public record NewJob(
    String queue,
    String type,
    String payload,
    int priority,
    long runAt,
    long enqueuedAt,
    int maxAttempts,
    long timeoutMs,
    String uniqueKey,
    String concurrencyKey,
    String trace,
    long[] after) {}
