package dev.keel.services;

import dev.keel.core.HttpException;
import dev.keel.core.Problem;

/**
 * A component in another process threw an exception whose type the caller cannot rebuild (not
 * declared in the method's {@code throws}, not a Keel HTTP exception, not a common JDK one).
 * Answers 502 {@code component-remote-error}; the remote type and message stay in the caller's
 * logs.
 */
public final class RemoteException extends HttpException {
  private static final long serialVersionUID = 1L;

  private final String remoteType;
  private final String remoteMessage;

  public RemoteException(String component, String remoteType, String remoteMessage) {
    super(
        Problem.of(
            ServicesProblems.COMPONENT_REMOTE_ERROR,
            "Component "
                + component
                + " failed in another process with "
                + remoteType
                + "; see that process's log"));
    this.remoteType = remoteType;
    this.remoteMessage = remoteMessage;
  }

  /** The qualified class name of the exception thrown in the other process. */
  public String remoteType() {
    return remoteType;
  }

  /** Its message, empty when it had none. */
  public String remoteMessage() {
    return remoteMessage;
  }
}
