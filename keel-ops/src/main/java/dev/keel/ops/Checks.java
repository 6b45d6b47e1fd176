package dev.keel.ops;

import dev.keel.core.HealthCheck;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Ready-made readiness checks that speak just enough of a protocol to know the server answers, with
 * no client library: a fresh connection per check, closed afterwards.
 *
 * <pre>{@code
 * app.provide(HealthCheck.class, Checks.redis("127.0.0.1", 6379))
 *    .provide(HealthCheck.class, Checks.nats("127.0.0.1", 4222));
 * }</pre>
 */
public final class Checks {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private Checks() {}

  /** Redis answers {@code PING} with {@code +PONG} (or asks for authentication, still alive). */
  public static HealthCheck redis(String host, int port) {
    return HealthCheck.of(
        "redis",
        () -> {
          String reply = exchange(host, port, "PING\r\n", false);
          if (!reply.startsWith("+PONG") && !reply.startsWith("-NOAUTH")) {
            throw new IllegalStateException(
                "Redis at " + host + ":" + port + " answered PING with " + reply);
          }
        });
  }

  /** A NATS server greets with {@code INFO} and answers {@code PING} with {@code PONG}. */
  public static HealthCheck nats(String host, int port) {
    return HealthCheck.of(
        "nats",
        () -> {
          String reply = exchange(host, port, "CONNECT {\"verbose\":false}\r\nPING\r\n", true);
          if (!reply.startsWith("PONG")) {
            throw new IllegalStateException(
                "NATS at " + host + ":" + port + " answered PING with " + reply);
          }
        });
  }

  /** Sends {@code request} and returns the first reply line (after the greeting, if any). */
  private static String exchange(String host, int port, String request, boolean greeting)
      throws IOException {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      InputStream in = socket.getInputStream();
      if (greeting) line(in);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    var b = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (b.length() < 512 && c != '\r') b.append((char) c);
    }
    if (c == -1 && b.isEmpty()) throw new IOException("connection closed without an answer");
    return b.toString();
  }
}
