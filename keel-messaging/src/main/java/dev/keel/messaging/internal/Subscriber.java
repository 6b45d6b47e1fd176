package dev.keel.messaging.internal;

import dev.keel.messaging.Message;
import dev.keel.messaging.MessageHandler;
import dev.keel.messaging.Subscription;
import dev.keel.messaging.spi.Delivery;
import dev.keel.messaging.spi.Headers;
import dev.keel.messaging.spi.OutgoingMessage;
import dev.keel.messaging.spi.Transport;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription at work: takes deliveries from its transport while fewer than {@code
 * maxInFlight} are in hand (the semaphore is the back-pressure), runs each on a virtual thread with
 * retries and backoff, acknowledges only after the handler returned (and its dedup row committed),
 * and sends what keeps failing, or cannot be read, to the dead-letter topic.
 */
public final class Subscriber<T extends Record> {
  private static final Logger log = LoggerFactory.getLogger("dev.keel.messaging");

  /** A subscription and its handler, as registered before start-up. */
  public record Spec<T extends Record>(Subscription<T> subscription, MessageHandler<T> handler) {
    /** Starts receiving; {@code inbox} is used when the subscription is idempotent. */
    public Subscriber<T> start(Transport transport, Codec codec, Inbox inbox) {
      var s =
          new Subscriber<>(
              subscription, handler, transport, codec, subscription.idempotent() ? inbox : null);
      try {
        s.start();
      } catch (Exception e) {
        throw new dev.keel.core.StartupException(
            "cannot subscribe to "
                + subscription.topic()
                + " as group "
                + subscription.group()
                + " on "
                + transport.name()
                + ": "
                + e.getMessage(),
            e);
      }
      return s;
    }
  }

  private final Subscription<T> subscription;
  private final MessageHandler<T> handler;
  private final Transport transport;
  private final Codec codec;
  private final Inbox inbox;
  private final Semaphore slots;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private Transport.Receiver receiver;

  /**
   * @param inbox the dedup table, or null when the subscription is not idempotent
   */
  public Subscriber(
      Subscription<T> subscription,
      MessageHandler<T> handler,
      Transport transport,
      Codec codec,
      Inbox inbox) {
    this.subscription = subscription;
    this.handler = handler;
    this.transport = transport;
    this.codec = codec;
    this.inbox = inbox;
    this.slots = new Semaphore(subscription.maxInFlight());
  }

  public Subscription<T> subscription() {
    return subscription;
  }

  public void start() throws Exception {
    transport.declare(subscription.deadLetter(), "dead-letter");
    receiver =
        transport.receive(
            subscription.topic(), subscription.group(), subscription.maxInFlight(), this::accept);
  }

  private void accept(Delivery delivery) throws InterruptedException {
    slots.acquire();
    if (stopping.getCount() == 0) {
      slots.release();
      delivery.release(); // fetched as shutdown began: another instance gets it
      return;
    }
    Thread.ofVirtual()
        .name("keel-messaging-" + subscription.topic())
        .start(
            () -> {
              try {
                process(delivery);
              } catch (RuntimeException | Error e) {
                log.error("handling a message of {} failed", subscription.topic(), e);
                delivery.release();
              } finally {
                slots.release();
              }
            });
  }

  private void process(Delivery delivery) {
    Message<T> first;
    try {
      first = codec.decode(subscription.topic(), delivery, subscription.type(), 1);
    } catch (RuntimeException e) {
      // a message that cannot be read never will be: no retries
      deadLetter(delivery, "unreadable as " + subscription.type().getName() + ": " + e, 0);
      return;
    }
    for (int attempt = 1; ; attempt++) {
      Message<T> message =
          new Message<>(
              first.id(),
              first.topic(),
              first.payload(),
              attempt,
              first.publishedAt(),
              first.headers());
      try {
        run(message);
        delivery.ack();
        return;
      } catch (Exception e) {
        if (attempt >= subscription.maxAttempts()) {
          log.warn(
              "message {} of {} failed {} times, sending it to {}: {}",
              message.id(),
              subscription.topic(),
              attempt,
              subscription.deadLetter(),
              e.toString());
          deadLetter(delivery, e.toString(), attempt);
          return;
        }
        Duration delay = subscription.delayAfter(attempt);
        log.debug("message {} attempt {} failed, retrying in {}", message.id(), attempt, delay);
        if (waitOrStop(delay)) {
          delivery.release(); // shutting down: redelivered later, not lost
          return;
        }
      }
    }
  }

  private void run(Message<T> message) throws Exception {
    if (inbox == null) {
      handler.handle(message);
      return;
    }
    String consumer = subscription.topic() + "/" + subscription.group();
    inbox.once(consumer, message.id(), () -> handler.handle(message));
  }

  private void deadLetter(Delivery delivery, String error, int attempts) {
    Map<String, String> headers = new HashMap<>(delivery.headers());
    headers.put(Headers.ORIGINAL_TOPIC, subscription.topic());
    headers.put(Headers.ERROR, oneLine(error));
    headers.put(Headers.ATTEMPTS, Integer.toString(attempts));
    String id = headers.getOrDefault(Headers.ID, "unreadable-" + System.nanoTime());
    headers.putIfAbsent(Headers.ID, id);
    try {
      transport.send(
          List.of(
              new OutgoingMessage(subscription.deadLetter(), id, "", headers, delivery.body())));
      delivery.ack();
    } catch (Exception e) {
      log.error(
          "sending message {} to dead-letter topic {} failed; it stays on {}",
          id,
          subscription.deadLetter(),
          subscription.topic(),
          e);
      delivery.release();
    }
  }

  private static String oneLine(String s) {
    String line = s.replaceAll("[\\r\\n]+", " ");
    return line.length() > 500 ? line.substring(0, 500) : line;
  }

  /** Waits {@code delay}; true when shutdown began meanwhile. */
  private boolean waitOrStop(Duration delay) {
    try {
      return stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /**
   * Stops fetching, waits up to {@code grace} for the handlers running now to finish (each then
   * acknowledges), releases what waits for a retry, and closes the subscription.
   *
   * @return true when every handler finished within {@code grace}
   */
  public boolean stop(Duration grace) {
    stopping.countDown();
    if (receiver == null) return true;
    receiver.stop();
    boolean drained = false;
    try {
      drained =
          slots.tryAcquire(subscription.maxInFlight(), grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!drained) {
      log.warn(
          "{}: handlers still running after {}; their messages will be redelivered",
          subscription.topic(),
          grace);
    }
    receiver.close();
    return drained;
  }
}
