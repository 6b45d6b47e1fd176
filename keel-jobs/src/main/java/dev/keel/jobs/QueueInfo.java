package dev.keel.jobs;

import java.time.Duration;

/**
 * One queue's state.
 *
 * @param ready jobs due or scheduled, not running
 * @param oldestReady how long the oldest due job has waited; zero when none
 */
public record QueueInfo(
    String name, long ready, long running, long failed, Duration oldestReady, boolean paused) {}
