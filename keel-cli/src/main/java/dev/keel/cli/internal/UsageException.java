package dev.keel.cli.internal;

/** A mistake on the command line found by a command itself: exit 2, the message, nothing done. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message, null, false, false);
  }
}
