package dev.keel.core;

/** Answers 400 Bad Request with the given detail as a problem+json body. */
public final class BadRequest extends HttpException {
  private static final long serialVersionUID = 1L;

  public BadRequest(String detail) {
    super(400, detail);
  }

  /**
   * A 400 problem of the kind {@code type}.
   *
   * @throws IllegalArgumentException when {@code type}'s status is not 400
   */
  public BadRequest(ProblemType type, String detail) {
    super(checked(type, 400, "BadRequest"), detail);
  }
}
