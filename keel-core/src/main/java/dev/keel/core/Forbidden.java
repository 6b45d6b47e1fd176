package dev.keel.core;

/** Answers 403 Forbidden with the given detail as a problem+json body. */
public final class Forbidden extends HttpException {
  private static final long serialVersionUID = 1L;

  public Forbidden(String detail) {
    super(403, detail);
  }

  /**
   * A 403 problem of the kind {@code type}.
   *
   * @throws IllegalArgumentException when {@code type}'s status is not 403
   */
  public Forbidden(ProblemType type, String detail) {
    super(checked(type, 403, "Forbidden"), detail);
  }
}
