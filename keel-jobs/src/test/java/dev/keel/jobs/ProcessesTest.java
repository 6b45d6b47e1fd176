package dev.keel.jobs;

import static dev.keel.jobs.JobsTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.db.Dialect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real worker processes on one PostgreSQL database: a SIGKILL mid-job, and two sharing work. */
class ProcessesTest {

  @Test
  void aJobWhoseWorkerWasKilledRunsAgainAfterItsLeaseExpired() throws Exception {
    try (var db = TestDatabase.create(Dialect.POSTGRESQL);
        var app =
            TestApp.start(
                db.url, jobs -> WorkerMain.handlers(jobs, null, 0), "keel.jobs.run=false")) {
      tables(app);
      long id = app.jobs.enqueue(new WorkerMain.Hang("x"));
      Process worker = worker(db.url, "keel.jobs.lease=2s");
      try {
        waitFor(() -> count(app, "select count(*) from hang_start") == 1);
        long pid = app.db.sql("select pid from hang_start").one(Long.class);
        assertThat(pid).isEqualTo(worker.pid());
        worker.destroyForcibly(); // SIGKILL: no shutdown hook, the lease is simply not renewed
        assertThat(worker.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(app.jobs.list("running", 10)).extracting(JobInfo::id).containsExactly(id);
      } finally {
        worker.destroyForcibly();
      }
      long killedAt = System.currentTimeMillis();
      try (var rescuer =
          TestApp.start(
              db.url,
              jobs -> WorkerMain.handlers(jobs, app.db, 0),
              "keel.jobs.lease=2s",
              "keel.jobs.poll-interval=100ms")) {
        waitFor(() -> count(app, "select count(*) from hang_start") == 2);
        long after = System.currentTimeMillis() - killedAt;
        assertThat(
                app.db.sql("select attempt from hang_start order by attempt").list(Integer.class))
            .containsExactly(1, 2);
        assertThat(after).isBetween(500L, 10_000L); // after the 2 s lease, not at once or never
        waitFor(() -> app.jobs.queues().stream().allMatch(q -> q.ready() + q.running() == 0));
      }
    }
  }

  @Test
  void twoProcessesSharingADatabaseRunEveryJobExactlyOnce() throws Exception {
    int n = 3_000;
    try (var db = TestDatabase.create(Dialect.POSTGRESQL);
        var app =
            TestApp.start(
                db.url, jobs -> WorkerMain.handlers(jobs, null, 0), "keel.jobs.run=false")) {
      tables(app);
      List<Process> workers = new ArrayList<>();
      try {
        for (int i = 0; i < 2; i++) workers.add(worker(db.url, "keel.jobs.workers=8"));
        app.db.transaction(
            () -> {
              for (int i = 0; i < n; i++) app.jobs.enqueue(new WorkerMain.Count(i));
            });
        waitFor(() -> count(app, "select count(*) from job_run") >= n, 120);
        Thread.sleep(500); // a double run would show up now
        assertThat(count(app, "select count(*) from job_run")).isEqualTo(n);
        assertThat(count(app, "select count(distinct job_id) from job_run")).isEqualTo(n);
        assertThat(count(app, "select count(*) from job_run where attempt <> 1")).isZero();
        List<Long> pids = app.db.sql("select distinct pid from job_run").list(Long.class);
        assertThat(pids).hasSize(2); // both processes took a share
        assertThat(count(app, "select count(*) from keel_job")).isZero();
      } finally {
        workers.forEach(Process::destroyForcibly);
      }
    }
  }

  private static void tables(TestApp app) {
    app.db.sql("create table hang_start (job_id bigint, attempt int, pid bigint)").update();
    app.db
        .sql(
            "create table job_run (job_id bigint, attempt int, pid bigint, started bigint, ended"
                + " bigint)")
        .update();
  }

  private static long count(TestApp app, String sql) {
    return app.db.sql(sql).one(Long.class);
  }

  private static Process worker(String url, String... settings) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(WorkerMain.class.getName());
    cmd.add(url);
    cmd.addAll(List.of(settings));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(Map.of("KEEL_PROFILE", "test"));
    Process p = pb.start();
    var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.equals("ready")) {
      // start-up logging
    }
    if (line == null) throw new IllegalStateException("the worker process exited at start-up");
    Thread.ofVirtual().start(() -> out.lines().forEach(l -> {})); // keep its pipe drained
    return p;
  }
}
