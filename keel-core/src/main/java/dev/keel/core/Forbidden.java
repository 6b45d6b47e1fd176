package dev.keel.core;

/** Answers 403 Forbidden with the given detail as a problem+json body. */
public final class Forbidden extends HttpException {
  private static final long serialVersionUID = 1L;

  public Forbidden(String detail) {
    super(403, detail);
  }
}
