package dev.keel.ops.internal;

import dev.keel.core.Config;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code keel.ops.*} settings, read once at install.
 *
 * @param managementPort the admin port; empty when admin endpoints share the application's port
 * @param managementToken the bearer token admin endpoints require; empty for none
 */
public record OpsSettings(
    String livePath,
    String readyPath,
    Duration healthTimeout,
    Duration drainDelay,
    boolean metrics,
    String metricsPath,
    boolean histogram,
    boolean virtualThreadMetrics,
    boolean tracing,
    boolean accessLog,
    boolean requestId,
    Optional<Integer> managementPort,
    String managementHost,
    Optional<String> managementToken,
    boolean prod) {

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");

  public static OpsSettings from(Config config) {
    // read by the Logback set-up before Config exists; declared so they are not "unknown keys"
    config.declare("keel.log.level", "keel.log.format");
    Config c = config.section("keel.ops");
    int port = c.integer("management.port", -1, -1, 65_535);
    return new OpsSettings(
        path(c, "health.live-path", "/health/live"),
        path(c, "health.ready-path", "/health/ready"),
        c.duration("health.timeout", Duration.ofSeconds(2)),
        c.duration("health.drain-delay", Duration.ZERO),
        c.bool("metrics.enabled", true),
        path(c, "metrics.path", "/metrics"),
        c.bool("metrics.histogram", false),
        c.bool("metrics.virtual-threads", true),
        c.bool("tracing.enabled", true),
        c.bool("access-log", true),
        c.bool("request-id", true),
        port < 0 ? Optional.empty() : Optional.of(port),
        c.string("management.host", "0.0.0.0"),
        c.string("management.token").filter(t -> !t.isBlank()),
        config.isProd());
  }

  private static String path(Config c, String key, String def) {
    String p = c.string(key, def);
    if (!p.startsWith("/")) {
      c.reject(key, "must be a path starting with /, e.g. " + def);
      return def;
    }
    return p;
  }

  /** Whether the admin endpoints are only reachable from this machine. */
  public boolean managementOnLoopback() {
    return managementPort.isPresent() && LOOPBACK.contains(managementHost);
  }
}
