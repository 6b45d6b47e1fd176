package dev.keel.realtime;

/**
 * Sees every channel message this instance delivers (from its own clients, other instances or
 * {@link Channels#broadcast}); e.g. to store it or feed it into an {@link EventFeed}. Called on a
 * bus or connection thread: keep it short.
 */
@FunctionalInterface
public interface MessageListener {
  /**
   * @param payloadJson the message's payload as JSON text
   */
  void onMessage(String topic, String event, String payloadJson);
}
