package dev.keel.messaging.spi;

import java.util.List;

/**
 * One message broker behind {@link dev.keel.messaging.Messaging}: NATS JetStream, RabbitMQ, Kafka,
 * or another written against this interface. Keel does retries, dead letters, deduplication,
 * back-pressure accounting and the outbox above it; a transport only moves bytes durably.
 *
 * <p>Implementations are thread-safe: {@link #send} is called from many threads at once.
 */
public interface Transport extends AutoCloseable {
  /** A short name for logs and errors: {@code nats}, {@code rabbitmq}, {@code kafka}. */
  String name();

  /** Connects; called once at start-up, before anything else. */
  void connect() throws Exception;

  /**
   * Sends {@code messages} in order and returns when the broker has stored every one of them
   * (JetStream's publish ack, RabbitMQ's publisher confirm, Kafka's {@code acks=all}).
   *
   * @throws Exception when any was not confirmed; the caller sends them all again
   */
  void send(List<OutgoingMessage> messages) throws Exception;

  /**
   * Starts delivering the messages of {@code topic} to consumer group {@code group}: each message
   * is delivered to one member of the group. {@code sink} blocks while the subscriber has {@code
   * maxInFlight} messages in hand, so a transport should fetch no more than that ahead.
   */
  Receiver receive(String topic, String group, int maxInFlight, Sink sink) throws Exception;

  /**
   * Makes sure messages sent to {@code topic} are kept for {@code group} even before anyone
   * subscribed as it (a RabbitMQ exchange drops what no queue is bound to); used for dead-letter
   * topics. Nothing to do where the broker keeps every message of a topic anyway.
   */
  default void declare(String topic, String group) throws Exception {}

  /**
   * Returns normally when the broker connection is usable; throws saying what is wrong otherwise
   * (for the application's readiness check). Must not block for long.
   */
  default void check() throws Exception {}

  /** Closes the connection; receivers were stopped before. */
  @Override
  void close();

  /** Where a transport hands over what it received; blocks when the subscriber is full. */
  @FunctionalInterface
  interface Sink {
    void accept(Delivery delivery) throws InterruptedException;
  }

  /** A running subscription of a transport. */
  interface Receiver {
    /**
     * Stops fetching; messages handed over before may still be acknowledged or released until
     * {@link #close()}.
     */
    void stop();

    /** Ends the subscription; called after every delivery handed over was settled. */
    void close();
  }
}
