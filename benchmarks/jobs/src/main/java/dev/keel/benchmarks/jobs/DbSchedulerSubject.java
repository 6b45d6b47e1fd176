package dev.keel.benchmarks.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** db-scheduler with {@code lock-and-fetch} polling (its fastest on PostgreSQL). */
final class DbSchedulerSubject implements Subject {
  private final AtomicLong ids = new AtomicLong();
  private HikariDataSource ds;
  private OneTimeTask<Long> task;
  private SchedulerClient client;
  private Scheduler scheduler;
  private int workers;

  @Override
  public void setUp(String jdbcUrl, int workers) throws Exception {
    this.workers = workers;
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(jdbcUrl);
    c.setUsername("postgres");
    c.setMaximumPoolSize(10);
    ds = new HikariDataSource(c);
    try (Connection con = ds.getConnection();
        Statement st = con.createStatement()) {
      // db-scheduler's postgresql_tables.sql
      st.execute(
          "create table scheduled_tasks (task_name text not null, task_instance text not null,"
              + " task_data bytea, execution_time timestamp with time zone not null, picked"
              + " boolean not null, picked_by text, last_success timestamp with time zone,"
              + " last_failure timestamp with time zone, consecutive_failures int,"
              + " last_heartbeat timestamp with time zone, version bigint not null, priority"
              + " smallint, primary key (task_name, task_instance))");
      st.execute("create index execution_time_idx on scheduled_tasks (execution_time)");
      st.execute("create index last_heartbeat_idx on scheduled_tasks (last_heartbeat)");
      st.execute(
          "create index priority_execution_time_idx on scheduled_tasks (priority desc,"
              + " execution_time asc)");
    }
    task =
        Tasks.oneTime("noop", Long.class)
            .execute((inst, ctx) -> Recorder.INSTANCE.ran(inst.getData()));
    client = SchedulerClient.Builder.create(ds, task).build();
  }

  @Override
  public void backlog(int n) {
    List<TaskInstance<?>> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      batch.add(task.instance(Long.toString(ids.incrementAndGet()), System.nanoTime()));
      if (batch.size() == 1000) {
        client.scheduleBatch(batch, Instant.now());
        batch.clear();
      }
    }
    if (!batch.isEmpty()) client.scheduleBatch(batch, Instant.now());
  }

  @Override
  public void start() {
    scheduler =
        Scheduler.create(ds, task)
            .threads(workers)
            .pollUsingLockAndFetch(0.5, 3.0)
            .pollingInterval(Duration.ofMillis(100))
            .enableImmediateExecution()
            .build();
    scheduler.start();
  }

  @Override
  public void enqueue() {
    // through the running scheduler, so that immediate execution wakes it
    scheduler.schedule(
        task.instance(Long.toString(ids.incrementAndGet()), System.nanoTime()), Instant.now());
  }

  @Override
  public void close() {
    if (scheduler != null) scheduler.stop();
    ds.close();
  }
}
