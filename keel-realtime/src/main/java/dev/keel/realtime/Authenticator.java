package dev.keel.realtime;

import dev.keel.core.Context;
import java.util.Optional;

/**
 * Decides who opens a WebSocket, from the handshake request (a session cookie, a token in a header
 * or query parameter). Runs after the application's middleware, on a virtual thread. Return the
 * user's name, or empty to refuse the handshake with 401; throw an {@code HttpException} to refuse
 * with another status.
 */
@FunctionalInterface
public interface Authenticator {
  Optional<String> authenticate(Context handshake) throws Exception;

  /** Accepts everyone; {@link WebSocket#user()} is then empty. */
  static Authenticator anonymous() {
    return Anonymous.INSTANCE;
  }

  /** The anonymous authenticator's type, so options can tell it apart. */
  enum Anonymous implements Authenticator {
    INSTANCE;

    @Override
    public Optional<String> authenticate(Context handshake) {
      return Optional.of("");
    }
  }
}
