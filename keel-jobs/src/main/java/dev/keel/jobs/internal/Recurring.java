package dev.keel.jobs.internal;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires recurring jobs: each instance sleeps until a schedule's next fire time, then claims that
 * slot ({@code keel_job_slot}'s primary key lets exactly one instance have it) and enqueues the job
 * in the same transaction. A slot missed while no instance ran is not fired late.
 */
public final class Recurring implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("dev.keel.jobs");

  /** One recurring job: its name, schedule and the record it enqueues. */
  public record Entry(String name, Schedule schedule, Record job) {}

  private final List<Entry> entries;
  private final JobTable table;
  private final BiConsumer<Entry, Long> fire; // enqueues, inside the slot's transaction
  private volatile boolean closed;
  private Thread thread;

  /**
   * @param fire called with the entry and its slot (epoch ms) inside a transaction that claimed it
   */
  public Recurring(List<Entry> entries, JobTable table, BiConsumer<Entry, Long> fire) {
    this.entries = List.copyOf(entries);
    this.table = table;
    this.fire = fire;
  }

  public void start() {
    if (entries.isEmpty()) return;
    thread = Thread.ofVirtual().name("keel-jobs-recurring").start(this::loop);
  }

  private void loop() {
    ZonedDateTime from = ZonedDateTime.now();
    long lastPrune = 0;
    while (!closed) {
      ZonedDateTime soonest = null;
      for (Entry e : entries) {
        ZonedDateTime next = e.schedule().next(from).orElse(null);
        if (next != null && (soonest == null || next.isBefore(soonest))) soonest = next;
      }
      if (soonest == null) return;
      long wait = soonest.toInstant().toEpochMilli() - System.currentTimeMillis();
      try {
        if (wait > 0) TimeUnit.MILLISECONDS.sleep(Math.min(wait, 60_000));
      } catch (InterruptedException e) {
        return;
      }
      if (closed) return;
      Instant now = Instant.now();
      if (now.isBefore(soonest.toInstant())) continue; // woke early (capped sleep): look again
      for (Entry e : entries) {
        e.schedule()
            .next(from)
            .filter(t -> !t.toInstant().isAfter(now))
            .ifPresent(t -> fireSlot(e, t.toInstant().toEpochMilli()));
      }
      from = ZonedDateTime.ofInstant(now, soonest.getZone());
      if (now.toEpochMilli() - lastPrune > 3_600_000) {
        lastPrune = now.toEpochMilli();
        try {
          table.pruneSlots(now.toEpochMilli() - 7 * 86_400_000L);
        } catch (RuntimeException ex) {
          log.debug("pruning old schedule slots failed", ex);
        }
      }
    }
  }

  private void fireSlot(Entry e, long slot) {
    try {
      fire.accept(e, slot);
    } catch (RuntimeException ex) {
      log.warn(
          "firing recurring job {} for {} failed: {}",
          e.name(),
          Instant.ofEpochMilli(slot),
          ex.toString());
    }
  }

  @Override
  public void close() {
    closed = true;
    if (thread != null) thread.interrupt();
  }
}
