package dev.keel.core;

import java.util.List;

/** Answers 422 Unprocessable Content, listing every field at fault in the problem's errors. */
public final class UnprocessableContent extends HttpException {
  private static final long serialVersionUID = 1L;

  public UnprocessableContent(String detail) {
    super(422, detail);
  }

  public UnprocessableContent(String detail, List<Problem.FieldError> errors) {
    super(Problem.of(422, detail).withErrors(errors));
  }

  /**
   * A 422 problem of the kind {@code type}, such as {@link ProblemTypes#VALIDATION}, listing {@code
   * errors}.
   *
   * @throws IllegalArgumentException when {@code type}'s status is not 422
   */
  public UnprocessableContent(ProblemType type, String detail, List<Problem.FieldError> errors) {
    super(Problem.of(checked(type, 422, "UnprocessableContent"), detail).withErrors(errors));
  }
}
