package dev.keel.core;

/** Answers 503 Service Unavailable with the given detail as a problem+json body. */
public final class ServiceUnavailable extends HttpException {
  private static final long serialVersionUID = 1L;

  public ServiceUnavailable(String detail) {
    super(503, detail);
  }

  /**
   * A 503 problem of the kind {@code type}.
   *
   * @throws IllegalArgumentException when {@code type}'s status is not 503
   */
  public ServiceUnavailable(ProblemType type, String detail) {
    super(checked(type, 503, "ServiceUnavailable"), detail);
  }
}
