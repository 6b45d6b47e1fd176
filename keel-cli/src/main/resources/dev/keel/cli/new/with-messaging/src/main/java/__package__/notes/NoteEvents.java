package {{package}}.notes;

import dev.keel.core.Config;
import dev.keel.db.Database;
import dev.keel.messaging.Message;
import dev.keel.messaging.Messaging;
import dev.keel.messaging.Subscription;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NoteCreated messages (keel-messaging): {@link #created} publishes one through the transactional
 * outbox, so it is sent if and only if the note's transaction commits; the consumer group {@code
 * note-log} writes each into the table {@code note_event}. The broker is keel.app.broker-url
 * (KEEL_APP_BROKER_URL): {@code nats://} (the default, nats://127.0.0.1:4222), {@code amqp://} for
 * RabbitMQ or {@code kafka://host:9092}; the topic is keel.app.notes-topic.
 */
public final class NoteEvents {
  private static final Logger LOG = LoggerFactory.getLogger(NoteEvents.class);

  /** The message: a note was created. Add fields at the end; consumers ignore unknown ones. */
  public record NoteCreated(long id, String title, Instant createdAt) {}

  private final Database db;
  private final String topic;
  private final Messaging messaging;

  public NoteEvents(Database db, Config config) {
    this.db = db;
    this.topic = config.string("keel.app.notes-topic", "notes.created");
    this.messaging =
        broker(config)
            .subscribe(
                Subscription.to(topic, NoteCreated.class)
                    .group("note-log") // every group gets every message once
                    .idempotent(true), // a redelivered copy is skipped (keel_message_inbox)
                this::handle);
  }

  /** The plugin to install after the Database: the broker connection, outbox relay, subscriber. */
  public Messaging messaging() {
    return messaging;
  }

  /** Call inside db.transaction(...): the message goes into the outbox of that transaction. */
  public void created(Note note) {
    messaging.publish(topic, new NoteCreated(note.id(), note.title(), note.createdAt()));
  }

  /** The subscriber: runs in the message's own transaction; throwing retries with backoff. */
  private void handle(Message<NoteCreated> message) {
    NoteCreated note = message.payload();
    db.sql(
            "insert into note_event (message_id, note_id, title, received_at)"
                + " values (:m, :n, :t, :at)")
        .bind("m", message.id())
        .bind("n", note.id())
        .bind("t", note.title())
        .bind("at", Instant.now())
        .update();
    LOG.info("note {} created: {}", note.id(), note.title());
  }

  private static Messaging broker(Config config) {
    String key = "keel.app.broker-url";
    String url = config.string(key, "nats://127.0.0.1:4222");
    if (url.startsWith("nats://") || url.startsWith("tls://")) return Messaging.nats(url);
    if (url.startsWith("amqp://") || url.startsWith("amqps://")) return Messaging.rabbitMq(url);
    if (url.startsWith("kafka://")) return Messaging.kafka(url.substring("kafka://".length()));
    config.reject(key, "expected nats://host:4222, amqp://user:password@host:5672 or kafka://host:9092");
    return Messaging.nats("nats://127.0.0.1:4222"); // not started: the rejection stops start-up
  }
}
