package dev.keel.realtime;

import dev.keel.realtime.internal.Hub;
import java.util.List;

/**
 * Topics over one WebSocket endpoint, with presence. Clients speak a small JSON protocol (see the
 * module README, or use {@code /keel/realtime.js}):
 *
 * <pre>
 * → {"ref":"1","type":"join","topic":"room:lobby","meta":{"name":"Ann"}}
 * ← {"type":"reply","ref":"1","ok":true}
 * ← {"type":"presence_state","topic":"room:lobby","members":[{"id":"…","user":"","meta":{"name":"Ann"}}]}
 * → {"ref":"2","type":"publish","topic":"room:lobby","event":"message","payload":{"text":"hi"}}
 * ← {"type":"message","topic":"room:lobby","event":"message","payload":{"text":"hi"},"from":"…"}
 * ← {"type":"presence_join" | "presence_leave","topic":"room:lobby","member":{…}}
 * → {"ref":"3","type":"leave","topic":"room:lobby"}
 * </pre>
 *
 * <p>With {@code keel.realtime.bus=redis} or {@code nats}, messages and presence reach the
 * subscribers on every instance. A connection that drops without a close leaves its channels when
 * the server notices (at once for a reset, within {@code keel.realtime.ws.idle-timeout} for a
 * silent peer); an instance that dies leaves them within three {@code
 * keel.realtime.presence-interval}s. Thread-safe.
 */
public final class Channels {
  private final Hub hub;

  Channels(Hub hub) {
    this.hub = hub;
  }

  /** Sends {@code payload} (encoded as JSON) to every subscriber of {@code topic}. */
  public void broadcast(String topic, String event, Object payload) {
    hub.broadcast(topic, event, payload);
  }

  /** Calls {@code listener} for every message delivered on this instance. */
  public Channels listen(MessageListener listener) {
    hub.listen(listener);
    return this;
  }

  /** Who is in {@code topic} now, on every instance, ordered by connection id. */
  public List<Member> presence(String topic) {
    return hub.presence(topic);
  }
}
