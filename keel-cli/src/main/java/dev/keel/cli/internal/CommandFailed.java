package dev.keel.cli.internal;

/** A command that ran and failed for a reason its message explains: exit 1, no stack trace. */
public final class CommandFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public CommandFailed(String message) {
    this(message, 1);
  }

  public CommandFailed(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
