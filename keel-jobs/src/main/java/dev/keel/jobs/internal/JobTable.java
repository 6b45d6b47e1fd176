package dev.keel.jobs.internal;

import dev.keel.db.Database;
import dev.keel.db.Dialect;
import dev.keel.jobs.JobInfo;
import dev.keel.jobs.QueueInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application's side of the job table, through {@link Database#sql}: enqueueing joins the
 * caller's transaction (the outbox property), and the operations listings and commands.
 */
public final class JobTable {
  private final Database db;
  private final boolean pg;

  public JobTable(Database db) {
    this.db = db;
    this.pg = db.dialect() == Dialect.POSTGRESQL;
  }

  /**
   * Inserts {@code job} in the current transaction, if any; returns its id, or the pending job's id
   * when its unique key is taken.
   */
  public long insert(NewJob job) {
    if (job.after().length > 0) return db.transaction(() -> insertAfter(job));
    return insertRow(job, 0);
  }

  private long insertAfter(NewJob job) {
    List<Long> after = Arrays.stream(job.after()).boxed().distinct().toList();
    if (!pg) {
      // SQLite (WAL): a transaction that reads before it writes fails with SQLITE_BUSY_SNAPSHOT
      // when a worker commits in between, and busy_timeout does not retry that; a first statement
      // that writes (here, nothing) takes the write lock, waiting for it, on a fresh snapshot
      db.sql("update keel_job set waiting_for = waiting_for where id = -1").update();
    }
    // lock the predecessors so none completes between counting and the dependency rows
    List<Long> pending =
        db.sql("select id from keel_job where id in (:ids)" + (pg ? " for update" : ""))
            .bind("ids", after)
            .list(Long.class);
    long id = insertRow(job, pending.size());
    for (long a : pending) {
      db.sql("insert into keel_job_dep (job_id, after_id) values (:j, :a)")
          .bind("j", id)
          .bind("a", a)
          .update();
    }
    if (!pending.isEmpty()) {
      db.sql("update keel_job set has_dependents = :t where id in (:ids)")
          .bind("t", true)
          .bind("ids", pending)
          .update();
    }
    return id;
  }

  private long insertRow(NewJob job, int waitingFor) {
    String sql =
        "insert into keel_job (queue, type, payload, priority, run_at, enqueued_at, max_attempts,"
            + " timeout_ms, unique_key, concurrency_key, trace, waiting_for) values (:queue, :type,"
            + " :payload, :priority, :runAt, :enqueuedAt, :maxAttempts, :timeoutMs, :uniqueKey,"
            + " :concurrencyKey, :trace, :waiting)"
            + (job.uniqueKey() != null
                ? " on conflict (unique_key) where unique_key is not null and status in ('ready',"
                    + " 'running') do nothing"
                : "")
            + " returning id";
    Optional<Long> id =
        db.sql(sql)
            .bind("queue", job.queue())
            .bind("type", job.type())
            .bind("payload", job.payload())
            .bind("priority", job.priority())
            .bind("runAt", job.runAt())
            .bind("enqueuedAt", job.enqueuedAt())
            .bind("maxAttempts", job.maxAttempts())
            .bind("timeoutMs", job.timeoutMs())
            .bind("uniqueKey", job.uniqueKey())
            .bind("concurrencyKey", job.concurrencyKey())
            .bind("trace", job.trace())
            .bind("waiting", waitingFor)
            .optional(Long.class);
    if (id.isPresent()) return id.get();
    return db.sql(
            "select id from keel_job where unique_key = :k and status in ('ready', 'running')")
        .bind("k", job.uniqueKey())
        .optional(Long.class)
        // the pending one finished between the insert and this look-up: enqueue again
        .orElseGet(() -> insertRow(job, waitingFor));
  }

  /** Jobs in {@code status} ({@code ready}, {@code running}, {@code failed}), newest first. */
  public List<JobInfo> list(String status, int limit) {
    return db
        .sql(
            "select id, queue, type, status, attempts, max_attempts, run_at, enqueued_at,"
                + " last_error from keel_job where status = :s order by id desc limit :n")
        .bind("s", status)
        .bind("n", limit)
        .list(Row.class)
        .stream()
        .map(Row::info)
        .toList();
  }

  /** Row of {@link #list}. */
  public record Row(
      long id,
      String queue,
      String type,
      String status,
      int attempts,
      int maxAttempts,
      long runAt,
      long enqueuedAt,
      String lastError) {
    JobInfo info() {
      return new JobInfo(
          id,
          queue,
          type,
          status,
          attempts,
          maxAttempts,
          Instant.ofEpochMilli(runAt),
          Instant.ofEpochMilli(enqueuedAt),
          Optional.ofNullable(lastError));
    }
  }

  /** A failed job ready again at once with fresh attempts; false when {@code id} is not failed. */
  public boolean retry(long id, long now) {
    return db.sql(
                "update keel_job set status = 'ready', attempts = 0, run_at = :now, failed_at ="
                    + " null where id = :id and status = 'failed'")
            .bind("now", now)
            .bind("id", id)
            .update()
        == 1;
  }

  /**
   * Deletes a failed or waiting job; the jobs that run after it no longer wait for it. False when
   * {@code id} is not failed or ready.
   */
  public boolean discard(long id) {
    return db.transaction(
        () -> {
          int n =
              db.sql("delete from keel_job where id = :id and status in ('failed', 'ready')")
                  .bind("id", id)
                  .update();
          if (n == 0) return false;
          db.sql(
                  "update keel_job set waiting_for = waiting_for - 1 where id in (select job_id"
                      + " from keel_job_dep where after_id = :id)")
              .bind("id", id)
              .update();
          db.sql("delete from keel_job_dep where after_id = :id").bind("id", id).update();
          return true;
        });
  }

  public void pause(String queue, boolean paused) {
    db.sql(
            "insert into keel_job_queue (name, paused) values (:q, :p) on conflict (name) do"
                + " update set paused = excluded.paused")
        .bind("q", queue)
        .bind("p", paused)
        .update();
  }

  public List<String> paused() {
    return db.sql("select name from keel_job_queue where paused = :t")
        .bind("t", true)
        .list(String.class);
  }

  /** Every queue with jobs or a pause flag, by name. */
  public List<QueueInfo> queues(long now) {
    record Count(String queue, String status, long n, Long oldest) {}
    List<Count> counts =
        db.sql(
                "select queue, status, count(*) as n, min(case when status = 'ready' and run_at <="
                    + " :now then run_at end) as oldest from keel_job group by queue, status")
            .bind("now", now)
            .list(Count.class);
    List<String> paused = paused();
    Map<String, long[]> by = new LinkedHashMap<>();
    for (Count c : counts) {
      long[] v = by.computeIfAbsent(c.queue(), k -> new long[] {0, 0, 0, -1});
      switch (c.status()) {
        case "ready" -> v[0] = c.n();
        case "running" -> v[1] = c.n();
        default -> v[2] = c.n();
      }
      if (c.oldest() != null) v[3] = c.oldest();
    }
    for (String p : paused) by.putIfAbsent(p, new long[] {0, 0, 0, -1});
    List<QueueInfo> out = new ArrayList<>();
    by.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              long[] v = e.getValue();
              Duration age = v[3] < 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, now - v[3]));
              out.add(
                  new QueueInfo(e.getKey(), v[0], v[1], v[2], age, paused.contains(e.getKey())));
            });
    return out;
  }

  /**
   * Claims the schedule slot {@code slot} of recurring job {@code name}; true for exactly one
   * caller across instances.
   */
  public boolean claimSlot(String name, long slot) {
    return db.sql(
                "insert into keel_job_slot (name, slot) values (:n, :s) on conflict (name, slot) do"
                    + " nothing")
            .bind("n", name)
            .bind("s", slot)
            .update()
        == 1;
  }

  /** Forgets slots older than {@code before}; they can never fire again. */
  public void pruneSlots(long before) {
    db.sql("delete from keel_job_slot where slot < :b").bind("b", before).update();
  }
}
