package dev.keel.core;

/**
 * An exception that becomes an HTTP error response with a {@link Problem} body. Throw one of the
 * typed subclasses ({@link NotFound}, {@link BadRequest}, {@link Conflict}, …) or this class with a
 * problem of your own. Stack traces are never sent to the client and are not filled in, as these
 * are expected outcomes, not bugs.
 */
public class HttpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public HttpException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public HttpException(int status, String detail) {
    this(Problem.of(status, detail));
  }

  public Problem problem() {
    return problem;
  }

  public int status() {
    return problem.status();
  }
}
