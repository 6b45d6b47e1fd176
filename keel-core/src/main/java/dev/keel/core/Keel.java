package dev.keel.core;

import dev.keel.core.internal.ListenFailure;
import dev.keel.core.internal.http.ErrorMapper;
import dev.keel.core.internal.http.Pipeline;
import dev.keel.core.internal.http.ResultEncoder;
import dev.keel.core.internal.json.JsonCodec;
import dev.keel.core.internal.server.NettyServer;
import dev.keel.core.internal.server.ServerSettings;
import dev.keel.core.spi.LocalConnection;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Keel application: configuration, routes, middleware and plugins, then {@link #start()}.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   Keel.create(args)
 *       .get("/hello/{name}", ctx -> "Hello, " + ctx.pathParam("name"))
 *       .start();
 * }
 * }</pre>
 *
 * <p>Everything is registered before {@code start()}: routes are compiled into a prefix tree and
 * middleware chains are composed once, configuration is validated (an unknown or malformed {@code
 * keel.*} key stops start-up), and only then is the port opened. Not thread-safe while being
 * configured; safe to use from any thread once started.
 */
public final class Keel implements Routes {
  private static final Logger log = LoggerFactory.getLogger(Keel.class);

  private final Config config;
  private final List<Registered> routes = new ArrayList<>();
  private final List<Middleware> middleware = new ArrayList<>();
  private final Group root = new Group("", null);
  private final List<Hook> before = new ArrayList<>();
  private final List<Hook> after = new ArrayList<>();
  private final Map<Class<? extends Throwable>, Function<Throwable, Problem>> errorMappings =
      new LinkedHashMap<>();
  private final List<Runnable> startHooks = new ArrayList<>();
  private final List<Runnable> stoppingHooks = new ArrayList<>();
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final List<String> plugins = new ArrayList<>();
  private final List<Class<?>> controllerTypes = new ArrayList<>();
  private final List<HealthCheck> healthChecks = new ArrayList<>();
  private final List<Runnable> drainHooks = new ArrayList<>();
  private Function<Problem, Object> errorBody;
  private JsonCodec json;
  private Pipeline pipeline;
  private NettyServer server;
  private NettyServer localServer; // for connectLocally(); never listens on a port
  private ServerSettings settings;
  private Thread shutdownHook;
  private int port = -1;
  private boolean startHooksRun;
  private volatile boolean stopped;

  private Keel(Config config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * An application configured from {@code keel.properties}, profile files, env and {@code args}.
   */
  public static Keel create(String... args) {
    return new Keel(Config.load(args));
  }

  public static Keel create(Config config) {
    return new Keel(config);
  }

  public Config config() {
    return config;
  }

  /** Installs a plugin now: it may read config and register routes, middleware and hooks. */
  public Keel install(Plugin plugin) {
    checkNotStarted("install " + plugin.name());
    plugins.add(plugin.name());
    plugin.install(this);
    return this;
  }

  // ---- routes

  @Override
  public Keel route(String method, String pattern, Handler handler) {
    checkNotStarted("add route " + method + " " + pattern);
    routes.add(new Registered(method, pattern, handler, root));
    return this;
  }

  @Override
  public Keel group(String prefix, Consumer<Routes> body) {
    checkNotStarted("add group " + prefix);
    root.group(prefix, body);
    return this;
  }

  @Override
  public Keel use(Middleware m) {
    checkNotStarted("add middleware");
    middleware.add(Objects.requireNonNull(m, "middleware"));
    return this;
  }

  @Override
  public Keel get(String pattern, Handler handler) {
    return route("GET", pattern, handler);
  }

  @Override
  public Keel post(String pattern, Handler handler) {
    return route("POST", pattern, handler);
  }

  @Override
  public Keel put(String pattern, Handler handler) {
    return route("PUT", pattern, handler);
  }

  @Override
  public Keel patch(String pattern, Handler handler) {
    return route("PATCH", pattern, handler);
  }

  @Override
  public Keel delete(String pattern, Handler handler) {
    return route("DELETE", pattern, handler);
  }

  /**
   * Registers the routes of annotated controllers ({@code @Controller} classes compiled with {@code
   * keel-processor}), through the {@code <Controller>Routes} class generated for each.
   *
   * @throws IllegalArgumentException when no generated routes exist for a controller's class
   */
  public Keel controllers(Object... controllers) {
    for (Object controller : controllers) {
      Objects.requireNonNull(controller, "controller");
      checkNotStarted("add controller " + controller.getClass().getName());
      dev.keel.core.spi.RouteBinder binder = Binders.find(controller.getClass());
      binder.bind(controller, this);
      controllerTypes.add(controller.getClass());
    }
    return this;
  }

  /** The classes of the controllers registered with {@link #controllers(Object...)}, in order. */
  public List<Class<?>> controllerTypes() {
    return List.copyOf(controllerTypes);
  }

  /** Runs {@code hook} before every handler, inside all middleware. */
  public Keel before(Hook hook) {
    before.add(hook);
    return this;
  }

  /** Runs {@code hook} after every handler that returned normally, inside all middleware. */
  public Keel after(Hook hook) {
    after.add(hook);
    return this;
  }

  /** Maps exceptions of {@code type} (and subclasses) to a problem response. */
  @SuppressWarnings("unchecked")
  public <E extends Throwable> Keel exception(Class<E> type, Function<? super E, Problem> mapping) {
    errorMappings.put(type, e -> mapping.apply((E) e));
    return this;
  }

  /**
   * Writes error responses as {@code application/json} in the application's own shape instead of
   * RFC 9457 problem+json, for APIs whose contract fixes one (RealWorld's {@code {"errors":
   * {"body": [...]}}}, say). The status and headers stay those of the problem; {@code body} gets
   * every problem, including validation errors with their {@link Problem#errors()}.
   */
  public Keel errorBody(Function<Problem, Object> body) {
    this.errorBody = java.util.Objects.requireNonNull(body, "body");
    return this;
  }

  // ---- lifecycle

  /**
   * Runs {@code hook} after the configuration is validated, before the port opens (and before the
   * first request of the in-process test client). Plugins open connections, files and threads here
   * rather than in {@link Plugin#install}, so that a mistyped setting stops start-up before
   * anything happened. Hooks run once, in registration order; one that throws stops start-up.
   */
  public Keel onStart(Runnable hook) {
    startHooks.add(hook);
    return this;
  }

  /**
   * Runs {@code hook} as soon as {@link #stop()} begins, before in-flight requests drain: end
   * long-lived responses (event streams) here, or shutdown waits the whole grace period for them.
   */
  public Keel onStopping(Runnable hook) {
    stoppingHooks.add(hook);
    return this;
  }

  /** Closes {@code resource} at shutdown, after the server stopped; last registered first. */
  public Keel onStop(AutoCloseable resource) {
    resources.push(resource);
    return this;
  }

  /**
   * Runs {@code hook} first thing in {@link #stop()}, while the port still accepts requests: for
   * readiness probes that should fail while the application drains. Hooks may block briefly.
   */
  public Keel onDrain(Runnable hook) {
    drainHooks.add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /** Registers a health check; {@code keel-ops} serves them. See {@link HealthCheck}. */
  public Keel healthCheck(HealthCheck check) {
    checkNotStarted("add health check " + check.name());
    healthChecks.add(Objects.requireNonNull(check, "check"));
    return this;
  }

  /** The registered health checks, in registration order. */
  public List<HealthCheck> healthChecks() {
    return List.copyOf(healthChecks);
  }

  /**
   * Validates the configuration, composes the pipeline, runs start hooks and opens the port.
   *
   * <p>When start-up fails, everything already opened (the event loops, resources registered with
   * {@link #onStop}, such as a database pool) is closed before the exception propagates, so an
   * uncaught one ends {@code main} and the JVM exits with status 1. Failures outside the code come
   * as {@link ConfigException} or {@link StartupException}: one message naming the value and the
   * fix, without a stack trace. Anything else is a bug and keeps its stack trace.
   *
   * @throws ConfigException when a {@code keel.*} setting is unknown or malformed
   * @throws StartupException when the port cannot be opened or a plugin cannot start, e.g. {@code
   *     Keel could not listen on 0.0.0.0:8080 because another process uses that port; stop it, or
   *     choose another port with KEEL_SERVER_PORT (keel.server.port).}
   */
  public Keel start() {
    long begin = System.nanoTime();
    try {
      boolean printRoutes = config.bool("keel.print-routes", false);
      prepare();
      if (printRoutes) { // ./keel routes NAME: show the table and stop, like mix phx.routes
        System.out.print(routeTable());
        System.out.flush();
        Runtime.getRuntime().exit(0);
      }
      runStartHooks();
      server = new NettyServer(settings, pipeline, json);
      port = listen(server);
    } catch (RuntimeException | Error e) {
      abandon();
      if (e instanceof StartupException || e instanceof ConfigException) quietWhenUncaught();
      throw e;
    }
    shutdownHook = Thread.ofPlatform().name("keel-shutdown").unstarted(this::stop);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    log.info(
        "Keel started on {} in {} ms ({} transport, profile {}, {} routes{})",
        url(),
        (System.nanoTime() - begin) / 1_000_000,
        server.transport(),
        config.profile(),
        routes.size(),
        plugins.isEmpty() ? "" : ", plugins " + plugins);
    return this;
  }

  private int listen(NettyServer server) {
    try {
      return server.start();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted while opening the port", e);
    } catch (Exception e) { // Netty rethrows the bind failure, a checked IOException, undeclared
      throw new StartupException(ListenFailure.message(settings.host(), settings.port(), e), e);
    }
  }

  /**
   * Lets an expected start-up failure that {@code main} does not catch end the JVM with its message
   * alone ({@code keel: could not start: ...}), without the JVM's {@code Exception in thread
   * "main"} line — as Spring Boot does. Only when the thread has no handler of its own; any other
   * exception still goes to the default handler.
   */
  private static void quietWhenUncaught() {
    Thread thread = Thread.currentThread();
    Thread.UncaughtExceptionHandler current = thread.getUncaughtExceptionHandler();
    if (current != thread.getThreadGroup()) return; // the application installed its own
    thread.setUncaughtExceptionHandler(
        (t, e) -> {
          if (e instanceof StartupException || e instanceof ConfigException) {
            System.err.println("keel: could not start: " + e.getMessage().strip());
          } else {
            current.uncaughtException(t, e);
          }
        });
  }

  /** After a failed start: closes what was opened, so no thread keeps the JVM alive. */
  private void abandon() {
    synchronized (this) {
      if (stopped) return;
      stopped = true;
    }
    try {
      if (server != null) server.stop(Duration.ZERO);
    } catch (RuntimeException e) {
      log.debug("Stopping the server after a failed start failed", e);
    }
    closeResources();
  }

  /** Runs the {@link #onStart} hooks, once, after the configuration was validated. */
  private synchronized void runStartHooks() {
    if (startHooksRun) return;
    startHooksRun = true;
    startHooks.forEach(Runnable::run);
  }

  /**
   * Opens an in-memory connection to this application, for test clients (keel-test's {@code
   * TestClient.inProcess}): its requests run through exactly the code a TCP connection runs — HTTP
   * parsing, limits, deadlines, routing, middleware, encoding — only the socket is replaced. The
   * application need not be started: the configuration is validated and the start hooks run before
   * the first connection, once. Close the connection when done.
   *
   * @throws ConfigException when a {@code keel.*} setting is unknown or malformed
   */
  public LocalConnection connectLocally() {
    NettyServer local;
    synchronized (this) {
      prepare();
      runStartHooks();
      if (localServer == null) localServer = new NettyServer(settings, pipeline, json);
      local = localServer;
    }
    return local.connectLocally();
  }

  /** Composes the pipeline without opening a port (used by the in-process test client). */
  synchronized Pipeline prepare() {
    if (pipeline == null) {
      settings = ServerSettings.from(config);
      var limits =
          new JsonCodec.Limits(
              config.integer("keel.json.max-nesting-depth", 64, 1, 10_000),
              config.integer("keel.json.max-string-length", 1_000_000, 1, Integer.MAX_VALUE),
              config.integer("keel.json.max-number-length", 100, 1, 10_000),
              config.integer("keel.json.max-collection-size", 1_000, 1, Integer.MAX_VALUE));
      json = new JsonCodec(limits);
      // Known without the modules that read them: the log keys are read by the logging set-up
      // (internal.logging) before any app exists, keel.app.name by keel-db for its SQLite file.
      config.declare("keel.log.level", "keel.log.format", "keel.app.name");
      config.validate();
      var specs = new ArrayList<Pipeline.RouteSpec>();
      for (Registered r : routes) {
        specs.add(new Pipeline.RouteSpec(r.method(), r.pattern(), r.handler(), r.group().chain()));
      }
      pipeline =
          new Pipeline(
              specs,
              middleware,
              before,
              after,
              new ResultEncoder(
                  json,
                  new ResultEncoder.Options(
                      settings.etag(), settings.compression(), settings.compressionThreshold()),
                  errorBody),
              new ErrorMapper(errorMappings));
    }
    return pipeline;
  }

  /**
   * Stops gracefully: stops accepting, lets in-flight requests finish within {@code
   * keel.server.shutdown-grace}, then closes resources in reverse order. Safe to call twice.
   */
  public void stop() {
    synchronized (this) {
      if (stopped) return;
      stopped = true;
    }
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the JVM is exiting and runs this from its hook anyway
      }
    }
    // Drain first (readiness fails while the port still serves), then end long-lived streams.
    for (Runnable hook : drainHooks) {
      try {
        hook.run();
      } catch (RuntimeException e) {
        log.warn("A drain hook failed at shutdown", e);
      }
    }
    for (Runnable hook : stoppingHooks) {
      try {
        hook.run();
      } catch (RuntimeException e) {
        log.warn("A stopping hook failed", e);
      }
    }
    if (server != null) {
      server.stop(settings.shutdownGrace());
    }
    if (localServer != null) localServer.stop(Duration.ZERO);
    closeResources();
    if (server != null) log.info("Keel stopped");
  }

  private void closeResources() {
    while (!resources.isEmpty()) {
      AutoCloseable r = resources.pop();
      try {
        r.close();
      } catch (Exception e) {
        log.warn("Closing {} at shutdown failed", r, e);
      }
    }
  }

  /**
   * The middleware order and the route table, as {@code ./keel routes NAME} prints them:
   *
   * <pre>
   * middleware, outermost first:
   *   1. RequestId
   *   2. AccessLog
   * routes:
   *   GET     /notes          group middleware: 0
   *   POST    /notes          group middleware: 0
   * </pre>
   */
  public String routeTable() {
    var b = new StringBuilder("middleware, outermost first:\n");
    if (middleware.isEmpty()) b.append("  (none)\n");
    for (int i = 0; i < middleware.size(); i++) {
      b.append("  ").append(i + 1).append(". ").append(describe(middleware.get(i))).append('\n');
    }
    b.append("routes:\n");
    routes.stream()
        .sorted(
            java.util.Comparator.comparing(Registered::pattern).thenComparing(Registered::method))
        .forEach(
            r -> {
              b.append(String.format("  %-7s %-40s", r.method(), r.pattern()));
              var chain = r.group().chain();
              if (!chain.isEmpty()) {
                b.append(" group middleware: ");
                b.append(String.join(", ", chain.stream().map(Keel::describe).toList()));
              }
              if (r.handler() instanceof Handler.NonBlocking) b.append(" (non-blocking)");
              b.setLength(b.toString().stripTrailing().length());
              b.append('\n');
            });
    return b.toString();
  }

  /**
   * A readable name: the class's own {@code toString()}, else its name, for lambdas the outer one.
   */
  private static String describe(Object o) {
    Class<?> c = o.getClass();
    if (c.isHidden() || c.isSynthetic()) {
      String name = c.getName();
      int cut = name.indexOf("$$");
      name = cut > 0 ? name.substring(0, cut) : name;
      return name.substring(name.lastIndexOf('.') + 1) + " (lambda)";
    }
    String text = o.toString();
    return text.startsWith(c.getName() + "@") ? c.getSimpleName() : text;
  }

  /** The port the server listens on; the real one when {@code keel.server.port} was 0. */
  public int port() {
    if (port < 0) throw new IllegalStateException("not started: call start() first");
    return port;
  }

  /** The base URL, e.g. {@code http://localhost:8080}. */
  public String url() {
    return (settings.tls() ? "https" : "http") + "://localhost:" + port();
  }

  private void checkNotStarted(String what) {
    if (pipeline != null) {
      throw new IllegalStateException("cannot " + what + " after the application started");
    }
  }

  private record Registered(String method, String pattern, Handler handler, Group group) {}

  /**
   * Routes under a prefix with middleware of their own. A group's middleware wraps all of its
   * routes, whether added before or after them; a nested group adds to its parent's.
   */
  private final class Group implements Routes {
    private final String prefix;
    private final Group parent;
    private final List<Middleware> own = new ArrayList<>();

    Group(String prefix, Group parent) {
      if (!prefix.isEmpty() && (!prefix.startsWith("/") || prefix.endsWith("/"))) {
        throw new IllegalArgumentException(
            "group prefix \"" + prefix + "\" must start with / and not end with /, e.g. /api");
      }
      this.prefix = prefix;
      this.parent = parent;
    }

    List<Middleware> chain() {
      if (parent == null) return List.of(); // the root's middleware is the application's
      var all = new ArrayList<>(parent.chain());
      all.addAll(own);
      return all;
    }

    @Override
    public Routes route(String method, String pattern, Handler handler) {
      checkNotStarted("add route " + method + " " + prefix + pattern);
      String full = pattern.equals("/") && !prefix.isEmpty() ? prefix : prefix + pattern;
      routes.add(new Registered(method, full, handler, this));
      return this;
    }

    @Override
    public Routes group(String sub, Consumer<Routes> body) {
      body.accept(new Group(prefix + sub, this));
      return this;
    }

    @Override
    public Routes use(Middleware m) {
      checkNotStarted("add middleware");
      own.add(Objects.requireNonNull(m, "middleware"));
      return this;
    }
  }
}
