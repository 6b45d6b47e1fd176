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
}
