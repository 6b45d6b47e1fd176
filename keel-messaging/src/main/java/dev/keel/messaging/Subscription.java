package dev.keel.messaging;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a subscriber receives and how: {@code Subscription.to("orders", OrderPlaced.class)
 * .group("billing").maxInFlight(32)}. Immutable; each method returns a changed copy.
 *
 * @param topic the NATS subject, RabbitMQ exchange or Kafka topic: letters, digits, {@code .-_}
 * @param type the record messages are read into
 * @param group the consumer group; each message goes to one member of a group, and every group gets
 *     every message. Default: the topic's name plus {@code -consumers}
 * @param maxInFlight most messages handled at once by this instance (back-pressure: no more are
 *     fetched from the broker); default 16
 * @param maxAttempts runs of the handler before the message goes to the dead-letter topic; default
 *     5
 * @param backoff the first retry's delay, doubling per attempt up to {@code maxBackoff}; default
 *     100 ms and 30 s
 * @param deadLetter where a message goes after its last attempt, or when it cannot be read; default
 *     the topic plus {@code .dead-letter}
 * @param idempotent true: deduplicate by message id in the app database's {@code
 *     keel_message_inbox} table, in the same transaction as the handler (needs keel-db)
 */
public record Subscription<T extends Record>(
    String topic,
    Class<T> type,
    String group,
    int maxInFlight,
    int maxAttempts,
    Duration backoff,
    Duration maxBackoff,
    String deadLetter,
    boolean idempotent) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  public Subscription {
    name("topic", topic);
    Objects.requireNonNull(type, "type");
    name("group", group);
    name("dead-letter topic", deadLetter);
    if (maxInFlight < 1 || maxInFlight > 10_000) {
      throw new IllegalArgumentException(
          "maxInFlight of " + topic + " is " + maxInFlight + " (expected: 1 to 10000)");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          "maxAttempts of " + topic + " is " + maxAttempts + " (expected: >= 1)");
    }
    if (backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
      throw new IllegalArgumentException(
          "backoff "
              + backoff
              + " to "
              + maxBackoff
              + " of "
              + topic
              + " (expected: 0 <= min <= max)");
    }
    if (deadLetter.equals(topic)) {
      throw new IllegalArgumentException(
          "the dead-letter topic of " + topic + " is the topic itself");
    }
  }

  /** Subscribes to {@code topic}, reading {@code type}, with the defaults above. */
  public static <T extends Record> Subscription<T> to(String topic, Class<T> type) {
    name("topic", topic);
    return new Subscription<>(
        topic,
        type,
        topic.replace('.', '-') + "-consumers",
        16,
        5,
        Duration.ofMillis(100),
        Duration.ofSeconds(30),
        topic + ".dead-letter",
        false);
  }

  public Subscription<T> group(String group) {
    return new Subscription<>(
        topic, type, group, maxInFlight, maxAttempts, backoff, maxBackoff, deadLetter, idempotent);
  }

  public Subscription<T> maxInFlight(int maxInFlight) {
    return new Subscription<>(
        topic, type, group, maxInFlight, maxAttempts, backoff, maxBackoff, deadLetter, idempotent);
  }

  public Subscription<T> maxAttempts(int maxAttempts) {
    return new Subscription<>(
        topic, type, group, maxInFlight, maxAttempts, backoff, maxBackoff, deadLetter, idempotent);
  }

  public Subscription<T> backoff(Duration backoff, Duration maxBackoff) {
    return new Subscription<>(
        topic, type, group, maxInFlight, maxAttempts, backoff, maxBackoff, deadLetter, idempotent);
  }

  public Subscription<T> deadLetter(String deadLetter) {
    return new Subscription<>(
        topic, type, group, maxInFlight, maxAttempts, backoff, maxBackoff, deadLetter, idempotent);
  }

  public Subscription<T> idempotent(boolean idempotent) {
    return new Subscription<>(
        topic, type, group, maxInFlight, maxAttempts, backoff, maxBackoff, deadLetter, idempotent);
  }

  /** The delay before attempt {@code attempt + 1}, after attempt {@code attempt} failed. */
  public Duration delayAfter(int attempt) {
    long millis = backoff.toMillis() << Math.min(attempt - 1, 30);
    return millis < 0 || millis > maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
  }

  static String name(String what, String value) {
    Objects.requireNonNull(value, what);
    if (!NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what
              + " '"
              + value
              + "' must be 1 to 200 letters, digits, '.', '-' or '_', starting with a letter or"
              + " digit, e.g. orders.placed");
    }
    return value;
  }
}
