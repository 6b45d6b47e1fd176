package dev.keel.ops.internal;

import dev.keel.core.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may read admin details (metrics, health check details). With a token configured, only
 * requests carrying {@code Authorization: Bearer <token>}; without one, everybody outside the prod
 * profile, and in prod only when the management port is bound to loopback (else start-up fails).
 */
public final class AdminAccess {
  private final Optional<byte[]> expected;
  private final boolean openWithoutToken;

  public AdminAccess(OpsSettings settings) {
    this.expected =
        settings.managementToken().map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8));
    this.openWithoutToken = !settings.prod() || settings.managementOnLoopback();
  }

  public boolean allowed(Context ctx) {
    if (expected.isEmpty()) return openWithoutToken;
    byte[] given = ctx.header("Authorization").orElse("").getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, expected.get());
  }
}
