package dev.keel.realtime.internal;

import java.util.function.Consumer;

/** A broadcast medium shared by every instance: what one publishes, all (itself included) get. */
public interface Bus extends AutoCloseable {
  void publish(String message);

  /** Starts delivering every message on the bus to {@code receiver}, from a bus thread. */
  void subscribe(Consumer<String> receiver);

  @Override
  void close();
}
