package dev.keel.messaging.internal;

import dev.keel.messaging.spi.Delivery;
import dev.keel.messaging.spi.OutgoingMessage;
import dev.keel.messaging.spi.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka: a topic is a topic, a group a consumer group. The producer is idempotent with {@code
 * acks=all}. A consumer polls at most {@code maxInFlight} records, hands them over, and commits the
 * batch's offsets only when every one of them was acknowledged; a batch with a released record
 * (shutdown) is not committed, so all of it comes again.
 */
public final class KafkaTransport implements Transport {
  private static final Logger log = LoggerFactory.getLogger("dev.keel.messaging");

  private final String bootstrap;
  private KafkaProducer<byte[], byte[]> producer;

  public KafkaTransport(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public void connect() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    producer = new KafkaProducer<>(p);
  }

  @Override
  public void send(List<OutgoingMessage> messages) throws Exception {
    List<Future<RecordMetadata>> acks = new ArrayList<>(messages.size());
    for (OutgoingMessage m : messages) {
      byte[] key = m.key().isEmpty() ? null : m.key().getBytes(StandardCharsets.UTF_8);
      var record = new ProducerRecord<>(m.topic(), key, m.body());
      m.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
      acks.add(producer.send(record));
    }
    for (Future<RecordMetadata> ack : acks) ack.get(30, TimeUnit.SECONDS);
  }

  @Override
  public Receiver receive(String topic, String group, int maxInFlight, Sink sink) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxInFlight);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p);
    consumer.subscribe(List.of(topic));
    AtomicBoolean stopped = new AtomicBoolean();
    // the consumer is single-threaded: this thread polls, commits and closes it
    Thread poller =
        Thread.ofVirtual()
            .name("keel-messaging-kafka-" + topic)
            .start(
                () -> {
                  try {
                    while (!stopped.get()) pollOnce(consumer, sink);
                  } catch (WakeupException e) {
                    // stop() during poll
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } catch (RuntimeException e) {
                    log.error("consuming {} stopped", topic, e);
                  } finally {
                    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
                  }
                });
    return new Receiver() {
      @Override
      public void stop() {
        stopped.set(true);
        consumer.wakeup();
      }

      @Override
      public void close() {
        stop();
        try {
          poller.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  private static void pollOnce(KafkaConsumer<byte[], byte[]> consumer, Sink sink)
      throws InterruptedException {
    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
    if (records.isEmpty()) return;
    CountDownLatch settled = new CountDownLatch(records.count());
    AtomicBoolean released = new AtomicBoolean();
    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      sink.accept(new KafkaDelivery(r, settled, released));
      next.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
    }
    settled.await();
    if (released.get()) {
      // not committed: rewind so that this consumer (or the next owner) gets the batch again
      records
          .partitions()
          .forEach(tp -> consumer.seek(tp, records.records(tp).getFirst().offset()));
      return;
    }
    consumer.commitSync(next);
  }

  @Override
  public void close() {
    if (producer != null) producer.close(Duration.ofSeconds(10));
  }

  private record KafkaDelivery(
      ConsumerRecord<byte[], byte[]> record, CountDownLatch settled, AtomicBoolean released)
      implements Delivery {
    @Override
    public Map<String, String> headers() {
      Map<String, String> map = new HashMap<>();
      for (Header h : record.headers()) {
        map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
      }
      return map;
    }

    @Override
    public byte[] body() {
      return record.value();
    }

    @Override
    public int deliveryCount() {
      return 1; // Kafka keeps no per-record count
    }

    @Override
    public void ack() {
      settled.countDown();
    }

    @Override
    public void release() {
      released.set(true);
      settled.countDown();
    }
  }
}
