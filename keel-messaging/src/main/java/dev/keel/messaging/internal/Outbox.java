package dev.keel.messaging.internal;

import dev.keel.db.Database;
import dev.keel.db.Dialect;
import dev.keel.messaging.spi.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The transactional outbox, {@code keel_message_outbox}: a message published inside a transaction
 * is a row of that transaction, so it exists exactly when the transaction committed; the {@link
 * Relay} sends rows and deletes them.
 */
public final class Outbox {
  /** A row as read back. */
  public record Row(
      long id, String messageId, String topic, String messageKey, String headers, String body) {}

  private final Database db;
  private final Codec codec;

  public Outbox(Database db, Codec codec) {
    this.db = db;
    this.codec = codec;
  }

  public Database db() {
    return db;
  }

  /** Inserts {@code message} in the calling thread's transaction. */
  public void add(OutgoingMessage message) {
    db.sql(
            "insert into keel_message_outbox (message_id, topic, message_key, headers, body,"
                + " created_at) values (:m, :t, :k, :h, :b, :c)")
        .bind("m", message.id())
        .bind("t", message.topic())
        .bind("k", message.key())
        .bind("h", codec.headersJson(message.headers()))
        .bind("b", new String(message.body(), StandardCharsets.UTF_8))
        .bind("c", System.currentTimeMillis())
        .update();
  }

  /**
   * The oldest {@code limit} rows; on PostgreSQL locked until the calling transaction ends and
   * skipped by other instances' relays meanwhile.
   */
  public List<Row> oldest(int limit) {
    String lock = db.dialect() == Dialect.POSTGRESQL ? " for update skip locked" : "";
    return db.sql(
            "select id, message_id, topic, message_key, headers, body from keel_message_outbox"
                + " order by id limit :n"
                + lock)
        .bind("n", limit)
        .list(Row.class);
  }

  public void delete(List<Row> rows) {
    db.sql("delete from keel_message_outbox where id in (:ids)")
        .bind("ids", rows.stream().map(Row::id).toList())
        .update();
  }

  public OutgoingMessage message(Row row) {
    return new OutgoingMessage(
        row.topic(),
        row.messageId(),
        row.messageKey(),
        codec.headers(row.headers()),
        row.body().getBytes(StandardCharsets.UTF_8));
  }

  public long size() {
    return db.sql("select count(*) from keel_message_outbox").one(Long.class);
  }
}
