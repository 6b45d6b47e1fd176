package dev.keel.ops;

import dev.keel.core.AccessLog;
import dev.keel.core.Config;
import dev.keel.core.Context;
import dev.keel.core.HealthCheck;
import dev.keel.core.Keel;
import dev.keel.core.Plugin;
import dev.keel.core.RequestId;
import dev.keel.core.Routes;
import dev.keel.core.Unauthorized;
import dev.keel.core.spi.StartupTask;
import dev.keel.ops.internal.AdminAccess;
import dev.keel.ops.internal.DatabaseObserver;
import dev.keel.ops.internal.HealthEndpoints;
import dev.keel.ops.internal.HttpMetrics;
import dev.keel.ops.internal.JvmMetrics;
import dev.keel.ops.internal.OpsSettings;
import dev.keel.ops.internal.ServerTracing;
import dev.keel.ops.internal.Telemetry;
import dev.keel.ops.internal.VirtualThreadJfr;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operations for a Keel application, installed as one plugin: health probes, Prometheus metrics,
 * OpenTelemetry tracing, request ids and the access log, graceful draining, and optionally a
 * separate management port.
 *
 * <pre>{@code
 * Ops ops = Ops.create();
 * Keel.create(args)
 *     .install(ops)                      // its middleware wraps every request, in any order
 *     .provide(HealthCheck.class, HealthCheck.of("cache", cache::ping))
 *     .get("/hello", ctx -> "hi")
 *     .start();
 * ops.meterRegistry().counter("greetings").increment();   // your own meters
 * }</pre>
 *
 * <p>Middleware it adds ({@linkplain Keel#useOutermost outermost}), in this order: {@link
 * RequestId}, tracing, HTTP metrics, {@link AccessLog}. With keel-db installed as well, the pool's
 * metrics and a span per statement come without wiring (a {@code DataSourceObserver}). Endpoints
 * (paths configurable): {@code GET /health/live}, {@code GET /health/ready}, {@code GET /metrics}.
 * Settings are {@code keel.ops.*}; see the module README for the table. Thread-safe once the
 * application started.
 */
public final class Ops implements Plugin {
  private static final Logger log = LoggerFactory.getLogger(Ops.class);
  private static final Duration VIRTUAL_THREAD_METRICS_DELAY = Duration.ofSeconds(2);

  private final PrometheusMeterRegistry registry;
  private final Optional<OpenTelemetry> suppliedTelemetry;
  private final Map<String, String> otelOverrides;
  private volatile OpenTelemetry openTelemetry;
  private volatile OpsSettings settings;
  private volatile Keel management;
  private volatile HealthEndpoints health;
  private volatile VirtualThreadJfr virtualThreads; // null when off

  private Ops(Builder b) {
    this.registry =
        b.registry != null ? b.registry : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.suppliedTelemetry = Optional.ofNullable(b.openTelemetry);
    this.otelOverrides = Map.copyOf(b.otelOverrides);
  }

  /** Everything with defaults; OpenTelemetry configured from {@code OTEL_*} variables. */
  public static Ops create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options for {@link Ops}; all optional. */
  public static final class Builder {
    private PrometheusMeterRegistry registry;
    private OpenTelemetry openTelemetry;
    private Map<String, String> otelOverrides = Map.of();

    private Builder() {}

    /** The registry to publish to, e.g. one shared with other code; a new one by default. */
    public Builder meterRegistry(PrometheusMeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** An OpenTelemetry instance built elsewhere (e.g. with an in-memory exporter in tests). */
    public Builder openTelemetry(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
      return this;
    }

    /**
     * {@code otel.*} properties that win over {@code OTEL_*} variables and system properties when
     * the SDK is configured from the environment, e.g. {@code otel.service.name}.
     */
    public Builder openTelemetryProperties(Map<String, String> properties) {
      this.otelOverrides = Map.copyOf(properties);
      return this;
    }

    public Ops build() {
      return new Ops(this);
    }
  }

  @Override
  public void install(Keel app) {
    Config config = app.config();
    OpsSettings s = OpsSettings.from(config);
    this.settings = s;
    if (s.prod() && s.managementToken().isEmpty() && !s.managementOnLoopback()) {
      config.reject(
          "keel.ops.management.token",
          "is required in the prod profile, so metrics and health details are not public: set"
              + " KEEL_OPS_MANAGEMENT_TOKEN, or serve them on localhost only with"
              + " KEEL_OPS_MANAGEMENT_PORT and KEEL_OPS_MANAGEMENT_HOST=127.0.0.1");
    }
    health = new HealthEndpoints(s.healthTimeout(), () -> app.services(HealthCheck.class));
    // outermost whatever the order of installation: they must see every response
    if (s.requestId()) app.useOutermost(RequestId.middleware());
    if (s.tracing()) app.useOutermost(new ServerTracing(openTelemetry()).middleware());
    if (s.metrics()) {
      // beside the other plugins' start-up; joined before the port opens, so /metrics has them
      var jvm = StartupTask.begin("keel-ops-jvm-metrics", () -> JvmMetrics.bind(registry));
      app.onStart(jvm::join);
      app.onStop(() -> jvm.join().close());
      if (s.virtualThreadMetrics()) {
        var vt = new VirtualThreadJfr(registry);
        virtualThreads = vt;
        // its JFR stream is no part of start-up: it starts once the first requests had the CPU
        app.onStart(() -> vt.startLater(VIRTUAL_THREAD_METRICS_DELAY));
        app.onStop(vt);
      }
      app.useOutermost(new HttpMetrics(registry, s.histogram()).middleware());
    }
    if (s.accessLog()) app.useOutermost(AccessLog.middleware());
    if ((s.metrics() || s.tracing()) && databaseModulePresent()) {
      DatabaseObserver.provide(
          app, s.metrics() ? registry : null, s.tracing() ? this::openTelemetry : null);
    }

    app.onDrain(this::drain);
    // closed last registered first: the management server goes before what it serves
    app.onStop(
        () -> {
          if (suppliedTelemetry.isEmpty() && openTelemetry instanceof OpenTelemetrySdk sdk) {
            sdk.close();
          }
        });
    app.onStop(registry::close);
    app.onStop(health);

    var access = new AdminAccess(s);
    var appStopped = new CountDownLatch(1);
    if (s.managementPort().isPresent()) {
      management =
          Keel.create(
              Config.builder()
                  .defaults(
                      Map.of(
                          "keel.server.port", Integer.toString(s.managementPort().get()),
                          "keel.server.host", s.managementHost(),
                          "keel.server.shutdown-grace", "2s"))
                  .build());
      management.use(RequestId.middleware());
      adminRoutes(management, access);
      // at JVM shutdown every hook runs at once: keep answering probes until the app has drained
      management.onDrain(() -> await(appStopped, s));
      app.onStart(management::start);
      app.onStop(
          () -> {
            appStopped.countDown();
            management.stop();
          });
    } else {
      adminRoutes(app, access);
    }
  }

  private void adminRoutes(Routes routes, AdminAccess access) {
    OpsSettings s = settings;
    routes.get(s.livePath(), ctx -> health.live(ctx, access.allowed(ctx)));
    routes.get(s.readyPath(), ctx -> health.ready(ctx, access.allowed(ctx)));
    if (s.metrics()) {
      routes.get(
          s.metricsPath(),
          ctx -> {
            if (!access.allowed(ctx)) {
              ctx.header("WWW-Authenticate", "Bearer realm=\"keel-ops\"");
              throw new Unauthorized(
                  OpsProblems.MANAGEMENT_TOKEN,
                  "Metrics need Authorization: Bearer <token>, the value of"
                      + " keel.ops.management.token.");
            }
            return scrape(ctx);
          });
    }
  }

  private String scrape(Context ctx) {
    VirtualThreadJfr vt = virtualThreads;
    if (vt != null) vt.start(); // a scrape before the delay still lists every meter
    String accept = ctx.header("Accept").orElse("");
    String type =
        accept.contains("application/openmetrics-text")
            ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
            : "text/plain; version=0.0.4; charset=utf-8";
    ctx.header("Content-Type", type);
    return registry.scrape(type);
  }

  private void drain() {
    health.startDraining();
    long delay = settings.drainDelay().toMillis();
    if (delay > 0) {
      log.info("Draining: readiness fails now; stop accepting in {} ms", delay);
      try {
        Thread.sleep(delay); // lets load balancers see the failing probe while we still answer
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void await(CountDownLatch latch, OpsSettings s) {
    try {
      latch.await(s.drainDelay().toSeconds() + 120, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Whether keel-db is on the class path, asked without loading it. Not a method of {@link
   * DatabaseObserver}: calling one would link that class, whose interface is keel-db's, and fail
   * with {@code NoClassDefFoundError} in applications without keel-db.
   */
  private static boolean databaseModulePresent() {
    try {
      Class.forName("dev.keel.db.spi.DataSourceObserver", false, Ops.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The registry behind {@code /metrics}; register your own meters here. */
  public MeterRegistry meterRegistry() {
    return registry;
  }

  /** The OpenTelemetry instance spans are made with; for your own spans and propagation. */
  public synchronized OpenTelemetry openTelemetry() {
    if (openTelemetry == null) {
      openTelemetry = suppliedTelemetry.orElseGet(() -> Telemetry.fromEnvironment(otelOverrides));
    }
    return openTelemetry;
  }

  /**
   * {@code dataSource} wrapped so every statement becomes a client span, child of the request's
   * span (OpenTelemetry's JDBC library instrumentation), with literals replaced by {@code ?}. For
   * data sources of your own; keel-db's database is traced without this.
   */
  public DataSource traced(DataSource dataSource) {
    return JdbcTelemetry.create(openTelemetry()).wrap(dataSource);
  }

  /**
   * The management port, when {@code keel.ops.management.port} is set and the app started.
   *
   * @throws IllegalStateException when there is no management server or it is not started
   */
  public int managementPort() {
    if (management == null) {
      throw new IllegalStateException(
          "no management server: set keel.ops.management.port (0 for a free port)");
    }
    return management.port();
  }

  /** Whether readiness fails because the application is stopping. */
  public boolean draining() {
    return health != null && health.draining();
  }
}
