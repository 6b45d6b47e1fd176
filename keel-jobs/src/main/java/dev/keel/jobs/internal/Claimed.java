package dev.keel.jobs.internal;

/** A job this instance claimed: everything needed to run it and to fence its result. */
public record Claimed(
    long id,
    String queue,
    String type,
    String payload,
    int attempt,
    int maxAttempts,
    long timeoutMs,
    long enqueuedAt,
    long runAt,
    String trace) {}
