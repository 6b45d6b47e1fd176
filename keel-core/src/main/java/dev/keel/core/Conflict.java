package dev.keel.core;

/** Answers 409 Conflict with the given detail as a problem+json body. */
public final class Conflict extends HttpException {
  private static final long serialVersionUID = 1L;

  public Conflict(String detail) {
    super(409, detail);
  }

  /**
   * A 409 problem of the kind {@code type}.
   *
   * @throws IllegalArgumentException when {@code type}'s status is not 409
   */
  public Conflict(ProblemType type, String detail) {
    super(checked(type, 409, "Conflict"), detail);
  }
}
