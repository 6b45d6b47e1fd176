package dev.keel.jobs.internal;

import dev.keel.jobs.internal.JobStore.Done;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance's workers: a dispatcher claims due jobs in batches (as many as there are free
 * slots), runs each on its own virtual thread, and a completer deletes finished jobs in batches.
 * Heartbeats extend the leases of running jobs; the reaper frees jobs whose lease expired.
 */
public final class Worker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("dev.keel.jobs");

  /** Runs one claimed job; throws what its handler threw. */
  public interface Runner {
    void run(Claimed job) throws Exception;
  }

  /** What the worker reports: the run, its outcome, enqueue-to-start and run times. */
  public interface Observer {
    void ran(Claimed job, String outcome, long startDelayMs, long runNanos);
  }

  private static final long MAX_BUFFERED_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final String owner = UUID.randomUUID().toString();
  private final JobStore store;
  private final JobSettings settings;
  private final Runner runner;
  private final Observer observer;
  private final Supplier<List<String>> paused;
  private final Semaphore wake = new Semaphore(0);
  private final AtomicInteger inflight = new AtomicInteger();
  private final Map<Long, Thread> running = new ConcurrentHashMap<>();
  private final LinkedBlockingQueue<Held> buffer = new LinkedBlockingQueue<>();
  private final List<Thread> slots = new ArrayList<>();
  private final LinkedBlockingQueue<Done> finished = new LinkedBlockingQueue<>();
  private final ScheduledExecutorService timers =
      Executors.newScheduledThreadPool(1, Thread.ofVirtual().name("keel-jobs-timer").factory());
  private volatile boolean stopping;
  private int reaps; // on the timer thread only
  private volatile boolean releasing; // set when shutdown interrupts the jobs still running
  private volatile boolean keyedSeen = true; // look for keyed jobs until a round finds none
  private volatile int capacity; // jobs held (running or buffered); adapts, see dispatch()
  private volatile boolean starved; // a slot found the buffer empty since the last claim
  private Thread dispatcher;
  private Thread completer;

  public Worker(
      JobStore store,
      JobSettings settings,
      Runner runner,
      Observer observer,
      Supplier<List<String>> paused) {
    this.store = store;
    this.settings = settings;
    this.runner = runner;
    this.observer = observer;
    this.paused = paused;
  }

  /** A claimed job waiting in the local buffer since {@code at} (nanoTime). */
  private record Held(Claimed job, long at) {}

  public void start() {
    capacity = settings.workers() + settings.prefetch();
    guard(
        "analyzing the job table",
        () -> {
          store.analyze();
          return null;
        });
    dispatcher = Thread.ofVirtual().name("keel-jobs-dispatcher").start(this::dispatch);
    for (int i = 0; i < settings.workers(); i++) {
      slots.add(Thread.ofVirtual().name("keel-jobs-worker-" + i).start(this::slot));
    }
    completer = Thread.ofVirtual().name("keel-jobs-completer").start(this::completeLoop);
    long lease = settings.lease().toMillis();
    timers.scheduleWithFixedDelay(
        () -> guard("heartbeat", () -> store.heartbeat(owner, now() + lease)),
        lease / 3,
        lease / 3,
        TimeUnit.MILLISECONDS);
    timers.scheduleWithFixedDelay(
        () ->
            guard(
                "reaping expired leases",
                () -> {
                  reap();
                  return null;
                }),
        0,
        Math.max(1000, lease / 2),
        TimeUnit.MILLISECONDS);
  }

  /** Runs {@code tick} every few seconds on the worker's timer (queue metrics). */
  public void onTick(Runnable tick) {
    timers.scheduleWithFixedDelay(
        () ->
            guard(
                "refreshing queue metrics",
                () -> {
                  tick.run();
                  return null;
                }),
        0,
        5,
        TimeUnit.SECONDS);
  }

  /** Wakes the dispatcher: a job may be due (NOTIFY, a local enqueue, a resumed queue). */
  public void wake() {
    wake.release();
  }

  public int inflight() {
    return inflight.get();
  }

  private void reap() throws SQLException {
    if (++reaps % 4 == 0) store.analyze();
    int n = store.reap(now());
    if (n > 0) {
      log.warn("{} job(s) whose worker stopped before finishing are claimable again", n);
      wake();
    }
  }

  /**
   * Keeps the local buffer filled: claims in batches up to {@code capacity} jobs held (running or
   * buffered), so that a claim's round trip serves several jobs. The capacity starts at {@code
   * workers + prefetch} and adapts: it doubles (up to {@link #maxCapacity}) when a slot found the
   * buffer empty while a full batch was being claimed (short jobs: the round trip is the limit),
   * and halves back when a job waited long in the buffer (long jobs: another instance could have
   * run it). With {@code prefetch} 0 it stays at {@code workers}.
   */
  private void dispatch() {
    long poll = settings.pollInterval().toMillis();
    while (!stopping) {
      try {
        int cap = capacity;
        int held = inflight.get() + buffer.size();
        int want = cap - held;
        if (want < Math.max(1, cap / 3) && held > 0) { // refill when a third is free
          await(poll);
          continue;
        }
        long now = now();
        long leaseUntil = now + settings.lease().toMillis();
        List<String> off = paused.get();
        starved = false;
        List<Claimed> got = store.claim(owner, want, now, leaseUntil, settings.queues(), off);
        if (got.size() < want && keyedSeen) {
          List<Claimed> keyed = store.claimKeyed(owner, now, leaseUntil, settings.queues(), off);
          keyedSeen = !keyed.isEmpty();
          got = new ArrayList<>(got);
          got.addAll(keyed);
        }
        long at = System.nanoTime();
        for (Claimed c : got) buffer.add(new Held(c, at));
        if (got.size() >= want && starved && settings.prefetch() > 0) {
          capacity = Math.min(maxCapacity(), cap * 2);
        }
        if (got.isEmpty()) {
          await(poll);
          keyedSeen = true; // a keyed job may have become runnable meanwhile
        }
      } catch (SQLException | RuntimeException e) {
        if (stopping) break;
        log.warn("claiming jobs failed, trying again in {} ms: {}", poll, e.toString());
        await(poll);
      }
    }
  }

  /** The most jobs one instance holds when they are short: 16 per worker, at least the start. */
  private int maxCapacity() {
    return Math.max(settings.workers() + settings.prefetch(), 16 * settings.workers());
  }

  /** One of the {@code workers} slots: runs buffered jobs one after the other. */
  private void slot() {
    while (!stopping) {
      Held h = buffer.poll();
      if (h == null) {
        starved = true;
        try {
          h = buffer.poll(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          continue; // a late timeout interrupt of the previous job; stop() sets stopping first
        }
        if (h == null) continue;
      }
      // a job that waited in the buffer for longer than a claim takes: hold fewer
      int base = settings.workers() + settings.prefetch();
      if (capacity > base && System.nanoTime() - h.at() > MAX_BUFFERED_NANOS) {
        capacity = Math.max(base, capacity / 2);
      }
      inflight.incrementAndGet();
      try {
        run(h.job());
      } finally {
        inflight.decrementAndGet();
        wake();
      }
    }
  }

  private void await(long ms) {
    try {
      if (wake.tryAcquire(ms, TimeUnit.MILLISECONDS)) wake.drainPermits();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    }
  }

  private void run(Claimed job) {
    long start = System.nanoTime();
    long delay = Math.max(0, now() - Math.max(job.enqueuedAt(), job.runAt()));
    boolean[] timedOut = {false};
    Thread self = Thread.currentThread();
    Thread.interrupted(); // a late interrupt meant for the previous job
    running.put(job.id(), self);
    ScheduledFuture<?> timeout =
        timers.schedule(
            () -> {
              timedOut[0] = true;
              self.interrupt();
            },
            job.timeoutMs(),
            TimeUnit.MILLISECONDS);
    String outcome = "success";
    try {
      runner.run(job);
      timeout.cancel(false);
      finished.add(new Done(job.id(), job.attempt()));
    } catch (Throwable t) {
      timeout.cancel(false);
      Thread.interrupted(); // clear a timeout's interrupt before talking to the database
      if (releasing && !timedOut[0]) {
        outcome = "released";
        guard(
            "releasing a job",
            () -> store.release(owner, new Done(job.id(), job.attempt()), now()));
      } else {
        outcome = failed(job, t, timedOut[0]);
      }
    } finally {
      running.remove(job.id());
      Thread.interrupted();
      observer.ran(job, outcome, delay, System.nanoTime() - start);
    }
  }

  private String failed(Claimed job, Throwable t, boolean timedOut) {
    boolean last = job.attempt() >= job.maxAttempts();
    String error =
        timedOut
            ? "timed out after "
                + Duration.ofMillis(job.timeoutMs())
                + " (attempt "
                + job.attempt()
                + "): "
                + stackTrace(t)
            : stackTrace(t);
    long retryAt = last ? -1 : now() + backoff(job.attempt());
    if (last) {
      log.error(
          "job {} ({}) failed for good after {} attempt(s)",
          job.id(),
          job.type(),
          job.attempt(),
          t);
    } else {
      log.warn(
          "job {} ({}) attempt {} failed, retrying at {}: {}",
          job.id(),
          job.type(),
          job.attempt(),
          java.time.Instant.ofEpochMilli(retryAt),
          t.toString());
    }
    guard(
        "recording a failure",
        () -> store.fail(owner, new Done(job.id(), job.attempt()), retryAt, error, now()));
    return timedOut ? "timeout" : last ? "failed" : "retry";
  }

  /** Exponential backoff with jitter: half the delay fixed, half random. */
  long backoff(int attempt) {
    long base = settings.backoff().toMillis();
    long max = settings.maxBackoff().toMillis();
    long d = attempt >= 40 ? max : Math.min(max, base << Math.max(0, attempt - 1));
    return d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
  }

  private void completeLoop() {
    List<Done> batch = new ArrayList<>();
    while (!(stopping && finished.isEmpty() && inflight.get() == 0) || !batch.isEmpty()) {
      try {
        if (batch.isEmpty()) {
          Done first = finished.poll(100, TimeUnit.MILLISECONDS);
          if (first == null) continue;
          batch.add(first);
        }
        finished.drainTo(batch, 999);
        int held = store.complete(owner, batch);
        if (held < batch.size()) {
          log.warn(
              "{} finished job(s) had been taken over after their lease expired; they may run"
                  + " again (delivery is at least once)",
              batch.size() - held);
        }
        batch.clear();
      } catch (InterruptedException e) {
        if (!stopping) Thread.currentThread().interrupt();
        if (batch.isEmpty() && finished.isEmpty()) break;
      } catch (SQLException | RuntimeException e) {
        log.warn(
            "recording {} finished job(s) failed, trying again: {}", batch.size(), e.toString());
        try {
          Thread.sleep(500);
        } catch (InterruptedException ie) {
          break;
        }
      }
    }
  }

  /**
   * Stops claiming, lets running jobs finish within the grace period, interrupts and releases the
   * rest, and records what finished.
   */
  @Override
  public void close() {
    stopping = true;
    wake();
    try {
      if (dispatcher != null) dispatcher.join(settings.pollInterval().toMillis() + 5000);
      long until = System.nanoTime() + settings.shutdownGrace().toNanos();
      while (inflight.get() > 0 && System.nanoTime() < until) Thread.sleep(10);
      if (inflight.get() > 0) {
        log.warn(
            "{} job(s) still running after the {} grace period; interrupting and releasing them",
            inflight.get(),
            settings.shutdownGrace());
        releasing = true;
        running.values().forEach(Thread::interrupt);
        long hard = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (inflight.get() > 0 && System.nanoTime() < hard) Thread.sleep(10);
        // handlers that ignore interrupts keep their lease until it expires, then run elsewhere
      }
      for (Thread t : slots) t.join(1000);
      releaseBuffered();
      if (completer != null) completer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      timers.shutdownNow();
    }
  }

  /** Claimed jobs no slot started: back to the queue, the attempt not counted. */
  private void releaseBuffered() {
    List<Held> left = new ArrayList<>();
    buffer.drainTo(left);
    for (Held h : left) {
      Claimed c = h.job();
      guard("releasing a job", () -> store.release(owner, new Done(c.id(), c.attempt()), now()));
    }
  }

  private interface Action {
    Object run() throws Exception;
  }

  private static void guard(String what, Action action) {
    try {
      action.run();
    } catch (Exception e) {
      log.warn("{} failed: {}", what, e.toString());
    }
  }

  static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    String s = w.toString();
    return s.length() > 16_000 ? s.substring(0, 16_000) + "\n…" : s;
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
