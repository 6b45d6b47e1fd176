package dev.keel.messaging.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.keel.messaging.spi.Delivery;
import dev.keel.messaging.spi.OutgoingMessage;
import dev.keel.messaging.spi.Transport;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RabbitMQ: a topic is a durable fanout exchange, a group a durable queue {@code topic:group} bound
 * to it. Messages are persistent and published with publisher confirms; consumers use manual acks
 * and {@code basic.qos} of {@code maxInFlight}, so the broker never pushes more than that.
 */
public final class RabbitTransport implements Transport {
  private static final Logger log = LoggerFactory.getLogger("dev.keel.messaging");
  private static final int PUBLISH_CHANNELS = 32;
  private static final long CONFIRM_TIMEOUT_MS = 10_000;

  private final String uri;
  private final Set<String> exchanges = ConcurrentHashMap.newKeySet();
  private final BlockingQueue<Channel> publishers = new ArrayBlockingQueue<>(PUBLISH_CHANNELS);
  private Connection connection;
  private int opened;

  public RabbitTransport(String uri) {
    this.uri = uri;
  }

  @Override
  public String name() {
    return "rabbitmq";
  }

  @Override
  public void connect() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(uri);
    factory.setAutomaticRecoveryEnabled(true);
    connection = factory.newConnection("keel-messaging");
  }

  /** A confirm channel of the pool, opened when none is free and fewer than the maximum exist. */
  private Channel borrow() throws Exception {
    Channel c = publishers.poll();
    if (c != null) return c;
    synchronized (publishers) {
      if (opened < PUBLISH_CHANNELS) {
        opened++;
        Channel fresh = connection.createChannel();
        fresh.confirmSelect();
        return fresh;
      }
    }
    return publishers.take();
  }

  @Override
  public void check() {
    if (!connection.isOpen()) {
      throw new IllegalStateException(
          "the RabbitMQ connection is closed: " + connection.getCloseReason());
    }
  }

  static String queueName(String topic, String group) {
    return topic + ":" + group;
  }

  private void ensureExchange(Channel channel, String topic) throws IOException {
    if (exchanges.contains(topic)) return;
    channel.exchangeDeclare(topic, BuiltinExchangeType.FANOUT, true);
    exchanges.add(topic);
  }

  @Override
  public void send(List<OutgoingMessage> messages) throws Exception {
    // a channel is not safe for concurrent publishing, and a confirm waits for the broker's disk:
    // each sender borrows a channel of its own
    Channel channel = borrow();
    try {
      for (OutgoingMessage m : messages) {
        ensureExchange(channel, m.topic());
        AMQP.BasicProperties props =
            new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(2)
                .messageId(m.id())
                .headers(new HashMap<>(m.headers()))
                .build();
        channel.basicPublish(m.topic(), m.key(), props, m.body());
      }
      channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
    } finally {
      if (channel.isOpen()) {
        publishers.add(channel);
      } else {
        Channel fresh = connection.createChannel(); // a nack or timeout closed it
        fresh.confirmSelect();
        publishers.add(fresh);
      }
    }
  }

  @Override
  public void declare(String topic, String group) throws Exception {
    try (Channel channel = connection.createChannel()) {
      ensureExchange(channel, topic);
      String queue = queueName(topic, group);
      channel.queueDeclare(queue, true, false, false, null);
      channel.queueBind(queue, topic, "");
    }
  }

  @Override
  public Receiver receive(String topic, String group, int maxInFlight, Sink sink) throws Exception {
    Channel channel = connection.createChannel();
    ensureExchange(channel, topic);
    String queue = queueName(topic, group);
    channel.queueDeclare(queue, true, false, false, null);
    channel.queueBind(queue, topic, "");
    channel.basicQos(maxInFlight);
    String tag =
        channel.basicConsume(
            queue,
            false,
            new DefaultConsumer(channel) {
              @Override
              public void handleDelivery(
                  String consumerTag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                try {
                  sink.accept(new RabbitDelivery(channel, envelope, props, body));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            });
    return new Receiver() {
      @Override
      public void stop() {
        try {
          if (channel.isOpen()) channel.basicCancel(tag);
        } catch (IOException e) {
          log.debug("cancelling the consumer of {}", queue, e);
        }
      }

      @Override
      public void close() {
        try {
          if (channel.isOpen()) channel.close(); // anything unacknowledged goes back to the queue
        } catch (Exception e) {
          log.debug("closing the channel of {}", queue, e);
        }
      }
    };
  }

  @Override
  public void close() {
    if (connection == null) return;
    try {
      connection.close();
    } catch (IOException e) {
      log.debug("closing the RabbitMQ connection", e);
    }
  }

  private record RabbitDelivery(
      Channel channel, Envelope envelope, AMQP.BasicProperties props, byte[] body)
      implements Delivery {
    @Override
    public Map<String, String> headers() {
      Map<String, String> map = new HashMap<>();
      if (props.getHeaders() != null) {
        props.getHeaders().forEach((k, v) -> map.put(k, v == null ? "" : v.toString()));
      }
      return map;
    }

    @Override
    public int deliveryCount() {
      return envelope.isRedeliver() ? 2 : 1;
    }

    @Override
    public void ack() {
      try {
        synchronized (channel) { // acks come from many handler threads
          channel.basicAck(envelope.getDeliveryTag(), false);
        }
      } catch (IOException e) {
        log.warn("acknowledging failed; the message will be redelivered: {}", e.toString());
      }
    }

    @Override
    public void release() {
      try {
        synchronized (channel) {
          channel.basicNack(envelope.getDeliveryTag(), false, true);
        }
      } catch (IOException e) {
        log.warn("releasing failed; the broker redelivers on close: {}", e.toString());
      }
    }
  }
}
