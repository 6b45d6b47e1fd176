package dev.keel.realtime.internal;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Core NATS subjects through jnats (no JetStream: presence is re-sent, not stored). */
public final class NatsBus implements Bus {
  private final Connection connection;
  private final String subject;
  private Dispatcher dispatcher;

  public NatsBus(String url, String subject) {
    try {
      this.connection = Nats.connect(url);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not connect to NATS at " + url + " (keel.realtime.nats.url); is it running?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting to NATS at " + url, e);
    }
    this.subject = subject;
  }

  @Override
  public void publish(String message) {
    connection.publish(subject, message.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void subscribe(Consumer<String> receiver) {
    dispatcher =
        connection.createDispatcher(
            m -> receiver.accept(new String(m.getData(), StandardCharsets.UTF_8)));
    dispatcher.subscribe(subject);
    try {
      connection.flush(java.time.Duration.ofSeconds(5)); // the subscription is live on return
    } catch (Exception e) {
      throw new IllegalStateException("NATS did not confirm the subscription to " + subject, e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
