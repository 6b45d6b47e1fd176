package dev.keel.benchmarks.jobs;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.stream.LongStream;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/** JobRunr (open-source edition) with its PostgreSQL storage and job requests. */
final class JobRunrSubject implements Subject {
  /** The job: its payload is the time it was enqueued. */
  public record Noop(long t) implements JobRequest {
    @Override
    public Class<NoopHandler> getJobRequestHandler() {
      return NoopHandler.class;
    }
  }

  /** Runs {@link Noop}. */
  public static final class NoopHandler implements JobRequestHandler<Noop> {
    @Override
    public void run(Noop job) {
      Recorder.INSTANCE.ran(job.t());
    }
  }

  static final Duration POLL = Duration.ofSeconds(5); // the shortest the free edition allows

  private HikariDataSource ds;
  private PostgresStorageProvider storage;
  private JacksonJsonMapper json;
  private JobRequestScheduler scheduler;
  private BackgroundJobServer server;
  private int workers;

  @Override
  public void setUp(String jdbcUrl, int workers) {
    this.workers = workers;
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(jdbcUrl);
    c.setUsername("postgres");
    c.setMaximumPoolSize(10);
    ds = new HikariDataSource(c);
    json = new JacksonJsonMapper();
    storage = new PostgresStorageProvider(ds);
    storage.setJobMapper(new JobMapper(json));
    scheduler = new JobRequestScheduler(storage);
  }

  @Override
  public void backlog(int n) {
    for (int done = 0; done < n; done += 1000) {
      int size = Math.min(1000, n - done);
      scheduler.enqueue(LongStream.range(0, size).mapToObj(i -> new Noop(System.nanoTime())));
    }
  }

  @Override
  public void start() {
    JobActivator activator =
        new JobActivator() {
          @Override
          public <T> T activateJob(Class<T> type) {
            return type.cast(new NoopHandler());
          }
        };
    server =
        new BackgroundJobServer(
            storage,
            json,
            activator,
            BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                .andWorkerCount(workers)
                .andPollInterval(POLL));
    server.start();
  }

  @Override
  public void enqueue() {
    scheduler.enqueue(new Noop(System.nanoTime()));
  }

  @Override
  public void close() {
    if (server != null) server.stop();
    ds.close();
  }
}
