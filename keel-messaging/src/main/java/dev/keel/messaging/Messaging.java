package dev.keel.messaging;

import dev.keel.core.Config;
import dev.keel.core.HealthCheck;
import dev.keel.core.Keel;
import dev.keel.core.Plugin;
import dev.keel.core.StartupException;
import dev.keel.db.Database;
import dev.keel.messaging.internal.Codec;
import dev.keel.messaging.internal.Inbox;
import dev.keel.messaging.internal.KafkaTransport;
import dev.keel.messaging.internal.NatsTransport;
import dev.keel.messaging.internal.Outbox;
import dev.keel.messaging.internal.RabbitTransport;
import dev.keel.messaging.internal.Relay;
import dev.keel.messaging.internal.Subscriber;
import dev.keel.messaging.spi.OutgoingMessage;
import dev.keel.messaging.spi.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed publish/subscribe over NATS JetStream, RabbitMQ or Kafka with one API, installed as a
 * plugin (after {@link Database} for the outbox and idempotent consumers).
 *
 * <pre>{@code
 * record OrderPlaced(long orderId, String customer) {}
 *
 * Messaging messaging = Messaging.nats("nats://127.0.0.1:4222")
 *     .subscribe(Subscription.to("orders.placed", OrderPlaced.class).group("billing")
 *         .idempotent(true), message -> billing.charge(message.payload()));
 * Keel.create(args).install(db).install(messaging).start();
 *
 * db.transaction(() -> {
 *   orders.insert(order);
 *   messaging.publish("orders.placed", new OrderPlaced(order.id(), order.customer()));
 * });  // sent if and only if the transaction commits
 * }</pre>
 *
 * <p>A message is a record as JSON plus headers (id, type, publish time). {@link #publish} inside
 * {@link Database#transaction} writes it to the outbox table of that transaction; a relay sends it
 * after the commit and deletes it once the broker confirmed, so it is delivered at least once even
 * when the process dies in between. Outside a transaction it is sent at once, and {@code publish}
 * returns when the broker confirmed it.
 *
 * <p>Delivery is at least once. A handler's message is acknowledged only after the handler
 * returned; one that throws is retried with exponential backoff, and after its last attempt (or at
 * once, when the body cannot be read as the record) goes to the dead-letter topic. An idempotent
 * subscription records each message id in the app database in the handler's transaction, so a
 * redelivered or resent copy is acknowledged without running the handler again.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code keel.messaging.outbox.relay}</td><td>true</td><td>send the outbox from this
 *       instance</td></tr>
 *   <tr><td>{@code keel.messaging.outbox.poll-interval}</td><td>50ms</td><td>how often an idle
 *       relay looks at the outbox (a publish from this instance wakes it at once)</td></tr>
 *   <tr><td>{@code keel.messaging.outbox.batch}</td><td>200</td><td>rows sent per round
 *       trip</td></tr>
 *   <tr><td>{@code keel.messaging.inbox.retention}</td><td>7d</td><td>how long idempotent
 *       consumers remember a message id</td></tr>
 *   <tr><td>{@code keel.messaging.shutdown-grace}</td><td>10s</td><td>how long shutdown waits for
 *       running handlers; messages not finished by then are redelivered</td></tr>
 * </table>
 *
 * <p>Thread-safe once started; {@link #subscribe} and {@link #json} are called before.
 */
public final class Messaging implements Plugin {
  private final Supplier<Transport> transports;
  private final List<Subscriber.Spec<?>> specs = new ArrayList<>();
  private JsonMapper json = Codec.defaultMapper();
  private volatile Transport transport;
  private volatile Codec codec;
  private volatile Outbox outbox;
  private volatile Relay relay;
  private final List<Subscriber<?>> running = new ArrayList<>();
  private Duration grace = Duration.ofSeconds(10);

  private Messaging(Supplier<Transport> transports) {
    this.transports = transports;
  }

  /**
   * Messaging over NATS JetStream at {@code url} ({@code nats://host:4222}); needs {@code
   * io.nats:jnats}. A topic is a subject with a stream of its own, created when missing; a group is
   * a durable pull consumer.
   */
  public static Messaging nats(String url) {
    Objects.requireNonNull(url, "url");
    return new Messaging(() -> new NatsTransport(url));
  }

  /**
   * Messaging over RabbitMQ at {@code uri} ({@code amqp://guest:guest@host:5672}); needs {@code
   * com.rabbitmq:amqp-client}. A topic is a fanout exchange, a group a durable queue bound to it.
   */
  public static Messaging rabbitMq(String uri) {
    Objects.requireNonNull(uri, "uri");
    return new Messaging(() -> new RabbitTransport(uri));
  }

  /**
   * Messaging over Kafka at {@code bootstrapServers} ({@code host:9092}); needs {@code
   * org.apache.kafka:kafka-clients}. A group is a Kafka consumer group.
   */
  public static Messaging kafka(String bootstrapServers) {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    return new Messaging(() -> new KafkaTransport(bootstrapServers));
  }

  /** Messaging over a transport of one's own. */
  public static Messaging create(Transport transport) {
    Objects.requireNonNull(transport, "transport");
    return new Messaging(() -> transport);
  }

  /** Reads and writes bodies with {@code json} instead of Keel's strict default mapper. */
  public Messaging json(JsonMapper json) {
    this.json = Objects.requireNonNull(json, "json");
    return this;
  }

  /** Runs {@code handler} for each message of {@code subscription}. */
  public <T extends Record> Messaging subscribe(
      Subscription<T> subscription, MessageHandler<T> handler) {
    specs.add(new Subscriber.Spec<>(subscription, Objects.requireNonNull(handler, "handler")));
    return this;
  }

  /** Subscribes with the defaults of {@link Subscription#to}. */
  public <T extends Record> Messaging subscribe(
      String topic, Class<T> type, MessageHandler<T> handler) {
    return subscribe(Subscription.to(topic, type), handler);
  }

  @Override
  public void install(Keel app) {
    Config config = app.config();
    boolean relayOn = config.bool("keel.messaging.outbox.relay", true);
    Duration poll = config.duration("keel.messaging.outbox.poll-interval", Duration.ofMillis(50));
    int batch = config.integer("keel.messaging.outbox.batch", 200, 1, 10_000);
    Duration retention = config.duration("keel.messaging.inbox.retention", Duration.ofDays(7));
    grace = config.duration("keel.messaging.shutdown-grace", Duration.ofSeconds(10));
    Database db = app.plugin(Database.class).orElse(null);
    for (Subscriber.Spec<?> s : specs) {
      if (s.subscription().idempotent() && db == null) {
        throw new StartupException(
            "subscription to "
                + s.subscription().topic()
                + " is idempotent, which needs the app database for its dedup table: install"
                + " Database before Messaging");
      }
    }
    app.onStart(() -> start(db, relayOn, poll, batch, retention));
    app.provide(
        HealthCheck.class,
        HealthCheck.of(
            "messaging",
            () -> {
              Transport t = transport;
              if (t == null) throw new IllegalStateException("messaging is not started");
              t.check();
            }));
    app.onStop(this::stop);
  }

  private void start(Database db, boolean relayOn, Duration poll, int batch, Duration retention) {
    Transport t = transports.get();
    try {
      t.connect();
    } catch (Exception e) {
      Throwable root = e;
      while (root.getCause() != null) root = root.getCause();
      throw new StartupException(
          "cannot connect to the " + t.name() + " broker: " + root + "; is it running?", e);
    }
    transport = t;
    codec = new Codec(json);
    Inbox inbox = db == null ? null : new Inbox(db);
    if (db != null) {
      outbox = new Outbox(db, codec);
      if (relayOn) {
        relay = new Relay(outbox, inbox, t, poll, batch, retention);
        relay.start();
      }
    }
    for (Subscriber.Spec<?> spec : specs) {
      Subscriber<?> s = spec.start(t, codec, inbox);
      synchronized (running) {
        running.add(s);
      }
    }
  }

  /**
   * Publishes {@code payload} to {@code topic}: inside a transaction of the installed {@link
   * Database}, into the outbox (sent after the commit, never after a rollback); outside, to the
   * broker at once, returning when it confirmed.
   *
   * @return the message id
   * @throws IllegalStateException before the application started
   * @throws MessagingException when the broker did not confirm a direct send
   */
  public String publish(String topic, Record payload) {
    return publish(topic, "", payload);
  }

  /**
   * Publishes with a key: on Kafka, messages with one key go to one partition and keep their order.
   */
  public String publish(String topic, String key, Record payload) {
    Subscription.name("topic", topic);
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");
    Transport t = transport;
    if (t == null) {
      throw new IllegalStateException(
          "Messaging is not started: install it into the application and start it first");
    }
    OutgoingMessage message = codec.encode(topic, key, payload);
    Outbox o = outbox;
    if (o != null && o.db().inTransaction()) {
      o.add(message);
      Relay r = relay;
      if (r != null) r.wake(); // the relay sees the row as soon as the transaction commits
      return message.id();
    }
    try {
      t.send(List.of(message));
    } catch (Exception e) {
      throw new MessagingException(
          "the " + t.name() + " broker did not confirm message " + message.id() + " to " + topic,
          e);
    }
    return message.id();
  }

  /** Rows waiting in the outbox (sent by the relay soon); for health checks and tests. */
  public long outboxSize() {
    Outbox o = outbox;
    return o == null ? 0 : o.size();
  }

  /**
   * Stops: subscriptions stop fetching and their running handlers finish (each message is
   * acknowledged after its handler, none before), the relay finishes its batch, the connection
   * closes. The application calls this at shutdown.
   */
  public void stop() {
    List<Subscriber<?>> subs;
    synchronized (running) {
      subs = List.copyOf(running);
      running.clear();
    }
    subs.parallelStream().forEach(s -> s.stop(grace));
    Relay r = relay;
    relay = null;
    if (r != null) r.stop();
    Transport t = transport;
    transport = null;
    if (t != null) t.close();
  }
}
