package dev.keel.messaging.internal;

import dev.keel.messaging.spi.Delivery;
import dev.keel.messaging.spi.OutgoingMessage;
import dev.keel.messaging.spi.Transport;
import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NATS JetStream: a topic is a subject with a file-backed stream of its own ({@code KEEL_} plus the
 * subject, dots as underscores), created when first used; a group is a durable pull consumer with
 * explicit acks. Publishing waits for JetStream's ack and passes the message id as {@code
 * Nats-Msg-Id}, so JetStream itself drops a resend within its duplicate window.
 */
public final class NatsTransport implements Transport {
  private static final Logger log = LoggerFactory.getLogger("dev.keel.messaging");
  private static final Duration ACK_WAIT = Duration.ofSeconds(30);

  private final String url;
  private final Set<String> streams = ConcurrentHashMap.newKeySet();
  private Connection connection;
  private JetStream jetStream;
  private JetStreamManagement management;

  public NatsTransport(String url) {
    this.url = url;
  }

  @Override
  public String name() {
    return "nats";
  }

  @Override
  public void connect() throws Exception {
    connection =
        Nats.connect(
            Options.builder()
                .server(url)
                .connectionName("keel-messaging")
                .maxReconnects(-1)
                .build());
    jetStream = connection.jetStream();
    management = connection.jetStreamManagement();
  }

  @Override
  public void check() {
    Connection.Status status = connection.getStatus();
    if (status != Connection.Status.CONNECTED) {
      throw new IllegalStateException("the NATS connection to " + url + " is " + status);
    }
  }

  static String streamName(String topic) {
    return "KEEL_" + topic.replace('.', '_');
  }

  private String ensureStream(String topic) throws Exception {
    String name = streamName(topic);
    if (streams.contains(name)) return name;
    try {
      management.getStreamInfo(name);
    } catch (JetStreamApiException e) {
      if (e.getErrorCode() != 404) throw e;
      try {
        management.addStream(
            StreamConfiguration.builder()
                .name(name)
                .subjects(topic)
                .storageType(StorageType.File)
                .build());
      } catch (JetStreamApiException raced) {
        management.getStreamInfo(name); // another instance created it first
      }
    }
    streams.add(name);
    return name;
  }

  @Override
  public void send(List<OutgoingMessage> messages) throws Exception {
    List<CompletableFuture<PublishAck>> acks = new ArrayList<>(messages.size());
    for (OutgoingMessage m : messages) {
      ensureStream(m.topic());
      Headers headers = new Headers();
      m.headers().forEach(headers::put);
      Message message =
          NatsMessage.builder().subject(m.topic()).headers(headers).data(m.body()).build();
      acks.add(jetStream.publishAsync(message, PublishOptions.builder().messageId(m.id()).build()));
    }
    for (CompletableFuture<PublishAck> ack : acks) ack.get(10, TimeUnit.SECONDS);
  }

  @Override
  public Receiver receive(String topic, String group, int maxInFlight, Sink sink) throws Exception {
    String stream = ensureStream(topic);
    String durable = group.replace('.', '_');
    management.addOrUpdateConsumer(
        stream,
        ConsumerConfiguration.builder()
            .durable(durable)
            .ackPolicy(AckPolicy.Explicit)
            .ackWait(ACK_WAIT)
            .filterSubject(topic)
            .build());
    // iterate keeps pull requests of maxInFlight open and returns each message as it arrives
    // (fetch would wait for a full batch or its timeout)
    IterableConsumer consumer =
        connection
            .getStreamContext(stream)
            .getConsumerContext(durable)
            .iterate(ConsumeOptions.builder().batchSize(maxInFlight).build());
    AtomicBoolean stopped = new AtomicBoolean();
    Thread fetcher =
        Thread.ofVirtual()
            .name("keel-messaging-nats-" + topic)
            .start(
                () -> {
                  while (!stopped.get()) {
                    try {
                      Message m = consumer.nextMessage(Duration.ofMillis(500));
                      if (m == null) continue;
                      if (stopped.get()) {
                        m.nak(); // fetched as shutdown began: redelivered at once
                        continue;
                      }
                      sink.accept(new NatsDelivery(m));
                    } catch (InterruptedException e) {
                      return;
                    } catch (JetStreamStatusCheckedException | RuntimeException e) {
                      if (stopped.get()) return;
                      log.warn("fetching from {} failed, retrying: {}", topic, e.toString());
                      sleep(1000);
                    }
                  }
                  drain(consumer, topic);
                });
    return new Receiver() {
      @Override
      public void stop() {
        stopped.set(true);
        consumer.stop();
        try {
          fetcher.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void close() {
        stop();
        try {
          consumer.close();
        } catch (Exception e) {
          log.debug("closing the consumer of {}", topic, e);
        }
      }
    };
  }

  /** Naks what the client pulled but nobody took, so it is redelivered now, not after ackWait. */
  private static void drain(IterableConsumer consumer, String topic) {
    try {
      for (Message m; (m = consumer.nextMessage(Duration.ofMillis(50))) != null; ) m.nak();
    } catch (InterruptedException | JetStreamStatusCheckedException | RuntimeException e) {
      log.debug("draining {}: {}", topic, e.toString());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (connection == null) return;
    try {
      connection.flush(Duration.ofSeconds(2)); // the last acks reach the server
    } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
      log.warn(
          "flushing before close failed; unacknowledged messages are redelivered: {}",
          e.toString());
    }
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record NatsDelivery(Message message) implements Delivery {
    @Override
    public Map<String, String> headers() {
      Map<String, String> map = new HashMap<>();
      Headers h = message.getHeaders();
      if (h != null) for (String k : h.keySet()) map.put(k, h.getFirst(k));
      return map;
    }

    @Override
    public byte[] body() {
      return message.getData();
    }

    @Override
    public int deliveryCount() {
      return (int) message.metaData().deliveredCount();
    }

    @Override
    public void ack() {
      message.ack();
    }

    @Override
    public void release() {
      message.nak();
    }
  }
}
