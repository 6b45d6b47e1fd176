package dev.keel.httpclient;

import dev.keel.core.HttpException;
import dev.keel.core.Problem;

/**
 * A call that could not reach the remote service: its circuit breaker is open, its bulkhead is
 * full, or the connection failed (after the retries an idempotent request gets). Uncaught in a
 * handler it answers 503 {@code remote-unavailable}, naming the service and the reason.
 */
public final class RemoteUnavailable extends HttpException {
  private static final long serialVersionUID = 1L;

  /** Why the call did not reach the service. */
  public enum Reason {
    CIRCUIT_OPEN,
    BULKHEAD_FULL,
    CONNECTION_FAILED
  }

  private final String service;
  private final Reason reason;

  public RemoteUnavailable(String service, Reason reason, String detail) {
    super(
        Problem.of(HttpClientProblems.REMOTE_UNAVAILABLE, detail)
            .with("service", service)
            .with("reason", reason.name()));
    this.service = service;
    this.reason = reason;
  }

  public String service() {
    return service;
  }

  public Reason reason() {
    return reason;
  }
}
