package dev.keel.jobs.internal;

import dev.keel.db.Dialect;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * The worker's side of the job table, in plain JDBC on the pool (auto-commit unless said): claim,
 * complete, fail, release, heartbeat, reap. Every result of a run is fenced by (owner, attempt), so
 * a worker whose lease expired cannot complete or fail the job another worker now holds.
 */
public final class JobStore {
  private static final String RETURNING =
      " returning id, queue, type, payload, attempts, max_attempts, timeout_ms, enqueued_at,"
          + " run_at, trace";

  private final DataSource ds;
  private final boolean pg;

  public JobStore(DataSource ds, Dialect dialect) {
    this.ds = ds;
    this.pg = dialect == Dialect.POSTGRESQL;
  }

  /**
   * Claims up to {@code limit} due jobs without a concurrency key, highest priority first: {@code
   * FOR UPDATE SKIP LOCKED} on PostgreSQL, one {@code UPDATE … RETURNING} (SQLite serialises
   * writers) on SQLite.
   */
  public List<Claimed> claim(
      String owner, int limit, long now, long leaseUntil, List<String> queues, List<String> paused)
      throws SQLException {
    return claim(owner, limit, now, leaseUntil, queues, paused, false);
  }

  /**
   * Claims one due job with a concurrency key whose key has no running job. The partial unique
   * index on running keys is the guarantee; a lost race shows as a unique violation and claims
   * nothing this round.
   */
  public List<Claimed> claimKeyed(
      String owner, long now, long leaseUntil, List<String> queues, List<String> paused)
      throws SQLException {
    try {
      return claim(owner, 1, now, leaseUntil, queues, paused, true);
    } catch (SQLException e) {
      if (isUniqueViolation(e)) return List.of();
      throw e;
    }
  }

  private List<Claimed> claim(
      String owner,
      int limit,
      long now,
      long leaseUntil,
      List<String> queues,
      List<String> paused,
      boolean keyed)
      throws SQLException {
    StringBuilder where =
        new StringBuilder("status = 'ready' and run_at <= ? and waiting_for = 0 and ");
    if (keyed) {
      where.append(
          "concurrency_key is not null and not exists (select 1 from keel_job r where"
              + " r.concurrency_key = q.concurrency_key and r.status = 'running')");
    } else {
      where.append("concurrency_key is null");
    }
    if (!queues.isEmpty()) where.append(" and queue in (").append(marks(queues.size())).append(')');
    if (!paused.isEmpty()) {
      where.append(" and queue not in (").append(marks(paused.size())).append(')');
    }
    String pick =
        "select id from keel_job q where "
            + where
            + " order by priority desc, run_at, id limit ?"
            + (pg ? " for update skip locked" : "");
    String sql =
        pg
            ? "with c as ("
                + pick
                + ") update keel_job j set status = 'running', owner = ?, attempts = j.attempts +"
                + " 1, lease_until = ? from c where j.id = c.id"
                + " returning j.id, j.queue, j.type, j.payload, j.attempts, j.max_attempts,"
                + " j.timeout_ms, j.enqueued_at, j.run_at, j.trace"
            : "update keel_job set status = 'running', owner = ?, attempts = attempts + 1,"
                + " lease_until = ? where id in ("
                + pick
                + ")"
                + RETURNING;
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (!pg) {
        ps.setString(i++, owner);
        ps.setLong(i++, leaseUntil);
      }
      ps.setLong(i++, now);
      for (String q : queues) ps.setString(i++, q);
      for (String q : paused) ps.setString(i++, q);
      ps.setInt(i++, limit);
      if (pg) {
        ps.setString(i++, owner);
        ps.setLong(i++, leaseUntil);
      }
      List<Claimed> out = new ArrayList<>(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Claimed(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getInt(5),
                  rs.getInt(6),
                  rs.getLong(7),
                  rs.getLong(8),
                  rs.getLong(9),
                  rs.getString(10)));
        }
      }
      return out;
    }
  }

  /** A finished run, fenced by its attempt. */
  public record Done(long id, int attempt) {}

  /**
   * Deletes finished jobs still held by {@code owner} at their attempt, and releases the jobs
   * waiting for them, in one transaction.
   *
   * @return how many were still held (the rest were taken over after their lease expired)
   */
  public int complete(String owner, Collection<Done> done) throws SQLException {
    if (done.isEmpty()) return 0;
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<Long> withDependents = new ArrayList<>();
        int held = 0;
        try (PreparedStatement ps = c.prepareStatement(completeSql(done.size()))) {
          int i = 1;
          if (pg) {
            long[] ids = new long[done.size()];
            Integer[] atts = new Integer[done.size()];
            int k = 0;
            for (Done d : done) {
              ids[k] = d.id();
              atts[k++] = d.attempt();
            }
            Array a = c.createArrayOf("bigint", box(ids));
            Array b = c.createArrayOf("integer", atts);
            ps.setArray(i++, a);
            ps.setArray(i++, b);
          } else {
            for (Done d : done) {
              ps.setLong(i++, d.id());
              ps.setInt(i++, d.attempt());
            }
          }
          ps.setString(i, owner);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              held++;
              if (rs.getBoolean(2)) withDependents.add(rs.getLong(1));
            }
          }
        }
        for (long id : withDependents) releaseDependents(c, id);
        c.commit();
        return held;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private String completeSql(int n) {
    if (pg) {
      return "delete from keel_job j using unnest(?::bigint[], ?::integer[]) as d(id, att)"
          + " where j.id = d.id and j.attempts = d.att and j.owner = ? and j.status = 'running'"
          + " returning j.id, j.has_dependents";
    }
    StringBuilder s = new StringBuilder("delete from keel_job where (");
    for (int i = 0; i < n; i++) s.append(i == 0 ? "" : " or ").append("(id = ? and attempts = ?)");
    return s.append(") and owner = ? and status = 'running' returning id, has_dependents")
        .toString();
  }

  /** One fewer unfinished predecessor for each job that waits for {@code id}. */
  static void releaseDependents(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update keel_job set waiting_for = waiting_for - 1 where id in (select job_id from"
                + " keel_job_dep where after_id = ?)")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("delete from keel_job_dep where after_id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }

  /**
   * Records a failed attempt: ready again at {@code retryAt}, or failed for good when {@code
   * retryAt} is negative.
   *
   * @return false when the job was no longer held at this attempt
   */
  public boolean fail(String owner, Done run, long retryAt, String error, long now)
      throws SQLException {
    String sql =
        "update keel_job set status = ?, run_at = ?, owner = null, lease_until = null,"
            + " last_error = ?, failed_at = ? where id = ? and attempts = ? and owner = ? and"
            + " status = 'running'";
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      boolean last = retryAt < 0;
      ps.setString(1, last ? "failed" : "ready");
      ps.setLong(2, last ? now : retryAt);
      ps.setString(3, error);
      if (last) ps.setLong(4, now);
      else ps.setNull(4, java.sql.Types.BIGINT);
      ps.setLong(5, run.id());
      ps.setInt(6, run.attempt());
      ps.setString(7, owner);
      return ps.executeUpdate() == 1;
    }
  }

  /** Gives a job back unrun (shutdown): ready at once, the attempt not counted. */
  public boolean release(String owner, Done run, long now) throws SQLException {
    String sql =
        "update keel_job set status = 'ready', owner = null, lease_until = null, attempts ="
            + " attempts - 1, run_at = ? where id = ? and attempts = ? and owner = ? and status ="
            + " 'running'";
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, now);
      ps.setLong(2, run.id());
      ps.setInt(3, run.attempt());
      ps.setString(4, owner);
      return ps.executeUpdate() == 1;
    }
  }

  /** Extends the lease of every job {@code owner} runs. */
  public int heartbeat(String owner, long leaseUntil) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update keel_job set lease_until = ? where owner = ? and status = 'running'")) {
      ps.setLong(1, leaseUntil);
      ps.setString(2, owner);
      return ps.executeUpdate();
    }
  }

  /**
   * Makes jobs whose lease expired (their worker died or lost the database) claimable again, or
   * failed when that was their last attempt. Returns how many.
   */
  public int reap(long now) throws SQLException {
    String sql =
        "update keel_job set status = case when attempts >= max_attempts then 'failed' else"
            + " 'ready' end, failed_at = case when attempts >= max_attempts then ? else null end,"
            + " owner = null, lease_until = null, run_at = ?, last_error = 'the lease of attempt '"
            + " || attempts || ' expired: its worker stopped (crashed, killed, or lost the"
            + " database) before finishing' where status = 'running' and lease_until < ?";
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, now);
      ps.setLong(2, now);
      ps.setLong(3, now);
      return ps.executeUpdate();
    }
  }

  /**
   * PostgreSQL: refreshes the planner's statistics of the job table. A queue table changes faster
   * than autovacuum looks; with stale statistics (after a bulk enqueue) the planner sorts every
   * ready job for each claim instead of reading the first few from the index.
   */
  public void analyze() throws SQLException {
    if (!pg) return;
    try (Connection c = ds.getConnection();
        var st = c.createStatement()) {
      st.execute("analyze keel_job");
    }
  }

  private static Long[] box(long[] ids) {
    Long[] out = new Long[ids.length];
    for (int i = 0; i < ids.length; i++) out[i] = ids[i];
    return out;
  }

  private static String marks(int n) {
    return "?, ".repeat(n - 1) + "?";
  }

  static boolean isUniqueViolation(SQLException e) {
    String state = e.getSQLState();
    return "23505".equals(state)
        || (e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed"));
  }
}
