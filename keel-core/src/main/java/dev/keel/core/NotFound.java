package dev.keel.core;

/** Answers 404 Not Found with the given detail as a problem+json body. */
public final class NotFound extends HttpException {
  private static final long serialVersionUID = 1L;

  public NotFound(String detail) {
    super(404, detail);
  }

  /**
   * A 404 problem of the kind {@code type}.
   *
   * @throws IllegalArgumentException when {@code type}'s status is not 404
   */
  public NotFound(ProblemType type, String detail) {
    super(checked(type, 404, "NotFound"), detail);
  }
}
