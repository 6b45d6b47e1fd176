package dev.keel.core;

import dev.keel.core.internal.ListenFailure;
import dev.keel.core.internal.StartupDefaults;
import dev.keel.core.internal.http.ErrorMapper;
import dev.keel.core.internal.http.Pipeline;
import dev.keel.core.internal.http.ResultEncoder;
import dev.keel.core.internal.json.JsonCodec;
import dev.keel.core.internal.server.NettyServer;
import dev.keel.core.internal.server.ServerLoops;
import dev.keel.core.internal.server.ServerSettings;
import dev.keel.core.spi.LocalConnection;
import dev.keel.core.spi.RouteBinder;
import dev.keel.core.spi.ServerEventLoops;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * keel.*} key stops start-up), and only then is the port opened. Plugins ({@link #install}) find
 * each other through {@link #plugin} and share what they offer through {@link #provide} and {@link
 * #services}. Not thread-safe while being configured; safe to use from any thread once started.
 */
public final class Keel implements Routes {
  private static final Logger log = LoggerFactory.getLogger(Keel.class);

  static {
    StartupDefaults.apply(); // before any Netty class loads
  }

  private final Config config;
  private final RouteRegistry registry = new RouteRegistry(this::checkOpen);
  private final Lifecycle lifecycle = new Lifecycle();
  private final Map<Class<? extends Throwable>, Function<Throwable, Problem>> errorMappings =
      new LinkedHashMap<>();
  private final Map<Class<?>, Plugin> plugins = new LinkedHashMap<>();
  private final Map<Class<?>, List<Object>> services = new LinkedHashMap<>();
  private Function<Problem, Object> errorBody;
  private JsonCodec json;
  private Pipeline pipeline;
  private final ServerLoops loops;
  private NettyServer server;
  private NettyServer localServer; // for connectLocally(); never listens on a port
  private ServerSettings settings;
  private Thread shutdownHook;
  private int port = -1;
  private volatile boolean stopped;

  private Keel(Config config) {
    this.config = Objects.requireNonNull(config, "config");
    // Lent to plugins with Netty clients of their own (spi.ServerEventLoops); the settings are
    // read when the loops are first needed, which may be before start().
    this.loops = new ServerLoops(() -> settings != null ? settings : ServerSettings.from(config));
    provide(ServerEventLoops.class, loops);
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

  // ---- plugins and what they share

  /**
   * Installs a plugin now: it reads its settings and registers routes, middleware, hooks and
   * services (see {@link Plugin}). Each plugin class is installed once, after the plugins it
   * {@linkplain Plugin#requires() requires}.
   *
   * @throws IllegalStateException when a plugin of the same class is installed already, or one it
   *     requires is not
   */
  public Keel install(Plugin plugin) {
    Objects.requireNonNull(plugin, "plugin");
    checkOpen();
    if (plugins.containsKey(plugin.getClass())) {
      throw new IllegalStateException(
          plugin.name()
              + " is installed twice; install each plugin once and give it its settings through"
              + " its builder or keel.* configuration");
    }
    for (Class<? extends Plugin> required : plugin.requires()) {
      if (!plugins.containsKey(required)) {
        throw new IllegalStateException(
            plugin.name()
                + " needs "
                + required.getSimpleName()
                + ": install it first, e.g. app.install("
                + required.getSimpleName()
                + ".create()) before app.install("
                + plugin.name().toLowerCase(java.util.Locale.ROOT)
                + ")");
      }
    }
    plugins.put(plugin.getClass(), plugin);
    plugin.install(this);
    return this;
  }

  /** The installed plugin of {@code type}, if any: how plugins find each other. */
  public <P extends Plugin> Optional<P> plugin(Class<P> type) {
    return Optional.ofNullable(plugins.get(type)).map(type::cast);
  }

  /**
   * Publishes {@code service} under {@code type} for other plugins to find with {@link #services}:
   * health checks for keel-ops ({@code provide(HealthCheck.class, check)}), a connection-pool
   * observer for keel-db, and so on. Plugins look services up in their start hooks, when every
   * plugin has been installed, so the order of installation does not matter.
   */
  public <T> Keel provide(Class<T> type, T service) {
    checkOpen();
    services.computeIfAbsent(type, k -> new ArrayList<>()).add(type.cast(service));
    return this;
  }

  /** Everything published under {@code type}, in the order it was provided. */
  public <T> List<T> services(Class<T> type) {
    List<Object> found = services.getOrDefault(type, List.of());
    return found.stream().map(type::cast).toList();
  }

  // ---- routes

  @Override
  public Keel route(String method, String pattern, Handler handler) {
    registry.root.route(method, pattern, handler);
    return this;
  }

  @Override
  public Keel group(String prefix, Consumer<Routes> body) {
    registry.root.group(prefix, body);
    return this;
  }

  /** Adds application middleware; the first added is outermost. */
  @Override
  public Keel use(Middleware m) {
    registry.use(m);
    return this;
  }

  /**
   * Adds middleware outside everything added with {@link #use}, whenever it is added: for request
   * ids, metrics and traces, which must see every response, including those other middleware ends
   * early (a 401 from authentication). Among themselves, the first added is outermost.
   */
  public Keel useOutermost(Middleware m) {
    registry.useOutermost(m);
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
   * keel-processor}), through the {@code <Controller>Routes} class generated for each, and provides
   * that class as a {@link RouteBinder} service (keel-openapi reads the operations from it).
   *
   * @throws IllegalArgumentException when no generated routes exist for a controller's class
   */
  public Keel controllers(Object... controllers) {
    for (Object controller : controllers) {
      Objects.requireNonNull(controller, "controller");
      checkOpen();
      RouteBinder binder = Binders.find(controller.getClass());
      binder.bind(controller, this);
      provide(RouteBinder.class, binder);
    }
    return this;
  }

  /** Runs {@code hook} before every handler, inside all middleware. */
  public Keel before(Hook hook) {
    checkOpen();
    registry.before.add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /** Runs {@code hook} after every handler that returned normally, inside all middleware. */
  public Keel after(Hook hook) {
    checkOpen();
    registry.after.add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /** Maps exceptions of {@code type} (and subclasses) to a problem response. */
  @SuppressWarnings("unchecked")
  public <E extends Throwable> Keel exception(Class<E> type, Function<? super E, Problem> mapping) {
    checkOpen();
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
    checkOpen();
    this.errorBody = Objects.requireNonNull(body, "body");
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
    lifecycle.onStart(hook);
    return this;
  }

  /**
   * Runs {@code hook} as soon as {@link #stop()} begins, before in-flight requests drain: end
   * long-lived responses (event streams) here, or shutdown waits the whole grace period for them.
   */
  public Keel onStopping(Runnable hook) {
    lifecycle.onStopping(hook);
    return this;
  }

  /** Closes {@code resource} at shutdown, after the server stopped; last registered first. */
  public Keel onStop(AutoCloseable resource) {
    lifecycle.onStop(resource);
    return this;
  }

  /**
   * Runs {@code hook} first thing in {@link #stop()}, while the port still accepts requests: for
   * readiness probes that should fail while the application drains. Hooks may block briefly.
   */
  public Keel onDrain(Runnable hook) {
    lifecycle.onDrain(hook);
    return this;
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
      prepare();
      lifecycle.start();
      server = new NettyServer(settings, pipeline, json, loops, false);
      port = listen(server);
    } catch (RuntimeException | Error e) {
      abandon();
      if (e instanceof StartupException || e instanceof ConfigException) {
        Lifecycle.quietWhenUncaught();
      }
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
        registry.size(),
        plugins.isEmpty()
            ? ""
            : ", plugins " + plugins.values().stream().map(Plugin::name).toList());
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
    lifecycle.closeResources();
    loops.shutdown();
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
      lifecycle.start();
      if (localServer == null) localServer = new NettyServer(settings, pipeline, json);
      local = localServer;
    }
    return local.connectLocally();
  }

  /** Validates the configuration and composes the pipeline, once. */
  private synchronized void prepare() {
    if (pipeline != null) return;
    settings = ServerSettings.from(config);
    json =
        new JsonCodec(
            new JsonCodec.Limits(
                config.integer("keel.json.max-nesting-depth", 64, 1, 10_000),
                config.integer("keel.json.max-string-length", 1_000_000, 1, Integer.MAX_VALUE),
                config.integer("keel.json.max-number-length", 100, 1, 10_000),
                config.integer("keel.json.max-collection-size", 1_000, 1, Integer.MAX_VALUE)));
    // Known without the modules that read them: the log keys are read by the logging set-up
    // (spi.ConsoleLogging) before any app exists, keel.app.name by keel-db for its SQLite file.
    config.declare("keel.log.level", "keel.log.format", "keel.app.name");
    config.validate();
    var options =
        new ResultEncoder.Options(
            settings.etag(), settings.compression(), settings.compressionThreshold());
    pipeline =
        new Pipeline(
            registry.specs(),
            registry.middleware(),
            registry.before,
            registry.after,
            new ResultEncoder(json, options, errorBody),
            new ErrorMapper(errorMappings));
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
    lifecycle.beginStop();
    if (server != null) server.stop(settings.shutdownGrace());
    if (localServer != null) localServer.stop(Duration.ZERO);
    lifecycle.closeResources();
    loops.shutdown(); // after the resources: a plugin's connections may live on them
    if (server != null) log.info("Keel stopped");
  }

  /**
   * The middleware order and the route table, as {@code keel routes} prints them:
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
    return registry.table();
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

  private void checkOpen() {
    if (pipeline != null) {
      throw new IllegalStateException(
          "the application has started (or served an in-process request): register routes,"
              + " middleware, plugins and services before that");
    }
  }
}
