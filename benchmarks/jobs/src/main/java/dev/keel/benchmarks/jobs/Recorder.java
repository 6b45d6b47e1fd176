package dev.keel.benchmarks.jobs;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts runs and keeps each run's enqueue-to-start time (nanoTime stamped into the payload). */
final class Recorder {
  static final Recorder INSTANCE = new Recorder(2_000_000);

  private final long[] latencies;
  private final AtomicInteger count = new AtomicInteger();
  volatile long lastEnd;

  Recorder(int capacity) {
    latencies = new long[capacity];
  }

  /** Called by each framework's no-op job with the time it was enqueued. */
  void ran(long enqueuedNanos) {
    long now = System.nanoTime();
    int i = count.getAndIncrement();
    if (i < latencies.length) latencies[i] = now - enqueuedNanos;
    lastEnd = now;
  }

  /** Forgets the runs so far (after a warm-up). */
  void reset() {
    count.set(0);
  }

  int count() {
    return count.get();
  }

  /** p in [0, 100], in milliseconds, over the first {@code n} runs. */
  double percentile(double p, int n) {
    long[] copy = Arrays.copyOf(latencies, Math.min(n, latencies.length));
    Arrays.sort(copy);
    if (copy.length == 0) return Double.NaN;
    int idx = (int) Math.min(copy.length - 1, Math.ceil(p / 100.0 * copy.length) - 1);
    return copy[Math.max(0, idx)] / 1e6;
  }
}
