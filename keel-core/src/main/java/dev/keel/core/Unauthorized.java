package dev.keel.core;

/** Answers 401 Unauthorized with the given detail as a problem+json body. */
public final class Unauthorized extends HttpException {
  private static final long serialVersionUID = 1L;

  public Unauthorized(String detail) {
    super(401, detail);
  }

  /**
   * A 401 problem of the kind {@code type}.
   *
   * @throws IllegalArgumentException when {@code type}'s status is not 401
   */
  public Unauthorized(ProblemType type, String detail) {
    super(checked(type, 401, "Unauthorized"), detail);
  }
}
