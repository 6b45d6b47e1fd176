package dev.keel.db.internal;

import java.time.Duration;
import java.util.Optional;

/** The {@code keel.db.*} settings, read once at start-up. */
public record DbSettings(
    DbUrl url,
    Optional<String> user,
    Optional<String> password,
    int poolSize,
    Duration connectTimeout,
    boolean migrate,
    String migrations,
    boolean strictLoading,
    int strictThreshold) {}
