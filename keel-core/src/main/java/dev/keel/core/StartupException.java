package dev.keel.core;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * The application could not start for a reason outside the code, described completely by the
 * message: the port is taken, the database is missing, migrations are pending. {@link Keel#start()}
 * throws it after closing everything it had opened, so an uncaught one ends {@code main} and the
 * JVM exits with status 1.
 *
 * <p>An expected failure, not a bug: it has no stack trace of its own, and {@link #printStackTrace}
 * (what the JVM calls for an uncaught exception) prints only its message, without the cause. The
 * cause stays available through {@link #getCause()} and is written in full when the exception is
 * passed to a logger. Plugins throw it from their start hooks for failures they can explain.
 */
public final class StartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message one sentence naming what failed, the value at fault and the fix
   */
  public StartupException(String message) {
    this(message, null);
  }

  public StartupException(String message, Throwable cause) {
    super(message, cause, false, false);
  }

  /** Prints {@code dev.keel.core.StartupException: <message>}, nothing more. */
  @Override
  public void printStackTrace(PrintStream s) {
    s.println(this);
  }

  /** Prints {@code dev.keel.core.StartupException: <message>}, nothing more. */
  @Override
  public void printStackTrace(PrintWriter s) {
    s.println(this);
  }
}
