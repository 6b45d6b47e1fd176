package dev.keel.core;

/**
 * An exception that becomes an HTTP error response with a {@link Problem} body. Throw one of the
 * typed subclasses ({@link NotFound}, {@link BadRequest}, {@link Conflict}, …) or this class with a
 * problem of your own. Given only a detail, the problem's type is {@code about:blank}; given a
 * {@link ProblemType}, it is that type's URI and title. Stack traces are never sent to the client
 * and are not filled in, as these are expected outcomes, not bugs.
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

  public HttpException(ProblemType type, String detail) {
    this(Problem.of(type, detail));
  }

  /** {@code type}, when its status is the {@code status} the exception {@code kind} answers. */
  static ProblemType checked(ProblemType type, int status, String kind) {
    if (type.status() != status) {
      throw new IllegalArgumentException(
          "problem type "
              + type.code()
              + " has status "
              + type.status()
              + ", but "
              + kind
              + " answers "
              + status
              + "; throw new HttpException(type, detail)");
    }
    return type;
  }

  public Problem problem() {
    return problem;
  }

  public int status() {
    return problem.status();
  }
}
