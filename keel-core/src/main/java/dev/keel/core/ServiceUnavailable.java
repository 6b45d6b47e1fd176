package dev.keel.core;

/** Answers 503 Service Unavailable with the given detail as a problem+json body. */
public final class ServiceUnavailable extends HttpException {
  private static final long serialVersionUID = 1L;

  public ServiceUnavailable(String detail) {
    super(503, detail);
  }
}
