package dev.keel.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deletes what the tests created on the shared NATS and RabbitMQ servers (streams, exchanges,
 * queues of their unique topics) when the test JVM exits; Kafka's broker goes with its folder.
 */
final class BrokerCleanup {
  private static final Set<String> TOPICS = ConcurrentHashMap.newKeySet();
  private static final List<String> GROUPS =
      List.of("consumers", "billing", "shipping", "ledger", "plain", "dead-letter");

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(BrokerCleanup::clean));
  }

  private BrokerCleanup() {}

  static String register(String topic) {
    TOPICS.add(topic);
    TOPICS.add(topic + ".dead-letter");
    return topic;
  }

  private static void clean() {
    try (var nats = Nats.connect("nats://127.0.0.1:4222")) {
      JetStreamManagement jsm = nats.jetStreamManagement();
      for (String t : TOPICS) {
        try {
          jsm.deleteStream("KEEL_" + t.replace('.', '_'));
        } catch (Exception e) {
          // never created
        }
      }
    } catch (Exception e) {
      // the server is gone; nothing to clean
    }
    ConnectionFactory f = new ConnectionFactory();
    try {
      f.setUri("amqp://guest:guest@127.0.0.1:5672");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    try (Connection c = f.newConnection("keel-messaging tests clean-up")) {
      for (String t : TOPICS) {
        for (String g : GROUPS) {
          String group = g.equals("consumers") ? t.replace('.', '-') + "-consumers" : g;
          try (Channel ch = c.createChannel()) {
            ch.queueDelete(t + ":" + group);
          } catch (Exception e) {
            // never created
          }
        }
        try (Channel ch = c.createChannel()) {
          ch.exchangeDelete(t);
        } catch (Exception e) {
          // never created
        }
      }
    } catch (Exception e) {
      // the server is gone; nothing to clean
    }
  }
}
