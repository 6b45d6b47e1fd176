package dev.keel.messaging;

/**
 * Handles one message. Returning acknowledges it; throwing retries it with backoff, and after the
 * subscription's last attempt sends it to the dead-letter topic. Runs on its own virtual thread;
 * plain blocking code.
 */
@FunctionalInterface
public interface MessageHandler<T extends Record> {
  void handle(Message<T> message) throws Exception;
}
