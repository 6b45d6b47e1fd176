package dev.keel.messaging.spi;

import java.util.Map;
import java.util.Objects;

/**
 * A message as a transport sends it.
 *
 * @param topic the subject (NATS), exchange (RabbitMQ) or topic (Kafka)
 * @param id the message id, unique per message, kept across resends (the dedup key)
 * @param key the partition or ordering key, or empty; messages with one key stay in order on Kafka
 * @param headers string headers, {@link Headers} names among them
 * @param body the JSON body
 */
public record OutgoingMessage(
    String topic, String id, String key, Map<String, String> headers, byte[] body) {
  public OutgoingMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }
}
