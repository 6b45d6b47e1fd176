package dev.keel.messaging.internal;

import dev.keel.db.Database;
import java.time.Duration;

/**
 * The idempotent consumers' record of handled messages, {@code keel_message_inbox}: a row per
 * (consumer, message id), inserted in the handler's own transaction, so a message counts as handled
 * exactly when the handler's writes committed.
 */
public final class Inbox {
  /** A handler body that may throw. */
  @FunctionalInterface
  public interface Body {
    void run() throws Exception;
  }

  private final Database db;

  public Inbox(Database db) {
    this.db = db;
  }

  /**
   * Runs {@code body} in a transaction unless {@code consumer} handled {@code messageId} before.
   *
   * @return false when it was a duplicate (and {@code body} did not run)
   */
  public boolean once(String consumer, String messageId, Body body) throws Exception {
    try {
      return db.transaction(
          () -> {
            int inserted =
                db.sql(
                        "insert into keel_message_inbox (consumer, message_id, received_at) values"
                            + " (:c, :m, :t) on conflict do nothing")
                    .bind("c", consumer)
                    .bind("m", messageId)
                    .bind("t", System.currentTimeMillis())
                    .update();
            if (inserted == 0) return false;
            try {
              body.run();
            } catch (Exception e) {
              throw new Carrier(e);
            }
            return true;
          });
    } catch (Carrier c) {
      throw c.exception;
    }
  }

  /** Deletes the records older than {@code retention}; returns how many. */
  public int prune(Duration retention) {
    return db.sql("delete from keel_message_inbox where received_at < :t")
        .bind("t", System.currentTimeMillis() - retention.toMillis())
        .update();
  }

  /** Carries a handler's checked exception out of the transaction (which rolls back). */
  private static final class Carrier extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final Exception exception;

    Carrier(Exception exception) {
      super(exception.getMessage(), exception, false, false);
      this.exception = exception;
    }
  }
}
