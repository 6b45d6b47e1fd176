package dev.keel.core.internal.router;

/**
 * A request path whose percent-encoding is malformed ({@code %zz}, a truncated {@code %4}) or whose
 * decoded bytes are not UTF-8. The server answers 400 Bad Request.
 */
public final class MalformedPathException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public MalformedPathException(String message) {
    super(message);
  }
}
