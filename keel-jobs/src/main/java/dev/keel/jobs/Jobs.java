package dev.keel.jobs;

import dev.keel.core.Config;
import dev.keel.core.HealthCheck;
import dev.keel.core.Keel;
import dev.keel.core.Plugin;
import dev.keel.db.Database;
import dev.keel.jobs.internal.Claimed;
import dev.keel.jobs.internal.Dashboard;
import dev.keel.jobs.internal.Engine;
import dev.keel.jobs.internal.JobSettings;
import dev.keel.jobs.internal.JobTable;
import dev.keel.jobs.internal.NewJob;
import dev.keel.jobs.internal.OpsBridge;
import dev.keel.jobs.internal.Recurring;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * Durable background jobs and cron on the application's own database, installed as a plugin after
 * {@link Database}.
 *
 * <pre>{@code
 * record SendWelcomeMail(long userId) {}
 *
 * Jobs jobs = Jobs.create()
 *     .handle(SendWelcomeMail.class, (job, ctx) -> mailer.welcome(job.userId()))
 *     .recurring("nightly-cleanup", "0 3 * * *", new Cleanup());
 * Keel.create(args).install(db).install(jobs).start();
 *
 * db.transaction(() -> {
 *   long id = users.insert(user);
 *   jobs.enqueue(new SendWelcomeMail(id));   // visible only when the transaction commits
 * });
 * }</pre>
 *
 * <p>A job is a record, stored as JSON, plus the handler registered for its type. Enqueueing joins
 * the calling thread's transaction. Workers claim due jobs ({@code FOR UPDATE SKIP LOCKED} on
 * PostgreSQL), hold a lease renewed by a heartbeat, and delete a job when its handler returns. A
 * handler that throws is retried with exponential backoff and jitter until its last attempt, after
 * which the job is kept as failed with its stack trace. Delivery is at least once: a job whose
 * worker died runs again after its lease expired.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code keel.jobs.run}</td><td>true</td><td>run workers and schedules here; false:
 *       enqueue only</td></tr>
 *   <tr><td>{@code keel.jobs.workers}</td><td>10</td><td>jobs this instance runs at once</td></tr>
 *   <tr><td>{@code keel.jobs.prefetch}</td><td>2 × workers</td><td>jobs claimed ahead of free
 *       workers, so one claim serves several (grows up to 16 per worker while jobs are short); 0 for
 *       long jobs spread over many instances</td></tr>
 *   <tr><td>{@code keel.jobs.queues}</td><td>all</td><td>the queues this instance serves, comma
 *       separated</td></tr>
 *   <tr><td>{@code keel.jobs.poll-interval}</td><td>2s PostgreSQL, 200ms SQLite</td><td>how often
 *       an idle instance looks for due jobs (PostgreSQL wakes it with NOTIFY sooner)</td></tr>
 *   <tr><td>{@code keel.jobs.lease}</td><td>30s</td><td>a job whose worker sends no heartbeat for
 *       this long runs again elsewhere</td></tr>
 *   <tr><td>{@code keel.jobs.shutdown-grace}</td><td>10s</td><td>how long shutdown waits for
 *       running jobs before releasing them</td></tr>
 *   <tr><td>{@code keel.jobs.max-attempts}</td><td>5</td><td>attempts of a job, unless its
 *       options say</td></tr>
 *   <tr><td>{@code keel.jobs.timeout}</td><td>10m</td><td>an attempt running longer is
 *       interrupted</td></tr>
 *   <tr><td>{@code keel.jobs.backoff}, {@code keel.jobs.max-backoff}</td><td>1s, 1h</td>
 *       <td>the first retry's delay, doubling per attempt up to the maximum</td></tr>
 *   <tr><td>{@code keel.jobs.recurring.NAME.cron}, {@code .zone}</td><td>as in code</td>
 *       <td>overrides the schedule of recurring job NAME; zone default UTC</td></tr>
 * </table>
 *
 * <p>Thread-safe once the application started; {@link #handle} and {@link #recurring} are called
 * before.
 */
public final class Jobs implements Plugin {
  private final JsonMapper json;
  private final Map<String, Registered<?>> handlers = new LinkedHashMap<>();
  private final Map<String, Record> recurringJobs = new LinkedHashMap<>();
  private final Map<String, String> recurringCron = new LinkedHashMap<>();
  private final List<JobObserver> observers = new ArrayList<>();
  private volatile Database db;
  private volatile JobTable table;
  private volatile JobSettings settings;
  private volatile Engine engine;
  private volatile OpsBridge ops;
  private List<Recurring.Entry> schedules = List.of();
  private String dashboardPath;
  private String dashboardRole;

  private record Registered<T extends Record>(Class<T> type, JobHandler<? super T> handler) {}

  private Jobs(JsonMapper json) {
    this.json = json;
  }

  /** Jobs with settings from {@code keel.jobs.*}; payloads as JSON with a default mapper. */
  public static Jobs create() {
    return new Jobs(JsonMapper.builder().build());
  }

  /** Jobs whose payloads are read and written by {@code json}. */
  public static Jobs create(JsonMapper json) {
    return new Jobs(Objects.requireNonNull(json, "json"));
  }

  /**
   * Jobs for operating on {@code db}'s queue from outside a running application ({@code keel jobs}
   * commands): listings, retry, discard, pause and resume; no workers, no enqueueing.
   */
  public static Jobs operate(Database db) {
    Jobs jobs = new Jobs(JsonMapper.builder().build());
    jobs.db = db;
    jobs.table = new JobTable(db);
    return jobs;
  }

  @Override
  public List<Class<? extends Plugin>> requires() {
    return List.of(Database.class);
  }

  /**
   * Registers the handler of jobs of {@code type}; its stored name is the class's binary name.
   *
   * @throws IllegalStateException when {@code type} has a handler already
   */
  public <T extends Record> Jobs handle(Class<T> type, JobHandler<? super T> handler) {
    Objects.requireNonNull(handler, "handler");
    if (handlers.putIfAbsent(type.getName(), new Registered<>(type, handler)) != null) {
      throw new IllegalStateException(
          type.getName() + " has a handler already; register one handler per job type");
    }
    return this;
  }

  /**
   * Enqueues {@code job} on schedule {@code cron} (five fields, UTC unless {@code
   * keel.jobs.recurring.NAME.zone} says), once per fire time across all instances. {@code
   * keel.jobs.recurring.NAME.cron} overrides the schedule.
   */
  public Jobs recurring(String name, String cron, Record job) {
    Objects.requireNonNull(job, "job");
    if (recurringJobs.putIfAbsent(name, job) != null) {
      throw new IllegalStateException("recurring job '" + name + "' is defined twice");
    }
    recurringCron.put(name, Objects.requireNonNull(cron, "cron"));
    return this;
  }

  /**
   * Serves the jobs page at {@code path} (queues, failed jobs with their errors, retry and discard
   * buttons) to principals with {@code role}; needs keel-security installed before Jobs, whose
   * sessions carry the CSRF token the page's forms send back.
   */
  public Jobs dashboard(String path, String role) {
    if (!path.startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException(
          "dashboard path '" + path + "' must start with / and not end with /, e.g. /admin/jobs");
    }
    this.dashboardPath = path;
    this.dashboardRole = Objects.requireNonNull(role, "role");
    return this;
  }

  /** Called after every run (for metrics); see {@link JobObserver}. */
  public Jobs observe(JobObserver observer) {
    observers.add(Objects.requireNonNull(observer, "observer"));
    return this;
  }

  @Override
  public void install(Keel app) {
    Database database = app.plugin(Database.class).orElseThrow();
    Config config = app.config();
    schedules = Engine.schedules(config, recurringCron, recurringJobs);
    if (dashboardPath != null) {
      if (!present("dev.keel.security.Security")) {
        throw new IllegalStateException(
            "the jobs dashboard at "
                + dashboardPath
                + " needs keel-security for its '"
                + dashboardRole
                + "' role check: add dev.keel:keel-security and install Security before Jobs");
      }
      Dashboard.register(app, this, dashboardPath, dashboardRole);
    }
    JobSettings read = JobSettings.read(config);
    app.onStart(
        () -> {
          // keel-ops is optional: OpsBridge (which links against it) is loaded only when present
          if (present("dev.keel.ops.Ops")) ops = OpsBridge.of(app).orElse(null);
          start(database, read);
        });
    app.onStopping(this::stopWorkers);
    app.provide(
        HealthCheck.class,
        HealthCheck.of(
            "jobs",
            () -> {
              if (engine == null && settings != null && settings.run()) {
                throw new IllegalStateException("the job workers are not running");
              }
            }));
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, Jobs.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private void start(Database database, JobSettings read) {
    db = database;
    table = new JobTable(database);
    settings = read.on(database.dialect());
    if (!settings.run()) return;
    engine =
        Engine.start(
            database, table, settings, ops, this::execute, this::ran, schedules, this::fire);
  }

  private void stopWorkers() {
    Engine e = engine;
    engine = null;
    if (e != null) e.stop();
  }

  private void fire(Recurring.Entry e, long slot) {
    db.transaction(
        () -> {
          if (table.claimSlot(e.name(), slot)) enqueue(e.job(), JobOptions.defaults());
        });
  }

  @SuppressWarnings("unchecked")
  private void execute(Claimed c) throws Exception {
    Registered<?> r = handlers.get(c.type());
    if (r == null) {
      throw new IllegalStateException(
          "no handler for job type "
              + c.type()
              + " on this instance; register one with jobs.handle("
              + c.type().substring(c.type().lastIndexOf('.') + 1).replace('$', '.')
              + ".class, ...)");
    }
    Record job = json.readValue(c.payload(), r.type());
    JobContext ctx =
        new JobContext(
            c.id(), c.queue(), c.attempt(), c.maxAttempts(), Instant.ofEpochMilli(c.enqueuedAt()));
    ((JobHandler<Record>) r.handler()).run(job, ctx);
  }

  private void ran(Claimed c, String outcome, long delayMs, long runNanos) {
    OpsBridge bridge = ops;
    if (bridge != null) {
      bridge.ran(
          c.type(), c.queue(), outcome, Duration.ofMillis(delayMs), Duration.ofNanos(runNanos));
    }
    for (JobObserver o : observers) {
      o.ran(c.type(), c.queue(), outcome, Duration.ofMillis(delayMs), Duration.ofNanos(runNanos));
    }
  }

  // ---------------------------------------------------------------- enqueueing

  /** Enqueues {@code job} to run as soon as a worker is free; returns its id. */
  public long enqueue(Record job) {
    return enqueue(job, JobOptions.defaults());
  }

  /** Enqueues {@code job} to run at {@code at} or later. */
  public long enqueueAt(Instant at, Record job) {
    return enqueue(job, JobOptions.defaults().runAt(at));
  }

  /** Enqueues {@code job} to run after {@code delay}. */
  public long enqueueIn(Duration delay, Record job) {
    return enqueue(job, JobOptions.defaults().runAt(Instant.now().plus(delay)));
  }

  /**
   * Enqueues {@code job} with {@code options}. Inside {@code db.transaction(...)} it becomes
   * visible when that transaction commits and vanishes if it rolls back.
   *
   * @return its id; with a {@linkplain JobOptions#uniqueKey unique key} taken, the pending job's id
   * @throws IllegalArgumentException when no handler is registered for the job's type
   */
  public long enqueue(Record job, JobOptions options) {
    Objects.requireNonNull(job, "job");
    JobSettings s = settings();
    if (s == null) {
      throw new IllegalStateException(
          "these Jobs only operate on the queue (Jobs.operate); enqueue through the application's");
    }
    String type = job.getClass().getName();
    if (!handlers.containsKey(type)) {
      throw new IllegalArgumentException(
          "no handler for job type "
              + type
              + "; register one with jobs.handle("
              + job.getClass().getSimpleName()
              + ".class, (job, ctx) -> ...) before the application starts");
    }
    long now = System.currentTimeMillis();
    long id =
        table.insert(
            new NewJob(
                options.queue(),
                type,
                json.writeValueAsString(job),
                options.priority(),
                options.runAt().map(Instant::toEpochMilli).orElse(now),
                now,
                options.maxAttempts().orElse(s.maxAttempts()),
                options.timeout().orElse(s.timeout()).toMillis(),
                options.uniqueKey().orElse(null),
                options.concurrencyKey().orElse(null),
                ops != null ? OpsBridge.traceparent() : null,
                options.after()));
    Engine e = engine;
    if (e != null && !db.inTransaction()) e.wake();
    return id;
  }

  // ---------------------------------------------------------------- operations

  /** The queues with their counts, by name. */
  public List<QueueInfo> queues() {
    return table().queues(System.currentTimeMillis());
  }

  /** Failed jobs, newest first, at most {@code limit}. */
  public List<JobInfo> failed(int limit) {
    return table().list("failed", limit);
  }

  /** Jobs in {@code status} ({@code ready}, {@code running}, {@code failed}), newest first. */
  public List<JobInfo> list(String status, int limit) {
    return table().list(status, limit);
  }

  /** Runs failed job {@code id} again with fresh attempts; false when it is not failed. */
  public boolean retry(long id) {
    boolean done = table().retry(id, System.currentTimeMillis());
    Engine e = engine;
    if (done && e != null) e.wake();
    return done;
  }

  /** Deletes failed or waiting job {@code id}; false when there is none such. */
  public boolean discard(long id) {
    return table().discard(id);
  }

  /** Stops claiming jobs of {@code queue} on every instance; running ones finish. */
  public void pause(String queue) {
    table().pause(queue, true);
  }

  /** Lets workers claim jobs of {@code queue} again. */
  public void resume(String queue) {
    table().pause(queue, false);
    Engine e = engine;
    if (e != null) e.wake();
  }

  private JobTable table() {
    JobTable t = table;
    if (t == null) {
      throw new IllegalStateException(
          "Jobs is not started: install it into the application (app.install(jobs)) and start it");
    }
    return t;
  }

  private JobSettings settings() {
    table();
    return settings;
  }
}
