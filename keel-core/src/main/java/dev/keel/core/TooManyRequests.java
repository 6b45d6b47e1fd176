package dev.keel.core;

/** Answers 429 Too Many Requests with the given detail as a problem+json body. */
public final class TooManyRequests extends HttpException {
  private static final long serialVersionUID = 1L;

  public TooManyRequests(String detail) {
    super(429, detail);
  }
}
