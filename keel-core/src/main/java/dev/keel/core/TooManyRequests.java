package dev.keel.core;

/** Answers 429 Too Many Requests with the given detail as a problem+json body. */
public final class TooManyRequests extends HttpException {
  private static final long serialVersionUID = 1L;

  public TooManyRequests(String detail) {
    super(429, detail);
  }

  /**
   * A 429 problem of the kind {@code type}.
   *
   * @throws IllegalArgumentException when {@code type}'s status is not 429
   */
  public TooManyRequests(ProblemType type, String detail) {
    super(checked(type, 429, "TooManyRequests"), detail);
  }
}
