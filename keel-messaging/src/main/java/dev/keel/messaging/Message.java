package dev.keel.messaging;

import java.time.Instant;
import java.util.Map;

/**
 * A received message.
 *
 * @param id its id, the same on every redelivery and resend (what idempotent consumers deduplicate
 *     by)
 * @param topic where it was published
 * @param payload the record, read from JSON
 * @param attempt 1 on the first run of the handler, 2 on the first retry, and so on
 * @param publishedAt when {@link Messaging#publish} was called
 * @param headers every header, Keel's {@code keel-*} ones included
 */
public record Message<T extends Record>(
    String id,
    String topic,
    T payload,
    int attempt,
    Instant publishedAt,
    Map<String, String> headers) {
  public Message {
    headers = Map.copyOf(headers);
  }
}
