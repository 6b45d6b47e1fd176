package dev.keel.messaging;

/** A broker did not take a message: not connected, refused, or no confirmation in time. */
public final class MessagingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MessagingException(String message, Throwable cause) {
    super(message, cause);
  }
}
