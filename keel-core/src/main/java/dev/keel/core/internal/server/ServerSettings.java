package dev.keel.core.internal.server;

import dev.keel.core.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The server's settings, read once from {@code keel.server.*}. Defaults are safe for the open
 * internet; see the keel-core README for the table.
 */
public record ServerSettings(
    String host,
    int port,
    int ioThreads,
    int maxRequestLine,
    int maxHeaderSize,
    int maxHeaderCount,
    long maxBodySize,
    Duration headerTimeout,
    Duration bodyTimeout,
    Duration idleTimeout,
    int maxConnections,
    int maxPipelined,
    Duration shutdownGrace,
    boolean h2c,
    Optional<Path> tlsCert,
    Optional<Path> tlsKey,
    long multipartMemoryThreshold,
    boolean nativeTransport,
    boolean etag,
    boolean compression,
    int compressionThreshold,
    AllowedHosts allowedHosts) {

  public static ServerSettings from(Config c) {
    String p = "keel.server.";
    return new ServerSettings(
        c.string(p + "host", "0.0.0.0"),
        c.integer(p + "port", 8080, 0, 65535),
        c.integer(p + "io-threads", 0, 0, 1024),
        c.integer(p + "max-request-line", 8192, 256, 1 << 20),
        (int) c.bytes(p + "max-header-size", 16 * 1024),
        c.integer(p + "max-header-count", 100, 1, 10_000),
        c.bytes(p + "max-body-size", 10L * 1024 * 1024),
        c.duration(p + "header-timeout", Duration.ofSeconds(10)),
        c.duration(p + "body-timeout", Duration.ofSeconds(30)),
        c.duration(p + "idle-timeout", Duration.ofSeconds(60)),
        c.integer(p + "max-connections", 10_000, 1, 1_000_000),
        c.integer(p + "max-pipelined", 64, 1, 1024),
        c.duration(p + "shutdown-grace", Duration.ofSeconds(30)),
        c.bool(p + "h2c", true),
        c.path(p + "tls.cert"),
        c.path(p + "tls.key"),
        c.bytes(p + "multipart-memory-threshold", 16 * 1024),
        c.bool(p + "native-transport", true),
        c.bool(p + "etag", true),
        c.bool(p + "compression", true),
        (int) Math.min(Integer.MAX_VALUE, c.bytes(p + "compression-threshold", 1024)),
        allowedHosts(c, p + "allowed-hosts"));
  }

  private static AllowedHosts allowedHosts(Config c, String key) {
    List<String> patterns = c.list(key, List.of());
    for (String pattern : patterns) {
      String invalid = AllowedHosts.invalid(pattern);
      if (invalid != null) c.reject(key, invalid);
    }
    return new AllowedHosts(patterns);
  }

  public boolean tls() {
    return tlsCert.isPresent();
  }
}
