package dev.keel.core;

/** Answers 409 Conflict with the given detail as a problem+json body. */
public final class Conflict extends HttpException {
  private static final long serialVersionUID = 1L;

  public Conflict(String detail) {
    super(409, detail);
  }
}
