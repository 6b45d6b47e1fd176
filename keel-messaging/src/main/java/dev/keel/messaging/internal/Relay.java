package dev.keel.messaging.internal;

import dev.keel.db.Dialect;
import dev.keel.messaging.spi.Transport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: takes the oldest rows, sends them and waits for the broker's confirmation, then
 * deletes them. A crash between the send and the delete sends them again on restart (at least once;
 * idempotent consumers drop the copy by its unchanged id). On PostgreSQL the rows stay locked
 * ({@code SKIP LOCKED}) while they are sent, so several instances share the outbox without sending
 * a row twice in normal operation; on SQLite one process owns the file.
 */
public final class Relay {
  private static final Logger log = LoggerFactory.getLogger("dev.keel.messaging");

  private final Outbox outbox;
  private final Inbox inbox;
  private final Transport transport;
  private final Duration pollInterval;
  private final int batch;
  private final Duration inboxRetention;
  private volatile boolean stopped;
  private volatile Thread thread;

  public Relay(
      Outbox outbox,
      Inbox inbox,
      Transport transport,
      Duration pollInterval,
      int batch,
      Duration inboxRetention) {
    this.outbox = outbox;
    this.inbox = inbox;
    this.transport = transport;
    this.pollInterval = pollInterval;
    this.batch = batch;
    this.inboxRetention = inboxRetention;
  }

  public void start() {
    thread = Thread.ofVirtual().name("keel-messaging-relay").start(this::loop);
  }

  /** Looks at the outbox now rather than at the next poll. */
  public void wake() {
    Thread t = thread;
    if (t != null) LockSupport.unpark(t);
  }

  private void loop() {
    long nextPrune = 0;
    int failures = 0;
    while (!stopped) {
      int sent;
      try {
        sent = relayOnce();
        failures = 0;
        if (System.currentTimeMillis() >= nextPrune) {
          int pruned = inbox.prune(inboxRetention);
          if (pruned > 0) log.debug("pruned {} inbox rows", pruned);
          nextPrune = System.currentTimeMillis() + 60_000;
        }
      } catch (Exception e) {
        failures++;
        log.warn("relaying the outbox failed (try {}), retrying: {}", failures, e.toString());
        sent = 0;
        LockSupport.parkNanos(Math.min(30_000, 100L << Math.min(failures, 9)) * 1_000_000);
      }
      if (sent < batch && !stopped) LockSupport.parkNanos(pollInterval.toNanos());
    }
  }

  /** Sends one batch; returns how many rows it sent. */
  public int relayOnce() throws Exception {
    if (outbox.db().dialect() == Dialect.POSTGRESQL) {
      try {
        return outbox.db().transaction(() -> sendBatch());
      } catch (SendFailed e) {
        throw e.cause;
      }
    }
    try {
      return sendBatch();
    } catch (SendFailed e) {
      throw e.cause;
    }
  }

  private int sendBatch() {
    List<Outbox.Row> rows = outbox.oldest(batch);
    if (rows.isEmpty()) return 0;
    try {
      transport.send(rows.stream().map(outbox::message).toList());
    } catch (Exception e) {
      throw new SendFailed(e);
    }
    outbox.delete(rows);
    return rows.size();
  }

  /** Stops after the batch being sent now. */
  public void stop() {
    stopped = true;
    Thread t = thread;
    if (t == null) return;
    LockSupport.unpark(t);
    try {
      t.join(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class SendFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final Exception cause;

    SendFailed(Exception cause) {
      super(cause.getMessage(), cause, false, false);
      this.cause = cause;
    }
  }
}
