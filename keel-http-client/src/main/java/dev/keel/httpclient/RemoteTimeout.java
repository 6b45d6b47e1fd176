package dev.keel.httpclient;

import dev.keel.core.HttpException;
import dev.keel.core.Problem;

/**
 * The remote service did not connect or answer within the client's timeout (on every attempt, for
 * an idempotent request). Uncaught in a handler it answers 504 {@code remote-timeout}.
 */
public final class RemoteTimeout extends HttpException {
  private static final long serialVersionUID = 1L;
  private final String service;

  public RemoteTimeout(String service, String detail) {
    super(Problem.of(HttpClientProblems.REMOTE_TIMEOUT, detail).with("service", service));
    this.service = service;
  }

  public String service() {
    return service;
  }
}
