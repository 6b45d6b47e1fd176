package dev.keel.messaging.spi;

import java.util.Map;

/**
 * A received message, settled exactly once by {@link #ack()} or {@link #release()}; both may be
 * called from any thread.
 */
public interface Delivery {
  Map<String, String> headers();

  byte[] body();

  /** The broker's redelivery count, 1 on first delivery, when it keeps one; else 1. */
  int deliveryCount();

  /** Done: the broker forgets the message. */
  void ack();

  /** Not done (shutdown came first): the broker delivers it again, here or elsewhere. */
  void release();
}
