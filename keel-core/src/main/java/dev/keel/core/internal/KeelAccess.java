package dev.keel.core.internal;

import dev.keel.core.Keel;
import dev.keel.core.internal.http.Response;
import io.netty.handler.codec.http.FullHttpRequest;
import java.net.InetSocketAddress;

/**
 * A door into a {@link Keel} application for Keel's own modules (the test client), kept out of the
 * public API. {@code Keel} installs the implementation when its class initializes.
 */
public final class KeelAccess {
  /** What other Keel modules may do with an application. */
  public interface Bridge {
    /** Runs one request through the application's whole pipeline, without a socket. */
    Response handle(Keel app, FullHttpRequest request, InetSocketAddress remote);
  }

  private static volatile Bridge bridge;

  private KeelAccess() {}

  public static void install(Bridge b) {
    bridge = b;
  }

  public static Bridge bridge() {
    if (bridge == null) {
      try {
        Class.forName(Keel.class.getName(), true, Keel.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return bridge;
  }
}
