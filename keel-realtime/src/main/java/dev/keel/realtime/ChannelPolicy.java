package dev.keel.realtime;

import java.util.Optional;

/**
 * Per-channel authorization: who may join a topic and who may publish to it. Runs on the
 * connection's virtual thread for every join and publish; {@code user} is what the socket's {@link
 * Authenticator} returned.
 */
public interface ChannelPolicy {
  boolean mayJoin(Optional<String> user, String topic);

  default boolean mayPublish(Optional<String> user, String topic) {
    return true;
  }

  /** Everyone may join and publish anywhere. */
  static ChannelPolicy open() {
    return (user, topic) -> true;
  }
}
