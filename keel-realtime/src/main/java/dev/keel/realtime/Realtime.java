package dev.keel.realtime;

import dev.keel.core.Config;
import dev.keel.core.Context;
import dev.keel.core.Keel;
import dev.keel.core.Plugin;
import dev.keel.core.StreamingBody;
import dev.keel.realtime.internal.Bus;
import dev.keel.realtime.internal.Hub;
import dev.keel.realtime.internal.NatsBus;
import dev.keel.realtime.internal.RedisBus;
import dev.keel.realtime.internal.SseSink;
import dev.keel.realtime.internal.WsConnection;
import dev.keel.realtime.internal.WsRoute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real-time routes for a Keel application: WebSocket and Server-Sent Events on the application's
 * own port, and {@link Channels} (topics with presence) on top of WebSocket.
 *
 * <pre>{@code
 * Keel app = Keel.create(args);
 * Realtime realtime = Realtime.create();
 * app.install(realtime);                // reads keel.realtime.*; routes can be added from here on
 * realtime.ws("/echo", new WebSocketHandler() {
 *   public void onText(WebSocket socket, String text) { socket.send(text); }
 * });
 * realtime.sse("/ticks", (ctx, events) -> {
 *   for (int i = 0; i < 3 && events.isOpen(); i++) events.send("tick " + i);
 * });
 * app.start();
 * }</pre>
 *
 * <p>Settings: {@code keel.realtime.ws.*} (see {@link WebSocketOptions}), {@code
 * keel.realtime.sse.heartbeat} (default 15 s), and for channels {@code keel.realtime.bus}, {@code
 * keel.realtime.redis.url}, {@code keel.realtime.nats.url}, {@code keel.realtime.prefix} and {@code
 * keel.realtime.presence-interval} (see {@link Channels}).
 */
public final class Realtime implements Plugin {
  private static final Logger log = LoggerFactory.getLogger(Realtime.class);

  private final ExecutorService executor =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("keel-realtime-", 0).factory());
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("keel-realtime-timer").factory());
  private final Set<SseSink> sinks = ConcurrentHashMap.newKeySet();
  private final Set<WsConnection> sockets = ConcurrentHashMap.newKeySet();
  private final List<AutoCloseable> buses = new CopyOnWriteArrayList<>();
  private Keel app;
  private WebSocketOptions defaults;
  private Duration heartbeat;
  private String bus;
  private String redisUrl;
  private String natsUrl;
  private String prefix;
  private Duration presenceInterval;
  private boolean clientServed;

  private Realtime() {}

  /** Real-time support configured from {@code keel.realtime.*} when installed. */
  public static Realtime create() {
    return new Realtime();
  }

  /**
   * Reads the {@code keel.realtime.*} settings; the heartbeat timer and the channels' bus start
   * with the application.
   */
  @Override
  public void install(Keel app) {
    if (this.app != null) throw new IllegalStateException("this Realtime is installed already");
    this.app = app;
    Config c = app.config();
    this.defaults =
        new WebSocketOptions(
            c.list("keel.realtime.ws.allowed-origins", List.of()),
            Authenticator.anonymous(),
            (int) c.bytes("keel.realtime.ws.max-frame-size", 64 * 1024),
            (int) c.bytes("keel.realtime.ws.max-message-size", 1024 * 1024),
            c.integer("keel.realtime.ws.messages-per-second", 100, 1, 1_000_000),
            c.integer("keel.realtime.ws.outbound-queue", 1024, 1, 1_000_000),
            c.duration("keel.realtime.ws.ping-interval", Duration.ofSeconds(30)),
            c.duration("keel.realtime.ws.idle-timeout", Duration.ofSeconds(75)),
            c.bool("keel.realtime.ws.compression", true));
    this.heartbeat = c.duration("keel.realtime.sse.heartbeat", Duration.ofSeconds(15));
    this.bus = c.string("keel.realtime.bus", "none");
    this.redisUrl = c.string("keel.realtime.redis.url", "redis://127.0.0.1:6379");
    this.natsUrl = c.string("keel.realtime.nats.url", "nats://127.0.0.1:4222");
    this.prefix = c.string("keel.realtime.prefix", "keel");
    this.presenceInterval = c.duration("keel.realtime.presence-interval", Duration.ofSeconds(5));
    if (!List.of("none", "redis", "nats").contains(bus)) {
      c.reject("keel.realtime.bus", "must be none, redis or nats");
    }
    long every = Math.max(10, heartbeat.toMillis() / 2);
    app.onStart(
        () -> timer.scheduleAtFixedRate(this::heartbeats, every, every, TimeUnit.MILLISECONDS));
    app.onStopping(this::goingAway);
    app.onStop(this::close);
  }

  private Keel app() {
    if (app == null) {
      throw new IllegalStateException(
          "install Realtime first (app.install(realtime)): it reads keel.realtime.* then");
    }
    return app;
  }

  /** The WebSocket options configured for this application; change them with their withers. */
  public WebSocketOptions defaults() {
    app();
    return defaults;
  }

  /** A WebSocket route at {@code path} with the configured options. */
  public Realtime ws(String path, WebSocketHandler handler) {
    return ws(path, defaults, handler);
  }

  /** A WebSocket route at {@code path}: a {@code GET} that only accepts the upgrade handshake. */
  public Realtime ws(String path, WebSocketOptions options, WebSocketHandler handler) {
    app().get(path, new WsRoute(options, handler, executor, this::track));
    return this;
  }

  /**
   * A Server-Sent Events route at {@code path}: {@code handler} writes events while the response is
   * open; heartbeat comments go out whenever the stream was quiet for {@code
   * keel.realtime.sse.heartbeat}, which also finds clients that have gone.
   */
  public Realtime sse(String path, SseHandler handler) {
    app().get(path, ctx -> events(ctx, path, sink -> handler.stream(ctx, sink)));
    return this;
  }

  /**
   * A Server-Sent Events route whose {@link SseOpener#open} checks the request before the response
   * starts (an exception there is the usual problem response), then streams as {@link #sse(String,
   * SseHandler)} does.
   */
  public Realtime sse(String path, SseOpener opener) {
    app()
        .get(
            path,
            ctx -> {
              SseOpener.Stream stream = opener.open(ctx);
              return events(ctx, path, stream);
            });
    return this;
  }

  private StreamingBody events(Context ctx, String path, SseOpener.Stream stream) {
    Optional<String> last = ctx.header("Last-Event-ID");
    ctx.header("Cache-Control", "no-cache");
    ctx.header("X-Accel-Buffering", "no"); // nginx: do not buffer the stream
    return StreamingBody.of(
        "text/event-stream; charset=utf-8",
        out -> {
          var sink = new SseSink(out, last);
          sinks.add(sink);
          try {
            sink.heartbeat(0); // the headers and a first line now: the client sees it open
            stream.stream(sink);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (Exception e) {
            log.warn("SSE handler for {} failed; ending the stream", path, e);
          } finally {
            sink.close();
            sinks.remove(sink);
          }
        });
  }

  /**
   * Channels (topics with presence) over a WebSocket at {@code path}, fanned out across instances
   * when {@code keel.realtime.bus} is {@code redis} or {@code nats}. Also serves the JavaScript
   * client at {@code /keel/realtime.js}.
   */
  public Channels channels(String path, WebSocketOptions options, ChannelPolicy policy) {
    Keel app = app();
    switch (bus) {
      case "redis" -> requireClass("io.lettuce.core.RedisClient", "io.lettuce", "lettuce-core");
      case "nats" -> requireClass("io.nats.client.Nats", "io.nats", "jnats");
      default -> {}
    }
    var hub = new Hub(policy, presenceInterval);
    if (!bus.equals("none")) {
      String kind = bus;
      app.onStart( // connects: only once the configuration was validated
          () -> {
            Bus b =
                kind.equals("redis")
                    ? new RedisBus(redisUrl, prefix + ":realtime:" + path)
                    : new NatsBus(natsUrl, prefix + ".realtime." + subjectToken(path));
            buses.add(b);
            hub.attach(b, timer);
          });
    }
    app.get(path, new WsRoute(options, hub, executor, this::track));
    if (!clientServed) {
      clientServed = true;
      app.get(
          "/keel/realtime.js",
          ctx -> {
            ctx.header("Content-Type", "text/javascript; charset=utf-8");
            ctx.header("Cache-Control", "public, max-age=3600");
            return CLIENT;
          });
    }
    return new Channels(hub);
  }

  /** Channels at {@code path} with the configured WebSocket options. */
  public Channels channels(String path, ChannelPolicy policy) {
    return channels(path, defaults, policy);
  }

  /** Like Javalin's missing-dependency errors: say which artifact to add. */
  private void requireClass(String className, String group, String artifact) {
    try {
      Class.forName(className, false, Realtime.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "keel.realtime.bus="
              + bus
              + " needs "
              + group
              + ":"
              + artifact
              + " on the class path; add <dependency><groupId>"
              + group
              + "</groupId><artifactId>"
              + artifact
              + "</artifactId></dependency> (version from keel-bom) or set keel.realtime.bus=none.",
          e);
    }
  }

  private static String subjectToken(String path) {
    String t = path.replaceAll("[^A-Za-z0-9_-]", "_");
    return t.isEmpty() ? "_" : t;
  }

  private static final byte[] CLIENT = loadClient();

  private static byte[] loadClient() {
    try (InputStream in = Realtime.class.getResourceAsStream("realtime.js")) {
      if (in == null)
        throw new IllegalStateException("realtime.js missing from keel-realtime's jar");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ExecutorService executor() {
    return executor;
  }

  ScheduledExecutorService timer() {
    return timer;
  }

  private void track(WsConnection socket) {
    sockets.add(socket);
    socket.onClosed(() -> sockets.remove(socket));
  }

  /** Stop began: streams end and sockets get 1001, so clients reconnect to another instance. */
  private void goingAway() {
    sinks.forEach(SseSink::close);
    sockets.forEach(s -> s.close(WebSocket.CloseCodes.GOING_AWAY, "Server shutting down"));
  }

  private void heartbeats() {
    long interval = heartbeat.toNanos();
    for (SseSink s : sinks) executor.execute(() -> s.heartbeat(interval));
  }

  private void close() {
    timer.shutdownNow();
    for (AutoCloseable b : buses) {
      try {
        b.close();
      } catch (Exception e) {
        log.warn("Closing the realtime bus failed", e);
      }
    }
    sinks.forEach(SseSink::close);
    executor.shutdown();
  }
}
