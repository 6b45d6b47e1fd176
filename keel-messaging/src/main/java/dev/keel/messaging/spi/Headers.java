package dev.keel.messaging.spi;

/** The header names Keel puts on every message. */
public final class Headers {
  private Headers() {}

  /** The message id, kept across resends: what idempotent consumers deduplicate by. */
  public static final String ID = "keel-message-id";

  /** The payload's record type, its binary class name. */
  public static final String TYPE = "keel-message-type";

  /** When it was published, epoch milliseconds. */
  public static final String PUBLISHED_AT = "keel-published-at";

  /** On a dead letter: the topic it came from. */
  public static final String ORIGINAL_TOPIC = "keel-original-topic";

  /** On a dead letter: the last error, one line. */
  public static final String ERROR = "keel-error";

  /** On a dead letter: how many times the handler ran. */
  public static final String ATTEMPTS = "keel-attempts";
}
